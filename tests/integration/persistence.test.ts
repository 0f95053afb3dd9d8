import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, deleteItem, initBoard, linkItems, moveItem, setTitle } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author, projectBoard, typeInto } from '../helpers/board';
import { connectClient, stateVector, type TestClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { SlowStore, storedDoc } from '../helpers/storage';
import { waitFor } from '../helpers/wait';

const scope = useScope();

/** A small but varied board: every kind, text, a move, a delete, links, a title. */
function buildBoard(c: TestClient): void {
  const doc = c.doc;
  initBoard(doc, 'Stormflod');
  const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'Hanne'), text: 'Vandet stiger' });
  const v = createItem(doc, { kind: 'perspective', x: 10, y: 300, author: author('politician', 'Ole'), problemId: p });
  const i1 = createItem(doc, { kind: 'idea', x: 400, y: 0, author: author('business', 'Firma'), text: 'Sandsække' });
  const i2 = createItem(doc, { kind: 'idea', x: 800, y: 0, author: author('researcher', 'Eva'), text: 'Varsling' });
  const gone = createItem(doc, { kind: 'idea', x: 5, y: 5, author: author(), text: 'slettes' });
  linkItems(doc, { kind: 'addresses', from: i1, to: p, label: 'hjælper' });
  linkItems(doc, { kind: 'builds-on', from: i2, to: i1 });
  linkItems(doc, { kind: 'perspective-on', from: v, to: p });
  typeInto(doc, v, 0, 'Vi mangler hænder. ');
  moveItem(doc, i2, -123, 456);
  deleteItem(doc, gone);
  setTitle(doc, 'Stormflod – fælles beredskab');
}

it('a new server on the same DATA_DIR serves everything; clients are told the server shut down', async () => {
  const srv = await startTestServer(scope);
  const writer = connectClient(scope, srv.wsUrl, 'persist-board');
  await writer.waitSynced();
  buildBoard(writer);
  await writer.waitSaved();
  const expected = projectBoard(writer.doc);
  expect(expected.items).toHaveLength(4);

  await srv.close();
  await waitFor(() => writer.closes.length > 0, { message: 'the writer to see the shutdown close' });
  expect(writer.closes[0]?.code).toBe(CloseCode.ServerShutdown);

  const srv2 = await startTestServer(scope, { dataDir: srv.dataDir });
  const reader = connectClient(scope, srv2.wsUrl, 'persist-board');
  await reader.waitSynced();
  expect(projectBoard(reader.doc)).toEqual(expected);
  expect(stateVector(reader.doc)).toEqual(stateVector(writer.doc));

  // And a second round: more edits on the new server, another restart.
  createItem(reader.doc, { kind: 'idea', x: 1, y: 1, author: author('other', 'Ny'), text: 'efter genstart' });
  await reader.waitSaved();
  const expected2 = projectBoard(reader.doc);
  await srv2.close();
  const srv3 = await startTestServer(scope, { dataDir: srv.dataDir });
  const reader2 = connectClient(scope, srv3.wsUrl, 'persist-board');
  await reader2.waitSynced();
  expect(projectBoard(reader2.doc)).toEqual(expected2);
  expect(expected2.items).toHaveLength(5);
});

it('boards are stored separately: a restart keeps each board’s own content', async () => {
  const srv = await startTestServer(scope, { config: { compactThreshold: 2 } });
  const a = connectClient(scope, srv.wsUrl, 'board-a');
  const b = connectClient(scope, srv.wsUrl, 'board-b');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  for (let n = 0; n < 10; n++) {
    createItem(a.doc, { kind: 'idea', x: n, y: 0, author: author(), text: `a${n}` });
    createItem(b.doc, { kind: 'problem', x: n, y: 0, author: author(), text: `b${n}` });
    // Separate flushes, so the compaction threshold is crossed several times.
    await Promise.all([a.waitSaved(), b.waitSaved()]);
  }
  const [pa, pb] = [projectBoard(a.doc), projectBoard(b.doc)];
  await srv.close();
  const srv2 = await startTestServer(scope, { dataDir: srv.dataDir });
  const a2 = connectClient(scope, srv2.wsUrl, 'board-a');
  const b2 = connectClient(scope, srv2.wsUrl, 'board-b');
  await Promise.all([a2.waitSynced(), b2.waitSynced()]);
  expect(projectBoard(a2.doc)).toEqual(pa);
  expect(projectBoard(b2.doc)).toEqual(pb);
  expect(pa.items.every((i) => i.kind === 'idea')).toBe(true);
  expect(pb.items.every((i) => i.kind === 'problem')).toBe(true);
});

it('graceful close waits for updates whose storage write is still in flight', async () => {
  const dataDir = scope.tempDir();
  // An asynchronous store, like PostgreSQL: every append takes 300 ms.
  const store = new SlowStore(dataDir, 300);
  const srv = await startTestServer(scope, { dataDir, store });
  const client = connectClient(scope, srv.wsUrl, 'inflight');
  await client.waitSynced();
  const ids: string[] = [];
  for (let n = 0; n < 5; n++) ids.push(createItem(client.doc, { kind: 'idea', x: n, y: n, author: author(), text: `t${n}` }));

  // Wait until the server has applied the edits in memory, then stop it at once.
  const room = await srv.server.rooms.acquire('inflight');
  await waitFor(() => Y.getState(room.doc.store, client.clientID) === client.ownClock(), {
    message: 'the server to apply the edits',
  });
  expect(store.appendsDone, 'the test needs the writes to be still in flight').toBe(0);
  await srv.close();
  expect(store.appendsDone).toBeGreaterThan(0);

  const onDisk = storedDoc(dataDir, 'inflight');
  expect(projectBoard(onDisk).items.map((i) => i.id).sort()).toEqual([...ids].sort());
  expect(Y.getState(onDisk.store, client.clientID)).toBe(client.ownClock());
  onDisk.destroy();
});
