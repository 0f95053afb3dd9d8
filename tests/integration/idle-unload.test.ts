import { expect, it } from 'vitest';
import { createItem, deleteItem, itemsMap, listItems } from '../../shared/model/board';
import { author, projectBoard, typeInto } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { storedRows } from '../helpers/storage';
import { holdsFor, waitFor } from '../helpers/wait';

const scope = useScope();

it('an idle room is unloaded and compacted; a later client still sees everything', async () => {
  const srv = await startTestServer(scope, { config: { roomIdleMs: 50, compactThreshold: 3 } });
  const rooms = srv.server.rooms;
  const a = connectClient(scope, srv.wsUrl, 'idle-board');
  const b = connectClient(scope, srv.wsUrl, 'idle-board');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  expect(rooms.loadedCount).toBe(1);

  // Many separately stored batches (each waitSaved ends one), so the log is compacted on the way.
  const ids: string[] = [];
  for (let n = 0; n < 12; n++) {
    ids.push(createItem(a.doc, { kind: 'idea', x: n, y: n, author: author(), text: `idé ${n}` }));
    await a.waitSaved();
    if (n % 3 === 0) {
      await waitFor(() => itemsMap(b.doc).has(ids[0] as string), { message: 'B to have the first item' });
      typeInto(b.doc, ids[0] as string, 0, `${n}`);
      await b.waitSaved();
    }
  }
  deleteItem(a.doc, ids[11] as string);
  await a.waitSaved();
  expect(storedRows(srv.dataDir, 'idle-board').length, 'the log was compacted while in use').toBeLessThan(12);

  // In use: the room stays loaded well past its idle time.
  await holdsFor(() => rooms.loadedCount === 1, 200, 'the room staying loaded while clients are connected');

  await waitFor(() => JSON.stringify(projectBoard(a.doc)) === JSON.stringify(projectBoard(b.doc)), {
    message: 'A and B to agree',
  });
  const expected = projectBoard(a.doc);
  expect(expected.items.find((i) => i.id === ids[0])?.text).toBe('9630idé 0');
  a.destroy();
  await holdsFor(() => rooms.loadedCount === 1, 150, 'the room staying loaded while B is still there');
  b.destroy();
  await waitFor(() => rooms.loadedCount === 0, { message: 'the room to unload' });
  // Unloading compacts the whole log into one row.
  expect(storedRows(srv.dataDir, 'idle-board')).toHaveLength(1);

  const later = connectClient(scope, srv.wsUrl, 'idle-board');
  await later.waitSynced();
  expect(rooms.loadedCount).toBe(1);
  expect(projectBoard(later.doc)).toEqual(expected);
  expect(listItems(later.doc).items).toHaveLength(11);
});

it('clients arriving while a room unloads, over and over, never miss an edit', async () => {
  // roomIdleMs 0: the room starts unloading as soon as the last client leaves.
  const srv = await startTestServer(scope, { config: { roomIdleMs: 0, compactThreshold: 2 } });
  const ids: string[] = [];
  for (let round = 0; round < 25; round++) {
    const c = connectClient(scope, srv.wsUrl, 'churn');
    let countAtSync: number | null = null;
    c.provider.on('sync', (s: boolean) => {
      if (s && countAtSync === null) countAtSync = listItems(c.doc).items.length;
    });
    await c.waitSynced();
    expect(countAtSync, `round ${round}: everything from earlier rounds at sync`).toBe(ids.length);
    ids.push(createItem(c.doc, { kind: 'idea', x: round, y: 0, author: author(), text: `runde ${round}` }));
    await c.waitSaved();
    c.destroy();
  }
  await waitFor(() => srv.server.rooms.loadedCount === 0, { message: 'the last unload' });
  const last = connectClient(scope, srv.wsUrl, 'churn');
  await last.waitSynced();
  expect(listItems(last.doc).items.map((i) => i.id).sort()).toEqual([...ids].sort());
});

it('several boards unload independently', async () => {
  const srv = await startTestServer(scope, { config: { roomIdleMs: 50 } });
  const rooms = srv.server.rooms;
  const one = connectClient(scope, srv.wsUrl, 'board-one');
  const two = connectClient(scope, srv.wsUrl, 'board-two');
  await Promise.all([one.waitSynced(), two.waitSynced()]);
  expect(rooms.loadedCount).toBe(2);
  one.destroy();
  await waitFor(() => rooms.loadedCount === 1, { message: 'board-one to unload' });
  createItem(two.doc, { kind: 'idea', x: 0, y: 0, author: author() });
  await two.waitSaved();
  expect(rooms.loadedCount).toBe(1);
  two.destroy();
  await waitFor(() => rooms.loadedCount === 0, { message: 'board-two to unload' });
});
