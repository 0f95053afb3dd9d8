import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createItem, listItems } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { createProtectedBoard, syncUrl, tryUpgrade } from '../helpers/access';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * OPEN_BOARDS=false (issue 18; the default of `npm start`): only boards made
 * through POST /api/boards exist. A websocket to any other id is accepted and
 * closed with 4004 "board unknown" (so a browser can read why), nothing is
 * stored for it, and the board API answers 404 — also for a board that was
 * made by id while open boards were on.
 */

const scope = useScope();
const rowsOf = (dataDir: string, board: string) => {
  const db = new Database(path.join(dataDir, 'samskab.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM updates WHERE board = ?').get(board) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('OPEN_BOARDS=false', () => {
  it('a websocket to an unknown id is closed with 4004 and creates nothing; boards from the API work as before', async () => {
    const srv = await startTestServer(scope, { config: { openBoards: false } });
    const unknown = `nope-${randomBytes(4).toString('hex')}`;

    const stranger = connectClient(scope, srv.wsUrl, unknown);
    await waitFor(() => stranger.closes.length > 0, { message: 'the stranger to be closed' });
    expect(stranger.closes[0]).toMatchObject({ code: CloseCode.BoardUnknown, reason: 'board unknown' });
    // Its writes went nowhere: the board does not exist afterwards either.
    createItem(stranger.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'hello?' });
    await new Promise((r) => setTimeout(r, 300));
    stranger.destroy();
    expect(rowsOf(srv.dataDir, unknown)).toBe(0);
    expect(await api(srv, 'GET', `/api/boards/${unknown}/access`)).toMatchObject({ status: 404, json: { reason: 'board-unknown' } });
    expect((await api(srv, 'GET', `/api/boards/${unknown}/snapshots`)).status).toBe(404);

    // A board made through the API opens with its link, and only with it.
    const board = await createProtectedBoard(srv, { title: 'Havnen' });
    const ann = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await ann.waitSynced();
    createItem(ann.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'For lidt læ' });
    await ann.waitSaved();
    expect(await tryUpgrade(syncUrl(srv, board.id))).toMatchObject({ status: 401, body: { reason: 'link-required' } });
  });

  it('a board made by id while open boards were on is unknown once they are off (and known again when on)', async () => {
    const dataDir = scope.tempDir();
    const open = await startTestServer(scope, { dataDir, config: { openBoards: true } });
    const id = `demo-${randomBytes(4).toString('hex')}`;
    const c = connectClient(scope, open.wsUrl, id);
    await c.waitSynced();
    createItem(c.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'from the demo' });
    await c.waitSaved();
    c.destroy();
    await open.close();

    const closed = await startTestServer(scope, { dataDir, config: { openBoards: false } });
    const again = connectClient(scope, closed.wsUrl, id);
    await waitFor(() => again.closes.length > 0, { message: 'the id-only board to be refused' });
    expect(again.closes[0]?.code).toBe(CloseCode.BoardUnknown);
    again.destroy();
    await closed.close();

    // Nothing was lost: with open boards on again, the board is there.
    const reopened = await startTestServer(scope, { dataDir, config: { openBoards: true } });
    const reader = connectClient(scope, reopened.wsUrl, id);
    await reader.waitSynced();
    expect(listItems(reader.doc).items.map((i) => i.id)).toHaveLength(1);
  });
});
