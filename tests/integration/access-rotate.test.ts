import { describe, expect, it } from 'vitest';
import { AccessCloseCode } from '../../shared/protocol';
import { readMeta, setTitle } from '../../shared/model/board';
import { accessApi, createProtectedBoard, syncUrl, tryUpgrade } from '../helpers/access';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { holdsFor, waitFor } from '../helpers/wait';

const scope = useScope();

describe('link rotation', () => {
  it('any editor rotates; every holder of the old links is disconnected with 4010 and cannot come back', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv, { title: 'Før' });
    const ann = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    const screen = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.observerKey } });
    await Promise.all([ann.waitSynced(), screen.waitSynced()]);
    setTitle(ann.doc, 'Efter');
    await ann.waitSaved();

    const rotated = await accessApi(srv, board.id, 'rotate', { key: board.editorKey });
    expect(rotated.status).toBe(200);
    const links = rotated.json.links as { editor: string; observer: string };
    expect(links.editor).not.toBe(board.links.editor);
    expect(links.observer).not.toBe(board.links.observer);
    const newEditorKey = new URL(links.editor, 'http://x').searchParams.get('k') as string;
    const newObserverKey = new URL(links.observer, 'http://x').searchParams.get('k') as string;

    await waitFor(() => ann.closes.some((c) => c.code === AccessCloseCode.LinkRotated), { message: 'Ann to be closed with 4010' });
    await waitFor(() => screen.closes.some((c) => c.code === AccessCloseCode.LinkRotated), { message: 'the screen to be closed with 4010' });
    expect(ann.closes[0]).toEqual({ code: 4010, reason: 'link rotated' });
    // Their automatic reconnects are refused: the old links are gone.
    await holdsFor(() => !ann.provider.wsconnected && !screen.provider.wsconnected, 500, 'old links to stay out');
    expect(await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey }))).toMatchObject({ status: 403, body: { reason: 'link-rotated' } });
    expect(await tryUpgrade(syncUrl(srv, board.id, { k: board.observerKey }))).toMatchObject({ status: 403, body: { reason: 'link-rotated' } });
    expect(await accessApi(srv, board.id, 'rotate', { key: board.editorKey })).toMatchObject({ status: 403, json: { reason: 'link-rotated' } });

    // The new links work, and the board is intact.
    const bo = connectClient(scope, srv.wsUrl, board.id, { params: { k: newEditorKey } });
    await bo.waitSynced();
    expect(readMeta(bo.doc).title).toBe('Efter');
    expect(await accessApi(srv, board.id, 'access', { key: newObserverKey })).toMatchObject({ status: 200, json: { mode: 'observer' } });
    ann.destroy();
    screen.destroy();
  });

  it('rotation keeps the passcode and only affects its own board', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv);
    const other = await createProtectedBoard(srv);
    await accessApi(srv, board.id, 'access', { method: 'PUT', key: board.editorKey, body: { passcode: 'hemmelig' } });
    const bystander = connectClient(scope, srv.wsUrl, other.id, { params: { k: other.editorKey } });
    await bystander.waitSynced();
    expect(await accessApi(srv, board.id, 'rotate', { key: board.editorKey })).toMatchObject({ status: 401, json: { reason: 'passcode-required' } });
    const rotated = await accessApi(srv, board.id, 'rotate', { key: board.editorKey, passcode: 'hemmelig' });
    expect(rotated).toMatchObject({ status: 200, json: { passcode: true } });
    const k = new URL((rotated.json.links as { editor: string }).editor, 'http://x').searchParams.get('k') as string;
    expect((await tryUpgrade(syncUrl(srv, board.id, { k }))).status).toBe(401);
    expect((await tryUpgrade(syncUrl(srv, board.id, { k, passcode: 'hemmelig' }))).status).toBe(101);
    await holdsFor(() => bystander.closes.length === 0 && bystander.provider.wsconnected, 200, 'the other board to stay connected');
  });

  it('rotating an open board creates private links and closes the id-only connections', async () => {
    const srv = await startTestServer(scope);
    const c = connectClient(scope, srv.wsUrl, 'open-board');
    await c.waitSynced();
    const rotated = await accessApi(srv, 'open-board', 'rotate');
    expect(rotated).toMatchObject({ status: 200, json: { open: false, mode: 'editor' } });
    await waitFor(() => c.closes.some((x) => x.code === 4010), { message: 'the id-only client to be closed' });
    expect(await tryUpgrade(syncUrl(srv, 'open-board'))).toMatchObject({ status: 401, body: { reason: 'link-required' } });
    c.destroy();
  });
});
