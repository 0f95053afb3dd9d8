import { afterEach, expect, it, vi } from 'vitest';
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
