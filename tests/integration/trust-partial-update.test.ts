import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, itemsMap } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient, waitConverged, type TestClient } from '../helpers/client';
import { docWithClient, findPartialUpdates, updateFrame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { storedDoc, storedRows } from '../helpers/storage';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * Updates are all-or-nothing. Yjs integrates an update struct by struct; a
 * crafted one can throw after part of it was applied (and emitted as an
 * update event). The server must reject it whole: nothing applied, relayed or
 * stored. Updates whose dependencies never arrive are capped.
 */

const scope = useScope();

async function honestPair(srv: TestServer, board: string) {
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  return { a, b };
}

async function stillSyncing(a: TestClient, b: TestClient, label: string) {
  const fromA = createItem(a.doc, { kind: 'idea', x: 1, y: 1, author: author(), text: `${label} A` });
  const fromB = createItem(b.doc, { kind: 'idea', x: 2, y: 2, author: author(), text: `${label} B` });
  await waitFor(() => itemsMap(b.doc).has(fromA) && itemsMap(a.doc).has(fromB), { message: `A and B to keep syncing after ${label}` });
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

/** Content of client 1 (the base everyone has) and an edit of client 2 on top of it. */
function baseAndEdit() {
  const base = docWithClient(1);
  const root = base.getMap('trust');
  const inner = new Y.Map<unknown>();
  root.set('a', inner);
  inner.set('x', 1);
  const text = new Y.Text('hello');
  root.set('t', text);
  text.insert(2, 'XYZ');
  text.delete(0, 1);
  const editor = docWithClient(2);
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(base));
  editor.getMap('trust').set('b', 'bee');
  (editor.getMap('trust').get('t') as Y.Text).insert(3, 'qq');
  const result = {
    base: Y.encodeStateAsUpdate(base),
    edit: Y.encodeStateAsUpdate(editor, Y.encodeStateVector(base)),
  };
  base.destroy();
  editor.destroy();
  return result;
}

it('an update that throws halfway is rejected whole: nothing of it is applied, relayed or stored', async () => {
  const srv = await startTestServer(scope);
  const board = 'partial-update';
  const { a, b } = await honestPair(srv, board);
  const { base, edit } = baseAndEdit();

  const seeder = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  seeder.sendBinary(updateFrame(base));
  await waitFor(() => Y.getState(b.doc.store, 1) > 0, { message: 'the base content to reach B' });

  // Real partial cases: each decodes, applies its first struct, emits, then throws.
  const cases = findPartialUpdates(base, edit, 3);
  expect(cases.length).toBeGreaterThanOrEqual(1);
  for (const c of cases) expect(c.emittedBytes).toBeGreaterThan(0);

  for (const c of cases) {
    const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
    raw.sendBinary(updateFrame(c.update));
    const closed = await withTimeout(raw.closed, 5_000, 'the hostile socket to be closed');
    expect(closed).toEqual({ code: CloseCode.UpdateRejected, reason: expect.stringContaining('rejected') });
  }
  await stillSyncing(a, b, 'partial updates');
  await a.waitSaved();

  // Nothing of client 2 anywhere: not relayed, not in the room, not stored.
  expect(Y.getState(a.doc.store, 2)).toBe(0);
  expect(Y.getState(b.doc.store, 2)).toBe(0);
  expect(b.doc.getMap('trust').has('b')).toBe(false);
  const room = await srv.server.rooms.acquire(board);
  expect(Y.getState(room.doc.store, 2)).toBe(0);
  const stored = storedDoc(srv.dataDir, board);
  expect(Y.getState(stored.store, 2)).toBe(0);
  expect(stored.getMap('trust').toJSON()).toEqual(b.doc.getMap('trust').toJSON());
  stored.destroy();
  expect(srv.server.metrics.rejected.get({ reason: 'update_rejected' })).toBe(cases.length);

  // The dry-run twin was rebuilt correctly: the sound version of the edit is applied as usual.
  seeder.sendBinary(updateFrame(edit));
  await waitFor(() => b.doc.getMap('trust').get('b') === 'bee', { message: 'the sound edit to reach B' });
  await waitFor(() => (a.doc.getMap('trust').get('t') as Y.Text).toString().includes('qq'), { message: 'the text edit to reach A' });
  await waitConverged([a.doc, b.doc, room.doc]);
  expect(seeder.ws.readyState).toBe(seeder.ws.OPEN);
});

it('updates with missing dependencies wait; past the pending limit the sender is closed and the pile dropped', async () => {
  const srv = await startTestServer(scope, { config: { maxPendingBytes: 4096 } });
  const board = 'pending';
  const { a, b } = await honestPair(srv, board);
  const room = await srv.server.rooms.acquire(board);

  // Client 3 sends its second edit before its first: it waits (pending) until the first arrives.
  const c3 = docWithClient(3);
  c3.getMap('trust').set('p0', 'first');
  const first = Y.encodeStateAsUpdate(c3);
  const sv = Y.encodeStateVector(c3);
  c3.getMap('trust').set('p1', 'y'.repeat(1000));
  const second = Y.encodeStateAsUpdate(c3, sv);
  const patient = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  patient.sendBinary(updateFrame(second));
  await waitFor(() => room.pendingBytes() > 0, { message: 'the out-of-order edit to wait' });
  expect(b.doc.getMap('trust').has('p1')).toBe(false);
  patient.sendBinary(updateFrame(first));
  await waitFor(() => b.doc.getMap('trust').get('p1') === 'y'.repeat(1000), { message: 'both edits to arrive in order' });
  expect(room.pendingBytes()).toBe(0);
  expect(patient.ws.readyState).toBe(patient.ws.OPEN);

  // Client 4 never sends its first edit but keeps sending later ones.
  const c4 = docWithClient(4);
  c4.getMap('trust').set('q0', 'never sent');
  const hostile = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  for (let i = 1; i <= 6; i++) {
    const before = Y.encodeStateVector(c4);
    c4.getMap('trust').set(`q${i}`, 'z'.repeat(1200));
    hostile.sendBinary(updateFrame(Y.encodeStateAsUpdate(c4, before)));
  }
  const closed = await withTimeout(hostile.closed, 5_000, 'the piling socket to be closed');
  expect(closed.code).toBe(CloseCode.TooManyPendingUpdates);
  expect(room.pendingBytes()).toBe(0);
  expect(srv.server.metrics.limitHits.get({ limit: 'pending_bytes' })).toBe(1);
  await stillSyncing(a, b, 'pending overflow');
  expect(Y.getState(b.doc.store, 4)).toBe(0);
  await waitConverged([a.doc, b.doc, room.doc]);
  c3.destroy();
  c4.destroy();
});

it('garbage after a valid update inside the payload (which Y.decodeUpdate accepts) is never stored or relayed', async () => {
  const srv = await startTestServer(scope);
  const board = 'trailing-garbage';
  const { a, b } = await honestPair(srv, board);
  const doc = docWithClient(6);
  doc.getMap('trust').set('k', 'valid part');
  const valid = Y.encodeStateAsUpdate(doc);
  const garbage = new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0xff, 0x01, 0x7f]);
  const glued = new Uint8Array([...valid, ...garbage]);
  // The decoder stops after the delete set, so the glued bytes "decode": the outcome must still be defined.
  expect(() => Y.decodeUpdate(glued)).not.toThrow();
  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  raw.sendBinary(updateFrame(glued));
  await waitFor(() => b.doc.getMap('trust').get('k') === 'valid part', { message: 'the valid part to arrive' });
  await a.waitSaved();
  // Only the re-encoded valid part is stored: no stored row contains the garbage bytes.
  const rows = storedRows(srv.dataDir, board);
  const hex = Buffer.from(garbage.slice(0, 4)).toString('hex');
  expect(rows.some((r) => Buffer.from(r).toString('hex').includes(hex))).toBe(false);
  expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  doc.destroy();
});
