import { afterEach, expect, it, vi } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol';
import { createLogger } from '../../server/log';
import type { BoardStore } from '../../server/storage/types';
import { Room, type Peer } from '../../server/sync/room';
import { awarenessFrame, docWithClient, updateFrame } from '../helpers/hostile';

/**
 * Presence frames per peer are bounded by the room's presence interval, which
 * grows with the number of peers, and document updates are flushed on their
 * own schedule however much presence is going on. Fake timers: the bounds are
 * checked in simulated time, so a busy machine cannot make them flaky.
 */

afterEach(() => {
  vi.useRealTimers();
});

const store: BoardStore = { load: () => [], append: () => {}, compact: () => {}, deleteBoard: () => {}, count: () => 0, close: () => {} };

interface Counted extends Peer {
  presenceFrames: number;
  updateFrames: number;
}

function peer(id: number): Counted {
  const p: Counted = {
    id,
    awarenessIds: new Set(),
    presenceFrames: 0,
    updateFrames: 0,
    socket: {
      send: (f) => {
        if (f[0] === MESSAGE_AWARENESS) p.presenceFrames++;
        else if (f[0] === MESSAGE_SYNC && f[1] === 2) p.updateFrames++;
      },
      close: () => {},
    },
  };
  return p;
}

/** 2 s of one cursor moving every 10 ms and one edit every 100 ms, in a room of `peers`. */
async function storm(peers: number) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  const room = new Room('b', store, createLogger('silent'), 1000);
  await room.load();
  const all = Array.from({ length: peers }, (_, i) => peer(i));
  for (const p of all) room.addPeer(p);
  const [mover, watcher] = all as [Counted, Counted];
  const base = { presence: watcher.presenceFrames, updates: watcher.updateFrames };
  const editor = docWithClient(77);
  let lateEdits = 0;
  for (let t = 0; t < 2000; t += 10) {
    await room.receive(mover, awarenessFrame(4242, t + 1, { pos: t }));
    if (t % 100 === 0) {
      const before = watcher.updateFrames;
      const sv = Y.encodeStateVector(editor);
      editor.getMap('m').set(`k${t}`, t);
      await room.receive(mover, updateFrame(Y.encodeStateAsUpdate(editor, sv)));
      // A document flush waits at most the document interval (40 ms at most), never for presence.
      await vi.advanceTimersByTimeAsync(40);
      if (watcher.updateFrames === before) lateEdits++;
    }
    await vi.advanceTimersByTimeAsync(10);
  }
  await vi.advanceTimersByTimeAsync(1000);
  const result = {
    presenceFrames: watcher.presenceFrames - base.presence,
    updateFrames: watcher.updateFrames - base.updates,
    lastPos: (room.awareness.getStates().get(4242) as { pos?: number } | undefined)?.pos,
    lateEdits,
  };
  editor.destroy();
  await room.destroy();
  return result;
}

it.each([
  [2, 50],
  [250, 100],
  [1000, 400],
])('%i peers: at most one presence frame per %i ms, and every edit flushed without waiting for presence', async (peers, intervalMs) => {
  const r = await storm(peers);
  const simulatedMs = 2000 + 20 * 40 + 1000;
  // 200 presence messages arrive; a peer gets one frame per interval at most (plus the first, sent at once).
  expect(r.presenceFrames).toBeGreaterThan(0);
  expect(r.presenceFrames).toBeLessThanOrEqual(Math.ceil(simulatedMs / intervalMs) + 1);
  expect(r.lastPos).toBe(1990);
  expect(r.lateEdits).toBe(0);
  expect(r.updateFrames).toBe(20);
});

/** The client ids and states (null: removed) in one awareness frame. */
function entries(frame: Uint8Array): Array<[number, unknown]> {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d); // message type
  const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
  const out: Array<[number, unknown]> = [];
  for (let n = decoding.readVarUint(inner); n > 0; n--) {
    const id = decoding.readVarUint(inner);
    decoding.readVarUint(inner); // clock
    out.push([id, JSON.parse(decoding.readVarString(inner))]);
  }
  return out;
}

it('over the presence budget a frame carries at most its share, every latest state still arrives, and removals are not held back', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'performance', 'Date'] });
  const room = new Room('b', store, createLogger('silent'), 1000);
  await room.load();
  const frames: Array<Array<[number, unknown]>> = [];
  const watcher: Peer = { id: -1, awarenessIds: new Set(), socket: { send: (f) => f[0] === MESSAGE_AWARENESS && frames.push(entries(f)), close: () => {} } };
  room.addPeer(watcher);
  // 1,000 people (presence interval 400 ms: a budget of 160 entries a frame), 600 of them move a cursor at once, twice.
  const people = Array.from({ length: 999 }, (_, i) => peer(i));
  for (const p of people) room.addPeer(p);
  for (let i = 0; i < 600; i++) await room.receive(people[i] as Counted, awarenessFrame(10_000 + i, 1, { pos: 1 }));
  await vi.advanceTimersByTimeAsync(1);
  for (let i = 0; i < 600; i++) await room.receive(people[i] as Counted, awarenessFrame(10_000 + i, 2, { pos: 2 }));
  // One person leaves while the backlog is still being sent.
  room.removePeer(people[599] as Counted);
  await vi.advanceTimersByTimeAsync(410);
  const afterLeave = frames.flat();
  await vi.advanceTimersByTimeAsync(5000);
  const seen = new Map<number, unknown>();
  for (const f of frames) {
    expect(f.filter(([, s]) => s !== null).length).toBeLessThanOrEqual(160);
    for (const [id, s] of f) seen.set(id, s);
  }
  // The removal went out in the first frame after it, ahead of the waiting states.
  expect(afterLeave.some(([id, s]) => id === 10_599 && s === null)).toBe(true);
  // Everyone else's latest state arrived.
  for (let i = 0; i < 599; i++) expect(seen.get(10_000 + i)).toEqual({ pos: 2 });
  expect(seen.get(10_599)).toBeNull();
  await room.destroy();
});
