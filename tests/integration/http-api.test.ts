import { describe, expect, it } from 'vitest';
import { listItems, listLinks, readMeta } from '../../shared/model/board';
import { isValidBoardId } from '../../shared/ids';
import { SCHEMA_VERSION } from '../../shared/model/schema';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { storedRows } from '../helpers/storage';
import { waitFor } from '../helpers/wait';

const scope = useScope();

describe('GET /healthz', () => {
  it('answers 200 with the number of loaded boards and connections', async () => {
    const srv = await startTestServer(scope);
    const health = async () => {
      const res = await api(srv, 'GET', '/healthz');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      return { status: res.status, body: res.json };
    };
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', boardsLoaded: 0, connections: 0, redis: 'not used' } });
    const c = connectClient(scope, srv.wsUrl, 'health-board');
    await c.waitSynced();
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', boardsLoaded: 1, connections: 1, redis: 'not used' } });
    c.destroy();
    await waitFor(async () => (await health()).body.connections === 0, { message: 'the connection count to drop' });
  });
});

describe('POST /api/boards', () => {
  it('creates a board (201, unguessable id) that is stored and loads with its title', async () => {
    const srv = await startTestServer(scope);
    const res = await api(srv, 'POST', '/api/boards', { body: { title: 'Marinaen – fælles plan' } });
    expect(res.status).toBe(201);
    expect(res.type).toMatch(/^application\/json/);
    const { id, path, editorKey } = res.json as { id: string; path: string; editorKey: string };
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(isValidBoardId(id)).toBe(true);
    // The editor link (docs/access.md).
    expect(path).toBe(`/b/${id}?k=${editorKey}`);
    // Stored before the answer: the row is on disk already.
    expect(storedRows(srv.dataDir, id).length).toBeGreaterThan(0);

    const c = connectClient(scope, srv.wsUrl, id, { params: { k: editorKey } });
    await c.waitSynced();
    expect(readMeta(c.doc)).toMatchObject({ title: 'Marinaen – fælles plan', schemaVersion: SCHEMA_VERSION });
    expect(readMeta(c.doc).createdAt).toBeGreaterThan(0);
    expect(listItems(c.doc).items).toEqual([]);
  });

  it('an empty body makes an untitled blank board; each board gets its own id', async () => {
    const srv = await startTestServer(scope);
    const a = await api(srv, 'POST', '/api/boards');
    const b = await api(srv, 'POST', '/api/boards', { raw: '{}' });
    expect([a.status, b.status]).toEqual([201, 201]);
    const [idA, idB] = [(a.json as { id: string }).id, (b.json as { id: string }).id];
    expect(idA).not.toBe(idB);
    const c = connectClient(scope, srv.wsUrl, idA, { params: { k: (a.json as { editorKey: string }).editorKey } });
    await c.waitSynced();
    expect(readMeta(c.doc).title).toBe('');
  });

  it.each(['da', 'en'] as const)('the storm-flood template in %s loads as a linked example board', async (lang) => {
    const srv = await startTestServer(scope);
    const res = await api(srv, 'POST', '/api/boards', { body: { template: 'stormflood', lang } });
    expect(res.status).toBe(201);
    const { id, editorKey } = res.json as { id: string; editorKey: string };
    const c = connectClient(scope, srv.wsUrl, id, { params: { k: editorKey } });
    await c.waitSynced();
    const { items, damaged } = listItems(c.doc);
    expect(damaged).toEqual([]);
    expect(items.some((i) => i.kind === 'problem')).toBe(true);
    expect(items.some((i) => i.kind === 'perspective')).toBe(true);
    expect(items.some((i) => i.kind === 'idea')).toBe(true);
    expect(listLinks(c.doc).length).toBeGreaterThan(0);
    expect(readMeta(c.doc).title).toMatch(lang === 'da' ? /stormflod/i : /storm-flood/i);
  });

  it.each([
    ['bad JSON', '{"title": "oops"', 'application/json', 400],
    ['a JSON array', '["title"]', 'application/json', 400],
    ['a JSON string', '"title"', 'application/json', 400],
    ['null', 'null', 'application/json', 400],
    ['a numeric title', '{"title": 5}', 'application/json', 400],
    ['a too long title', JSON.stringify({ title: 't'.repeat(201) }), 'application/json', 400],
    ['an unknown template', '{"template": "kanban"}', 'application/json', 400],
    ['an unknown language', '{"template": "stormflood", "lang": "fr"}', 'application/json', 400],
    ['a form body', 'title=x', 'application/x-www-form-urlencoded', 415],
    ['a body over 64 KiB', JSON.stringify({ title: 'x', pad: 'p'.repeat(70 * 1024) }), 'application/json', 413],
  ])('rejects %s with a JSON error and creates nothing', async (_label, body, type, status) => {
    const srv = await startTestServer(scope);
    const res = await api(srv, 'POST', '/api/boards', { raw: body, headers: { 'Content-Type': type } });
    expect(res.status).toBe(status);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.json).toEqual({ error: expect.any(String) });
  });
});

describe('other routes', () => {
  it('unknown API routes are 404, other methods 405, all as JSON', async () => {
    const srv = await startTestServer(scope);
    const notFound = await api(srv, 'GET', '/api/nope');
    expect(notFound.status).toBe(404);
    expect(notFound.json).toEqual({ error: expect.any(String) });
    const getBoards = await api(srv, 'GET', '/api/boards');
    expect(getBoards.status).toBe(404);
    const put = await api(srv, 'PUT', '/healthz');
    expect(put.status).toBe(405);
    expect(put.json).toEqual({ error: expect.any(String) });
  });

  it('without a built client, app routes say so (503) instead of failing', async () => {
    const srv = await startTestServer(scope);
    const res = await api(srv, 'GET', '/b/someboard');
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: expect.stringContaining('build') });
  });
});
