import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../../server/log';
import type { BoardStore } from '../../server/storage/types';
import { Room, type Peer } from '../../server/sync/room';
import { planUpdate } from '../../server/sync/validateUpdate';
import { docWithClient, updateFrame } from '../helpers/hostile';

/** What planUpdate predicts before anything is applied, and the room's safety net when an apply fails anyway. */

function edit(doc: Y.Doc, change: () => void): Uint8Array {
  const sv = Y.encodeStateVector(doc);
  change();
  return Y.encodeStateAsUpdate(doc, sv);
}

it('an update that adds nothing (re-sent edits, re-sent deletions) adds nothing; a new edit or deletion does', () => {
  const author = docWithClient(1);
  const room = docWithClient(2);
  const text = author.getText('t');
  const insert = edit(author, () => text.insert(0, 'hello world'));
  Y.applyUpdate(room, insert);
  expect(planUpdate(room, insert)).toEqual({ adds: false, addedBytes: 0, pendingBytes: 0 });

  const del = edit(author, () => text.delete(0, 6));
  const fresh = planUpdate(room, del);
  expect(fresh.adds).toBe(true);
  expect(fresh.addedBytes).toBeGreaterThan(0);
  Y.applyUpdate(room, del);
  // A reconnecting client sends its whole state, deletions included: nothing new.
  expect(planUpdate(room, Y.encodeStateAsUpdate(author)).adds).toBe(false);

  const more = edit(author, () => text.insert(0, 'x'.repeat(500)));
  expect(planUpdate(room, more).addedBytes).toBeGreaterThanOrEqual(500);
});

it('an update whose dependencies are missing is predicted pending, and adds nothing yet', () => {
  const author = docWithClient(3);
  const room = docWithClient(4);
  author.getMap('m').set('a', 1);
  const second = edit(author, () => author.getMap('m').set('b', 'y'.repeat(300)));
  const plan = planUpdate(room, second);
  expect(plan.adds).toBe(false);
  expect(plan.pendingBytes).toBeGreaterThan(300);
  Y.applyUpdate(room, second);
  expect(plan.pendingBytes).toBeGreaterThanOrEqual(room.store.pendingStructs!.update.byteLength);
  // With its first edit in the same update, it integrates whole.
  expect(planUpdate(docWithClient(5), Y.encodeStateAsUpdate(author)).pendingBytes).toBe(0);
});

it('if an apply fails after validation, the update is dropped whole and the doc rebuilt from storage plus the unsent edits', async () => {
  const stored: Uint8Array[] = [];
  const store: BoardStore = {
    load: () => [...stored],
    append: (_id, u) => void stored.push(...u),
    compact: () => {},
    deleteBoard: () => {},
    count: () => stored.length,
    close: () => {},
  };
  const errors: string[] = [];
  const log = { warn: () => {}, info: () => {}, error: (_o: unknown, msg: string) => void errors.push(msg) } as unknown as Logger;
  const room = new Room('b', store, log, 1000);
  await room.load();
  const closes: number[] = [];
  const peer: Peer = { id: 1, socket: { send: () => {}, close: (code) => void closes.push(code) }, awarenessIds: new Set() };
  room.addPeer(peer);
  const client = docWithClient(9);
  await room.receive(peer, updateFrame(edit(client, () => client.getMap('m').set('stored', 1))));
  await room.settled();
  // Accepted, not yet stored (the flush runs on the next turn), when the failing update comes.
  await room.receive(peer, updateFrame(edit(client, () => client.getMap('m').set('unsent', 2))));

  // A Yjs path the checks missed, simulated: the doc throws after integrating (an update handler that throws).
  room.doc.on('update', () => {
    throw new Error('simulated integration failure');
  });
  await room.receive(peer, updateFrame(edit(client, () => client.getMap('m').set('failed', 3))));
  expect(closes).toEqual([CloseCode.UpdateRejected]);
  await room.receive(peer, new Uint8Array()); // waits for the resync (an empty frame is refused, harmlessly)
  await room.settled();
  expect(errors).toEqual(['update failed after validation; resyncing the room from storage']);
  expect(room.doc.getMap('m').toJSON()).toEqual({ stored: 1, unsent: 2 });
  const reloaded = new Y.Doc();
  for (const u of stored) Y.applyUpdate(reloaded, u);
  expect(reloaded.getMap('m').toJSON()).toEqual({ stored: 1, unsent: 2 });
  await room.destroy();
});
