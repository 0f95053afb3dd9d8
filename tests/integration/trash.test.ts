import fs from 'node:fs';
import path from 'node:path';
import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../shared/cocreation/comments';
import { addAgreedGoal } from '../../shared/cocreation/goals';
import { ROOT_KEYS } from '../../shared/doc/registry';
import { createItem } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { createProtectedBoard } from '../helpers/access';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * Deleting goes to a trash (issue 15): one participant can no longer erase a
 * board and its snapshots for good by typing its title. A trashed board is
 * closed for everyone and refused until an editor recovers it, exactly as it
 * was; it is erased for good when its time in the trash is over.
 */
describe('the trash', () => {
  const scope = useScope();
  const DAY = 24 * 60 * 60 * 1000;

  /** Every root map of the board, as plain data (shared/doc/registry.ts). */
  const wholeBoard = (doc: Y.Doc) => Object.fromEntries(ROOT_KEYS.map((k) => [k, doc.getMap(k).toJSON()]));

  async function boardWithContent(srv: TestServer) {
    const board = await createProtectedBoard(srv, { title: 'Papirkurv' });
    const a = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await a.waitSynced();
    const idea = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Karen Jensen'), text: 'HEMMELIG-IDE-4711' });
    addComment(a.doc, idea, { name: 'Bo', role: 'politician' }, 'En kommentar');
    addAgreedGoal(a.doc, { horizon: 'short', text: 'Et mål', author: author('citizen', 'Karen Jensen') });
    await a.waitSaved();
    const snap = await api(srv, 'POST', `/api/boards/${board.id}/snapshots`, { key: board.editorKey, body: { name: 'før' } });
    expect(snap.status).toBe(201);
    return { board, a };
  }

  it('delete → trash: everyone is closed out, nothing can be opened or exported; an editor recovers it exactly as it was', async () => {
    const srv = await startTestServer(scope);
    const { board, a } = await boardWithContent(srv);
    const before = wholeBoard(a.doc);
    const started = Date.now();

    const del = await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } });
    expect(del.status).toBe(200);
    expect(del.json.trashed).toBe(board.id);
    expect(del.json.purgeAt as number).toBeGreaterThanOrEqual(started + 30 * DAY);
    expect(del.json.purgeAt as number).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.BoardTrashed), { message: 'the open tab to be told the board is in the trash' });

    // While trashed: no export, no snapshots, no second delete, no vote calls, no sync.
    for (const [method, p] of [
      ['GET', `/api/boards/${board.id}/export.md`],
      ['GET', `/api/boards/${board.id}/snapshots`],
      ['DELETE', `/api/boards/${board.id}`],
      ['POST', `/api/boards/${board.id}/rounds`],
    ] as const) {
      const r = await api(srv, method, p, { key: board.editorKey, body: method === 'GET' ? undefined : { confirm: board.id, dots: 3 } });
      expect(r.status, `${method} ${p}`).toBe(410);
    }
    const probe = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await waitFor(() => probe.closes.some((c) => c.code === CloseCode.BoardTrashed), { message: 'a new connection to be refused' });
    const state = await api(srv, 'GET', `/api/boards/${board.id}/trash`, { key: board.observerKey });
    expect(state.json).toMatchObject({ trashed: true, purgeAt: del.json.purgeAt, trashDays: 30 });

    // The observer link cannot recover; the editor link can, once.
    expect((await api(srv, 'POST', `/api/boards/${board.id}/recover`, { key: board.observerKey })).status).toBe(403);
    const rec = await api(srv, 'POST', `/api/boards/${board.id}/recover`, { key: board.editorKey });
    expect(rec.status).toBe(200);
    expect((await api(srv, 'POST', `/api/boards/${board.id}/recover`, { key: board.editorKey })).status).toBe(409);

    // Back exactly as it was: every root map, and the snapshot with it.
    const b = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await b.waitSynced();
    expect(wholeBoard(b.doc)).toEqual(before);
    const snaps = await api(srv, 'GET', `/api/boards/${board.id}/snapshots`, { key: board.editorKey });
    expect((snaps.json.snapshots as Array<{ name: string }>).map((s) => s.name)).toContain('før');
  });

  it('while trashed, nothing changes behind the trash: no vote round, no new links, observers still refused; recovered, all works', async () => {
    const srv = await startTestServer(scope);
    const { board } = await boardWithContent(srv);
    expect((await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).status).toBe(200);

    // An observer link is refused a change as anywhere (403), not told about the trash.
    expect((await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.observerKey, body: { confirm: board.id } })).status).toBe(403);
    // A vote start is refused before a round is stored (else every start after recovery answered 409).
    expect((await api(srv, 'POST', `/api/boards/${board.id}/rounds`, { key: board.editorKey, body: { dots: 3 } })).status).toBe(410);
    // Links are not rotated or changed on a trashed board: it comes back as it was.
    expect((await api(srv, 'POST', `/api/boards/${board.id}/rotate`, { key: board.editorKey, body: {} })).status).toBe(410);
    expect((await api(srv, 'PUT', `/api/boards/${board.id}/access`, { key: board.editorKey, body: { observerCursors: true } })).status).toBe(410);

    expect((await api(srv, 'POST', `/api/boards/${board.id}/recover`, { key: board.editorKey })).status).toBe(200);
    expect((await api(srv, 'POST', `/api/boards/${board.id}/rounds`, { key: board.editorKey, body: { dots: 3 } })).status).toBe(201);
    const a = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await a.waitSynced();
  });

  it('an erased board gets no new links: rotating its id is refused and leaves no access record', async () => {
    const dataDir = scope.tempDir();
    const srv = await startTestServer(scope, { dataDir, config: { trashDays: 0 } });
    const { board } = await boardWithContent(srv);
    expect((await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).json.deleted).toBe(board.id);
    // The record went with the board, so the id now reads as an "open" board: the rotate must still be refused.
    expect((await api(srv, 'POST', `/api/boards/${board.id}/rotate`, { key: board.editorKey, body: {} })).status).toBe(410);
    await srv.close();
    for (const f of fs.readdirSync(dataDir).filter((f) => fs.statSync(path.join(dataDir, f)).isFile())) {
      expect(fs.readFileSync(path.join(dataDir, f)).includes(Buffer.from(board.id)), `the id left in ${f}`).toBe(false);
    }
  });

  it('a board whose time in the trash is over is erased for good, leaving no trace in the data directory', async () => {
    const dataDir = scope.tempDir();
    const srv = await startTestServer(scope, { dataDir });
    const { board } = await boardWithContent(srv);
    expect((await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).status).toBe(200);
    await srv.close();

    // The operator shortens the trash to 0 days: at start-up the board is erased.
    const again = await startTestServer(scope, { dataDir, config: { trashDays: 0 } });
    await waitFor(async () => (await api(again, 'GET', `/api/boards/${board.id}/trash`, { key: board.editorKey })).status === 404, {
      message: 'the trashed board to be erased at start-up',
    });
    const files = fs
      .readdirSync(dataDir)
      .map((f) => path.join(dataDir, f))
      .filter((f) => fs.statSync(f).isFile())
      .map((f) => fs.readFileSync(f));
    for (const needle of ['HEMMELIG-IDE-4711', 'Karen Jensen', board.id]) {
      expect(files.some((buf) => buf.includes(Buffer.from(needle))), `"${needle}" left in the data directory`).toBe(false);
    }
  });
});
