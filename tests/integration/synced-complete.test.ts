import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, listItems } from '../../shared/model/board';
import { author, projectBoard } from '../helpers/board';
import { connectClient, type TestClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { SlowStore, storedDoc } from '../helpers/storage';
import { waitFor } from '../helpers/wait';

/**
 * "Synced means complete": when a client's provider emits sync(true), its doc
 * already holds the whole stored board — never a partial board that fills in
 * later (the UI would show an empty or half board as if it were the truth).
 */

const scope = useScope();
const ITEMS = 2000;

/** Records the item count at the exact moment the provider reports synced. */
function countAtSync(c: TestClient): () => number | null {
  let count: number | null = null;
  c.provider.on('sync', (synced: boolean) => {
    if (synced && count === null) count = listItems(c.doc).items.length;
  });
  return () => count;
}

it(`a fresh client holds all ${ITEMS} items the moment it reports synced, after a restart`, async () => {
  const srv = await startTestServer(scope);
  const seeder = connectClient(scope, srv.wsUrl, 'big-board');
  await seeder.waitSynced();
  // 40 transactions of 50 items: many stored rows, one board.
  for (let batch = 0; batch < ITEMS / 50; batch++) {
    seeder.doc.transact(() => {
      for (let n = 0; n < 50; n++) {
        const k = batch * 50 + n;
        createItem(seeder.doc, { kind: 'idea', x: k % 100, y: Math.floor(k / 100), author: author(), text: `idé ${k}` });
      }
    });
  }
  await seeder.waitSaved({ timeoutMs: 20_000 });
  const expected = projectBoard(seeder.doc);
  expect(expected.items).toHaveLength(ITEMS);
  seeder.destroy();
  await srv.close();

  // Restarted server: the board is not in memory; three clients race to load it
  // from a store that takes its time (as a remote database would).
  const srv2 = await startTestServer(scope, { dataDir: srv.dataDir, store: new SlowStore(srv.dataDir, 0, 200) });
  const readers = [0, 1, 2].map(() => connectClient(scope, srv2.wsUrl, 'big-board', { connect: false }));
  const counts = readers.map(countAtSync);
  for (const r of readers) r.connect();
  await waitFor(() => counts.every((c) => c() !== null), { timeoutMs: 20_000, message: 'all readers to sync' });
  expect(counts.map((c) => c())).toEqual([ITEMS, ITEMS, ITEMS]);
  for (const r of readers) expect(projectBoard(r.doc)).toEqual(expected);
});

it('a client joining during a stream of edits has, at sync, everything stored before it connected', async () => {
  const srv = await startTestServer(scope);
  const writer = connectClient(scope, srv.wsUrl, 'busy-board');
  await writer.waitSynced();
  for (let k = 0; k < 500; k++) createItem(writer.doc, { kind: 'idea', x: k, y: 0, author: author(), text: `${k}` });
  await writer.waitSaved();
  const storedBefore = listItems(writer.doc).items.length;

  // Keep writing while the newcomer connects and syncs.
  let k = 0;
  const stream = setInterval(() => {
    for (let n = 0; n < 10; n++) createItem(writer.doc, { kind: 'problem', x: k++, y: 1, author: author() });
  }, 1);
  scope.defer(() => clearInterval(stream));

  for (let round = 0; round < 5; round++) {
    const newcomer = connectClient(scope, srv.wsUrl, 'busy-board', { connect: false });
    const count = countAtSync(newcomer);
    const writtenBeforeConnect = listItems(writer.doc).items.length;
    newcomer.connect();
    await waitFor(() => count() !== null, { message: 'the newcomer to sync' });
    expect(count() as number).toBeGreaterThanOrEqual(storedBefore);
    // Everything the writer had sent before the newcomer connected was applied
    // by the server before the newcomer's sync request, so it is included too.
    expect(count() as number, `round ${round}`).toBeGreaterThanOrEqual(writtenBeforeConnect);
    newcomer.destroy();
  }
  clearInterval(stream);
});

it('at the moment a newcomer is synced, everything it holds is already stored (async store)', async () => {
  const dataDir = scope.tempDir();
  // Every write takes 150 ms, so edits spend a while applied-but-not-yet-stored.
  const srv = await startTestServer(scope, { dataDir, store: new SlowStore(dataDir, 150) });
  const writer = connectClient(scope, srv.wsUrl, 'durable-sync');
  await writer.waitSynced();
  for (let round = 0; round < 3; round++) {
    for (let n = 0; n < 20; n++) createItem(writer.doc, { kind: 'idea', x: n, y: round, author: author() });
    // Connect while those writes are in flight.
    const newcomer = connectClient(scope, srv.wsUrl, 'durable-sync', { connect: false });
    let atSync: { held: number; stored: number } | null = null;
    newcomer.provider.on('sync', (synced: boolean) => {
      if (!synced || atSync) return;
      const disk = storedDoc(dataDir, 'durable-sync');
      atSync = {
        held: Y.getState(newcomer.doc.store, writer.clientID),
        stored: Y.getState(disk.store, writer.clientID),
      };
      disk.destroy();
    });
    newcomer.connect();
    await waitFor(() => atSync !== null, { message: 'the newcomer to sync' });
    const { held, stored } = atSync as unknown as { held: number; stored: number };
    expect(held, `round ${round}: the newcomer got the writer's edits`).toBeGreaterThan(0);
    expect(stored, `round ${round}: nothing the newcomer holds is missing on disk`).toBeGreaterThanOrEqual(held);
    newcomer.destroy();
  }
});
