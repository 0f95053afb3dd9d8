import { generateBoard } from '../seed/generate';
import { loadFresh } from './fresh';
import { LoadClient, type Recorder } from './load';
import { rssMb, type RunningServer } from './proc';

/**
 * Memory per idle room and per loaded card, as RSS deltas of the server process
 * (what an operator pays; not heap after GC — the server's GC runs when it likes,
 * so a delta carries some garbage; medians over runs smooth that).
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface IdleRooms {
  rooms: number;
  /** Server RSS with every room open, MB. */
  rssMb: number;
  kbPerRoom: number;
}

/** B boards with one idle client each (connected and synced, editing nothing), on a fresh server. */
export async function idleRooms(server: RunningServer, rooms: number): Promise<IdleRooms> {
  await sleep(1000);
  const before = rssMb(server.pid);
  const rec: Recorder = { sent: new Map(), latencies: [], delivered: 0 };
  const clients: LoadClient[] = [];
  for (let b = 0; b < rooms; b++) {
    clients.push(new LoadClient(`${server.wsBase}/idle-${b}`, 1, rec));
    if (b % 50 === 49) await Promise.all(clients.slice(-50).map((c) => c.opened));
  }
  await Promise.all(clients.map((c) => c.opened));
  await sleep(2000);
  const after = rssMb(server.pid);
  for (const c of clients) c.close();
  return { rooms, rssMb: after, kbPerRoom: ((after - before) * 1024) / rooms };
}

export interface LoadedBoard {
  cards: number;
  /** A fresh stock client loading the board: median of 5, ms. */
  loadMs: number;
  /** Server RSS with the loaded board, MB. */
  rssMb: number;
  kbPerCard: number;
}

/**
 * On a fresh server: RSS with one client in an empty board, then with a board of N generated
 * cards open (its writer stays connected, so the reference keeps it in memory too).
 */
export async function loadedBoard(server: RunningServer, cards: number): Promise<LoadedBoard> {
  const empty = await loadFresh(server.wsBase, `empty-${Date.now()}`);
  await sleep(1500);
  const before = rssMb(server.pid);
  const board = `load-${cards}-${Date.now()}`;
  const writer = await loadFresh(server.wsBase, board);
  try {
    generateBoard(writer.doc, { count: cards, seed: 1 });
    // Wait until a second client sees all of it (then it is on the server).
    for (let i = 0; i < 200; i++) {
      const probe = await loadFresh(server.wsBase, board);
      const n = probe.doc.getMap('items').size;
      probe.destroy();
      if (n === cards) break;
      await sleep(100);
    }
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const c = await loadFresh(server.wsBase, board);
      if (c.doc.getMap('items').size !== cards) throw new Error('fresh client got an incomplete board');
      times.push(c.ms);
      c.destroy();
    }
    times.sort((a, b) => a - b);
    await sleep(2000);
    const after = rssMb(server.pid);
    return { cards, loadMs: times[2] as number, rssMb: after, kbPerCard: ((after - before) * 1024) / cards };
  } finally {
    writer.destroy();
    empty.destroy();
  }
}
