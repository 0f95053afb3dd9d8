import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createItem, deleteItems, itemsMap } from '../../shared/model/board';
import { MESSAGE_SAVED, MESSAGE_SYNC } from '../../shared/protocol';
import { author, typeInto } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { SlowStore, storedDoc } from '../helpers/storage';
import { waitFor } from '../helpers/wait';

/**
 * MESSAGE_SAVED: a client sends [4, seq] after its edits on the same socket;
 * the server answers [4, seq] once everything it received before is stored.
 * The tests check the answer against the disk, not against the server's word.
 */

const scope = useScope();

const savedFrame = (seq: number) =>
  (() => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SAVED);
    encoding.writeVarUint(e, seq);
    return encoding.toUint8Array(e);
  })();

describe('saved answers', () => {
  it('when the answer arrives, all of the client’s edits (deletions included) are on disk', async () => {
    const srv = await startTestServer(scope);
    const c = connectClient(scope, srv.wsUrl, 'acks');
    await c.waitSynced();
    const ids: string[] = [];
    for (let n = 0; n < 20; n++) ids.push(createItem(c.doc, { kind: 'idea', x: n, y: 0, author: author(), text: `i${n}` }));
    typeInto(c.doc, ids[0] as string, 0, 'først: ');
    deleteItems(c.doc, ids.slice(15));

    let onDiskAtAnswer: { clock: number; items: string[]; text: string } | null = null;
    const seq = c.sendSavedRequest();
    await waitFor(
      () => {
        if (!c.savedAnswers.includes(seq)) return false;
        // Read the disk as soon as the answer is seen.
        const d = storedDoc(srv.dataDir, 'acks');
        const first = itemsMap(d).get(ids[0] as string) as Y.Map<unknown> | undefined;
        onDiskAtAnswer = {
          clock: Y.getState(d.store, c.clientID),
          items: [...itemsMap(d).keys()].sort(),
          text: String(first?.get('body') ?? ''),
        };
        d.destroy();
        return true;
      },
      { message: `answer ${seq}` },
    );
    expect(onDiskAtAnswer).not.toBeNull();
    const disk = onDiskAtAnswer as unknown as { clock: number; items: string[]; text: string };
    expect(disk.clock).toBe(c.ownClock());
    expect(disk.items).toEqual(ids.slice(0, 15).sort());
    expect(disk.text).toContain('først: i0');
  });

  it('with an asynchronous store the answer waits for the write to finish', async () => {
    const dataDir = scope.tempDir();
    const store = new SlowStore(dataDir, 250);
    const srv = await startTestServer(scope, { dataDir, store });
    const c = connectClient(scope, srv.wsUrl, 'slow-acks');
    await c.waitSynced();
    for (let round = 0; round < 3; round++) {
      createItem(c.doc, { kind: 'problem', x: round, y: 0, author: author() });
      const seq = c.sendSavedRequest();
      await waitFor(() => c.savedAnswers.includes(seq), { message: `answer ${seq}` });
      expect(store.appendsDone, 'every started write had finished when the answer came').toBe(store.appendsStarted);
      const d = storedDoc(dataDir, 'slow-acks');
      expect(Y.getState(d.store, c.clientID)).toBe(c.ownClock());
      d.destroy();
    }
  });

  it('several requests in flight are each answered with their own seq, in order', async () => {
    const srv = await startTestServer(scope);
    const raw = await openRawSocket(scope, `${srv.wsUrl}/raw-acks`);
    const doc = new Y.Doc();
    const seqs = [0, 1, 127, 128, 300, 2 ** 31, 2 ** 40];
    for (const seq of seqs) {
      createItem(doc, { kind: 'idea', x: seq % 1000, y: 0, author: author() });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_SYNC);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
      raw.sendBinary(encoding.toUint8Array(e));
      raw.sendBinary(savedFrame(seq));
    }
    const answers = () => raw.received.filter((m) => m[0] === MESSAGE_SAVED);
    await waitFor(() => answers().length === seqs.length, { message: 'all answers' });
    // Each answer is exactly [4, varUint seq].
    expect(answers().map((m) => Array.from(m))).toEqual(seqs.map((s) => Array.from(savedFrame(s))));
    const decoded = answers().map((m) => {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      return decoding.readVarUint(d);
    });
    expect(decoded).toEqual(seqs);
    doc.destroy();
  });

  it('a request sent the moment the socket opens (board still loading) is answered', async () => {
    const srv = await startTestServer(scope);
    const raw = await openRawSocket(scope, `${srv.wsUrl}/early-ack`);
    raw.sendBinary(savedFrame(42));
    await waitFor(() => raw.received.some((m) => Array.from(m).join() === Array.from(savedFrame(42)).join()), {
      message: 'the answer to the early request',
    });
  });

  it('edits made offline are covered by an answer after the reconnect', async () => {
    const srv = await startTestServer(scope);
    const c = connectClient(scope, srv.wsUrl, 'offline-acks');
    await c.waitSynced();
    createItem(c.doc, { kind: 'idea', x: 0, y: 0, author: author() });
    await c.waitSaved();
    c.disconnect();
    await waitFor(() => !c.provider.wsconnected);
    const offline = createItem(c.doc, { kind: 'idea', x: 1, y: 1, author: author(), text: 'offline' });
    expect(() => c.sendSavedRequest()).toThrow(/not connected/);
    c.connect();
    await c.waitSynced();
    await c.waitSaved();
    const d = storedDoc(srv.dataDir, 'offline-acks');
    expect(itemsMap(d).has(offline)).toBe(true);
    expect(Y.getState(d.store, c.clientID)).toBe(c.ownClock());
    d.destroy();
  });

  it('a stock client that never asks never receives a MESSAGE_SAVED frame', async () => {
    const srv = await startTestServer(scope);
    const stock = connectClient(scope, srv.wsUrl, 'stock');
    const other = connectClient(scope, srv.wsUrl, 'stock');
    await Promise.all([stock.waitSynced(), other.waitSynced()]);
    for (let n = 0; n < 5; n++) createItem(stock.doc, { kind: 'idea', x: n, y: 0, author: author() });
    // The other client asks for acks; they must go to it alone.
    await other.waitSaved();
    const marker = createItem(other.doc, { kind: 'idea', x: 9, y: 9, author: author() });
    await waitFor(() => itemsMap(stock.doc).has(marker));
    expect(stock.savedFrames).toEqual([]);
    expect(other.savedAnswers).toEqual([1]);
  });
});
