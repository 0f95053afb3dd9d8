import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessApi, createProtectedBoard, syncUrl, tryUpgrade } from '../helpers/access';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

const scope = useScope();

describe('passcode', () => {
  it('any editor sets it (stored as a salted scrypt hash); upgrades and API calls then need it', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv);
    const set = await accessApi(srv, board.id, 'access', { method: 'PUT', key: board.editorKey, body: { passcode: 'Ærø-fjord 7' } });
    expect(set).toMatchObject({ status: 200, json: { passcode: true } });

    // Stored hashed: neither the passcode nor a reversible form of it is on disk.
    const db = new Database(path.join(srv.dataDir, 'samskab.sqlite'), { readonly: true });
    const row = db.prepare<[string], { passcode_hash: string }>('SELECT passcode_hash FROM board_access WHERE board = ?').get(board.id);
    db.close();
    expect(row?.passcode_hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row?.passcode_hash).not.toContain('fjord');

    for (const key of [board.editorKey, board.observerKey]) {
      expect(await tryUpgrade(syncUrl(srv, board.id, { k: key }))).toMatchObject({ status: 401, body: { reason: 'passcode-required' } });
      expect(await accessApi(srv, board.id, 'access', { key })).toMatchObject({ status: 401, json: { reason: 'passcode-required' } });
    }
    expect(await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: 'wrong' }))).toMatchObject({
      status: 401,
      body: { reason: 'passcode-wrong' },
    });
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: 'Ærø-fjord 7' }))).status).toBe(101);
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.observerKey, passcode: 'Ærø-fjord 7' }))).status).toBe(101);
    expect(await accessApi(srv, board.id, 'access', { key: board.observerKey, passcode: 'Ærø-fjord 7' })).toMatchObject({
      status: 200,
      json: { mode: 'observer', passcode: true },
    });
    // The passcode does not replace the link secret.
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: 'bad', passcode: 'Ærø-fjord 7' }))).status).toBe(403);

    const c = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey, passcode: 'Ærø-fjord 7' } });
    await c.waitSynced();

    // Clearing it opens the links again.
    const clear = await accessApi(srv, board.id, 'access', { method: 'PUT', key: board.editorKey, passcode: 'Ærø-fjord 7', body: { passcode: null } });
    expect(clear).toMatchObject({ status: 200, json: { passcode: false } });
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey }))).status).toBe(101);
  });

  it('rejects passcodes that are too short or not strings', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv);
    for (const passcode of ['abc', 5, 'x'.repeat(129)]) {
      const res = await accessApi(srv, board.id, 'access', { method: 'PUT', key: board.editorKey, body: { passcode } });
      expect(res).toMatchObject({ status: 400, json: { error: expect.any(String) } });
    }
  });

  it('wrong passcodes are rate-limited per IP and board: the 6th try within a minute gets 429 with Retry-After', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv);
    const other = await createProtectedBoard(srv);
    for (const b of [board, other]) {
      await accessApi(srv, b.id, 'access', { method: 'PUT', key: b.editorKey, body: { passcode: 'right-one' } });
    }
    for (let i = 0; i < 3; i++) {
      expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: `guess${i}` }))).status).toBe(401);
    }
    for (let i = 3; i < 5; i++) {
      expect((await accessApi(srv, board.id, 'access', { key: board.editorKey, passcode: `guess${i}` })).status).toBe(401);
    }
    // Now limited, also for the right passcode, on both the websocket and the API.
    const ws = await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: 'right-one' }));
    expect(ws).toMatchObject({ status: 429, body: { reason: 'too-many-attempts', retryAfter: expect.any(Number) } });
    const retry = Number(ws.headers['retry-after']);
    expect(retry).toBeGreaterThan(50);
    expect(retry).toBeLessThanOrEqual(60);
    const api = await accessApi(srv, board.id, 'access', { key: board.editorKey, passcode: 'right-one' });
    expect(api.status).toBe(429);
    expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another board is not affected.
    expect((await tryUpgrade(syncUrl(srv, other.id, { k: other.editorKey, passcode: 'right-one' }))).status).toBe(101);
  });

  it('the limit lifts once the window has passed', async () => {
    const srv = await startTestServer(scope, { config: { access: { allowedOrigins: [], passcodeAttempts: 2, passcodeAddressAttempts: 100, passcodeWindowMs: 700 } } });
    const board = await createProtectedBoard(srv);
    await accessApi(srv, board.id, 'access', { method: 'PUT', key: board.editorKey, body: { passcode: 'right-one' } });
    for (const p of ['a', 'b']) expect((await accessApi(srv, board.id, 'access', { key: board.editorKey, passcode: p })).status).toBe(401);
    expect((await accessApi(srv, board.id, 'access', { key: board.editorKey, passcode: 'right-one' })).status).toBe(429);
    await new Promise((r) => setTimeout(r, 800));
    expect((await accessApi(srv, board.id, 'access', { key: board.editorKey, passcode: 'right-one' })).status).toBe(200);
  });
});
