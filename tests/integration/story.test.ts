import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../server/backend';
import { configFromEnv } from '../../server/config';
import { eraseBoardData } from '../../server/erasure';
import { createLogger } from '../../server/log';
import { addAction } from '../../shared/cocreation/actions';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { escapeHtml } from '../../shared/export/storyHtml';
import { createProtectedBoard, type CreatedBoard } from '../helpers/access';
import { connectClient, type TestClient } from '../helpers/client';
import { api, type ApiAnswer } from '../helpers/http';
import { DATABASE_URL } from '../helpers/postgres';
import { REDIS_URL } from '../helpers/redis';
import { useScope, type Scope } from '../helpers/scope';
import { startTestServer, type TestServer } from '../helpers/server';
import { fillStoryBoard, STORY_NAMES, STORY_TEXT } from '../helpers/storyBoard';

/**
 * Publishing a board's story (issue 16) against real servers: one SQLite
 * instance, and two instances sharing PostgreSQL and Redis (writes on
 * instance 1, the public page read on instance 2, so a story kept on one
 * instance fails). The public page is plain HTML without names or comments,
 * an update keeps its URL, a withdrawal is a 410 on every instance at once,
 * and erasing the board erases its story.
 */

/** A PostgreSQL database of its own, dropped at teardown (a TRASH_DAYS=0 instance purges its whole trash at start-up). */
async function privateDatabase(scope: Scope): Promise<string> {
  const name = `samskab_story_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  scope.defer(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

interface Mode {
  mode: string;
  start(scope: Scope, trashDays?: number): Promise<[TestServer, TestServer]>;
}

const MODES: Mode[] = [
  {
    mode: 'sqlite',
    async start(scope, trashDays) {
      const srv = await startTestServer(scope, trashDays === undefined ? {} : { config: { trashDays } });
      return [srv, srv];
    },
  },
  {
    mode: 'scale-out',
    async start(scope, trashDays) {
      const config = { databaseUrl: await privateDatabase(scope), redisUrl: REDIS_URL, ...(trashDays === undefined ? {} : { trashDays }) };
      return [await startTestServer(scope, { config }), await startTestServer(scope, { config })];
    },
  },
];

/** Names (whole, or the first name alone) found in a text. */
const namesIn = (text: string) => STORY_NAMES.filter((n) => text.includes(n) || text.includes(n.split(' ')[0] as string));

describe.each(MODES)('a published story ($mode)', ({ start }) => {
  const scope = useScope();

  async function storyBoard(s1: TestServer): Promise<{ board: CreatedBoard; a: TestClient }> {
    const board = await createProtectedBoard(s1, { title: STORY_TEXT.title, lang: 'da' });
    const a = connectClient(scope, s1.wsUrl, board.id, { params: { k: board.editorKey } });
    await a.waitSynced();
    fillStoryBoard(a.doc);
    await a.waitSaved();
    return { board, a };
  }

  const publish = (s: TestServer, board: CreatedBoard, body: unknown, key = board.editorKey) => api(s, 'POST', `/api/boards/${board.id}/story`, { key, body });
  const page = (s: TestServer, url: string) => api(s, 'GET', url);

  function expectPage(res: ApiAnswer, status: number): void {
    expect(res.status, res.text.slice(0, 200)).toBe(status);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(res.text).not.toMatch(/<script/i);
  }

  it('publish → a public HTML page without names or comments; update keeps the URL; withdraw is 410 everywhere at once', async () => {
    const [s1, s2] = await start(scope);
    const { board, a } = await storyBoard(s1);

    const first = await publish(s1, board, { lang: 'da' });
    expect(first.status, first.text).toBe(201);
    const { url, token } = first.json as { url: string; token: string };
    // Unguessable: 192 random bits, base64url.
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(url).toBe(`/story/${token}`);

    const shown = await page(s2, url);
    expectPage(shown, 200);
    expect(shown.headers.get('x-robots-tag')).toBeNull();
    expect(shown.text).toContain('<html lang="da">');
    expect(shown.text).toContain(escapeHtml(STORY_TEXT.decision));
    expect(shown.text).toContain(escapeHtml(STORY_TEXT.lateAction));
    expect(shown.text).toContain('Forsinket');
    expect(namesIn(shown.text)).toEqual([]);
    expect(shown.text).not.toContain('HEMMELIG');

    // Observers see where it stands, and cannot publish or withdraw.
    const seen = await api(s2, 'GET', `/api/boards/${board.id}/story`, { key: board.observerKey });
    expect(seen.json).toMatchObject({ published: true, url, lang: 'da', names: false });
    expect((await publish(s2, board, { lang: 'da' }, board.observerKey)).status).toBe(403);
    expect((await api(s2, 'DELETE', `/api/boards/${board.id}/story`, { key: board.observerKey })).status).toBe(403);
    expect((await api(s2, 'GET', `/api/boards/${board.id}/story`)).status).toBe(401);

    // Bad input: a clear 400, nothing changed.
    for (const body of [{ lang: 'fr' }, { lang: 'da', names: 'yes' }, [1], {}]) {
      const bad = await publish(s1, board, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error).toEqual(expect.any(String));
    }
    expect((await api(s1, 'GET', `/api/boards/${board.id}/story`, { key: board.editorKey })).json.updatedAt).toBe(seen.json.updatedAt);

    // The group chose to show names (the board shows them): they appear.
    const named = await publish(s1, board, { lang: 'en', names: true });
    expect(named.status).toBe(200);
    const withNames = await page(s2, url);
    for (const n of STORY_NAMES) expect(withNames.text).toContain(escapeHtml(n));
    expect(withNames.text).not.toContain('HEMMELIG');

    // Names hidden on the board: names: true is refused and changes nothing.
    setAnonymousNames(a.doc, true);
    await a.waitSaved();
    const refused = await publish(s1, board, { lang: 'en', names: true });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatch(/hides participant names/);
    // The page published with names hides them at once: hiding names on the board hides them there too.
    const hiddenNow = await page(s2, url);
    expectPage(hiddenNow, 200);
    expect(namesIn(hiddenNow.text)).toEqual([]);
    expect(hiddenNow.text).toContain(escapeHtml(STORY_TEXT.decision));
    expect((await api(s1, 'GET', `/api/boards/${board.id}/story`, { key: board.editorKey })).json.updatedAt).toBe(named.json.updatedAt);

    // Update from the board's current state (on instance 2): same URL, new content, no names.
    addAction(a.doc, { source: { kind: 'idea', id: 'some-idea' }, what: 'Ny handling efter opdateringen', who: 'Foreningen Havnens Unge', whoKind: 'organisation' }, 'citizen', Date.now());
    await a.waitSaved();
    const updated = await publish(s2, board, { lang: 'da' });
    expect(updated.status).toBe(200);
    expect(updated.json.token).toBe(token);
    const after = await page(s1, url);
    expectPage(after, 200);
    expect(after.text).toContain('Ny handling efter opdateringen');
    expect(namesIn(after.text)).toEqual([]);

    // Withdraw on instance 1: the next request on either instance is 410, with no waiting.
    const withdrawn = await api(s1, 'DELETE', `/api/boards/${board.id}/story`, { key: board.editorKey });
    expect(withdrawn.status).toBe(200);
    const [gone1, gone2] = await Promise.all([page(s1, url), page(s2, url)]);
    for (const gone of [gone1, gone2]) {
      expectPage(gone, 410);
      expect(gone.text).not.toContain(STORY_TEXT.decision);
    }
    expect((await api(s2, 'GET', `/api/boards/${board.id}/story`, { key: board.editorKey })).json).toMatchObject({ published: false, withdrawnAt: expect.any(Number) });
    expect((await api(s2, 'DELETE', `/api/boards/${board.id}/story`, { key: board.editorKey })).status).toBe(404);

    // Publishing again makes a new link; the withdrawn one stays gone.
    const again = await publish(s2, board, { lang: 'da' });
    expect(again.status).toBe(201);
    expect(again.json.token).not.toBe(token);
    expectPage(await page(s1, again.json.url as string), 200);
    expectPage(await page(s2, url), 410);

    // Unknown and malformed links: 404 pages.
    expectPage(await page(s2, `/story/${'A'.repeat(32)}`), 404);
    expectPage(await page(s2, '/story/not-a-token'), 404);
  });

  it('a board in the trash has no public story (410); recovered, it is back; erased, the story is gone (404)', async () => {
    const [s1, s2] = await start(scope);
    const { board } = await storyBoard(s1);
    const url = (await publish(s1, board, { lang: 'en' })).json.url as string;
    expectPage(await page(s2, url), 200);

    expect((await api(s1, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).status).toBe(200);
    expectPage(await page(s2, url), 410);
    expect((await publish(s2, board, { lang: 'en' })).status).toBe(410);
    expect((await api(s2, 'POST', `/api/boards/${board.id}/recover`, { key: board.editorKey })).status).toBe(200);
    expectPage(await page(s2, url), 200);
  });

  it('erasing the board erases its story', async () => {
    const [s1, s2] = await start(scope, 0);
    const { board } = await storyBoard(s1);
    const url = (await publish(s1, board, { lang: 'en' })).json.url as string;
    expectPage(await page(s2, url), 200);
    expect((await api(s1, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).json).toEqual({ deleted: board.id });
    expectPage(await page(s2, url), 404);
    expectPage(await page(s1, url), 404);
  });
});

describe('npm run erase (server/erasure.ts)', () => {
  const scope = useScope();
  it('erases the stories of the board, withdrawn ones too', async () => {
    const backend = openBackend({ ...configFromEnv({}), dataDir: scope.tempDir() }, createLogger('silent'), { withBus: false });
    scope.defer(() => backend.close());
    const base = { boardId: 'erase-story-board', lang: 'da' as const, names: false, content: '{}', now: Date.now() };
    const old = await backend.stories.publish({ ...base, newToken: 'o'.repeat(32) });
    await backend.stories.withdraw(base.boardId, Date.now());
    const live = await backend.stories.publish({ ...base, newToken: 'l'.repeat(32) });
    expect(live.token).not.toBe(old.token);
    await backend.snapshots.markTrashed({ boardId: base.boardId, trashedAt: Date.now(), purgeAt: Date.now() });
    await eraseBoardData(backend, base.boardId);
    expect(await backend.stories.byToken(old.token)).toBeNull();
    expect(await backend.stories.byToken(live.token)).toBeNull();
  });
});
