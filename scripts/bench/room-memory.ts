/**
 * Memory of loaded boards: heap and RSS after GC with N rooms of C generated
 * cards each, loaded from an in-memory store, minus the same process before
 * loading. Run with GC exposed:
 *
 *   node --expose-gc --import tsx scripts/bench/room-memory.ts [cards=5000] [rooms=4] [roomModule]
 *
 * roomModule (default server/sync/room.ts) lets one run compare another
 * version of Room, e.g. `git show HEAD~1:server/sync/room.ts` saved next to
 * room.ts; the generated boards are the same (seeded) either way.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { createLogger } from '../../server/log';
import type { BoardStore } from '../../server/storage/types';
import type { Room as RoomClass } from '../../server/sync/room';
import { generateBoard } from '../seed/generate';

const cards = Number(process.argv[2] ?? 5000);
const roomCount = Number(process.argv[3] ?? 4);
const roomModule = path.resolve(process.argv[4] ?? 'server/sync/room.ts');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function settle(): { heapMb: number; rssMb: number } {
  for (let i = 0; i < 4; i++) gc!();
  const m = process.memoryUsage();
  return { heapMb: m.heapUsed / 2 ** 20, rssMb: m.rss / 2 ** 20 };
}

/** Each board's stored log as one compacted update (what a long-lived board holds). */
function boardUpdate(seed: number): Uint8Array {
  const doc = new Y.Doc();
  generateBoard(doc, { count: cards, seed, seededIds: true, now: 1_700_000_000_000 });
  const u = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return u;
}

const rows = new Map<string, Uint8Array[]>();
for (let r = 0; r < roomCount; r++) rows.set(`board-${r}`, [boardUpdate(r + 1)]);
const store: BoardStore = {
  load: (id) => rows.get(id) ?? [],
  append: () => {},
  compact: () => {},
  deleteBoard: () => {},
  count: (id) => rows.get(id)?.length ?? 0,
  close: () => {},
};

const { Room } = (await import(pathToFileURL(roomModule).href)) as { Room: typeof RoomClass };
const log = createLogger('silent');
const before = settle();
const rooms: RoomClass[] = [];
for (let r = 0; r < roomCount; r++) {
  const room = new Room(`board-${r}`, store, log, 1000);
  await room.load();
  rooms.push(room);
}
const after = settle();
const storedKb = [...rows.values()].reduce((n, rs) => n + rs[0]!.byteLength, 0) / 1024 / roomCount;
const perRoomHeap = (after.heapMb - before.heapMb) / roomCount;
const perRoomRss = (after.rssMb - before.rssMb) / roomCount;
console.log(
  JSON.stringify({
    room: path.relative(process.cwd(), roomModule),
    cards,
    rooms: roomCount,
    storedKbPerBoard: Math.round(storedKb),
    heapMbPerRoom: +perRoomHeap.toFixed(2),
    rssMbPerRoom: +perRoomRss.toFixed(2),
    heapKbPerCard: +((perRoomHeap * 1024) / cards).toFixed(2),
    totalHeapMb: +after.heapMb.toFixed(1),
    totalRssMb: +after.rssMb.toFixed(1),
  }),
);
// Keep the rooms reachable until measured.
process.exit(rooms.length === roomCount ? 0 : 1);
