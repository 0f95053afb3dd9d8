import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, listItems } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient, waitConverged } from '../helpers/client';
import { spawnServer } from '../helpers/child';
import { api } from '../helpers/http';
import { DATABASE_URL } from '../helpers/postgres';
import { PrivateRedis, REDIS_URL } from '../helpers/redis';
import { spawnReplicaPair, startReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * Two real server instances sharing PostgreSQL and Redis, with stock
 * y-websocket clients on each: they converge, presence crosses instances,
 * SIGKILL of an instance loses nothing anyone saw, and a Redis outage heals.
 */
describe('scale-out: several instances on PostgreSQL + Redis', () => {
  const scope = useScope();

  it('clients on different instances converge, and see each other', async () => {
    const [s1, s2] = await startReplicaPair(scope);
    const a = connectClient(scope, s1.wsUrl, 'shared');
    const b = connectClient(scope, s2.wsUrl, 'shared');
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    for (let i = 0; i < 25; i++) {
      createItem(a.doc, { kind: 'idea', x: i, y: 0, author: author('citizen', 'A'), text: `a${i}` });
      createItem(b.doc, { kind: 'idea', x: i, y: 1, author: author('politician', 'B'), text: `b${i}` });
    }
    await waitConverged([a.doc, b.doc]);
    expect(listItems(a.doc).items).toHaveLength(50);

    a.provider.awareness.setLocalStateField('user', { name: 'Ann', role: 'citizen' });
    await waitFor(() => [...b.provider.awareness.getStates().values()].some((st) => (st.user as { name?: string } | undefined)?.name === 'Ann'), {
      message: "Ann's presence to reach the other instance",
    });

    // A newcomer on either instance loads everything (both stored it in the shared database).
    const c = connectClient(scope, s1.wsUrl, 'shared');
    await c.waitSynced();
    await waitFor(() => listItems(c.doc).items.length === 50, { message: 'newcomer to hold all 50 items' });
  });

  it('SIGKILL of the relaying instance loses nothing any participant saw: checked in PostgreSQL and through a new instance', { timeout: 60_000 }, async () => {
    const board = `kill-${randomBytes(4).toString('hex')}`;
    // Instance 1's PostgreSQL connections carry a name of their own (node-postgres reads PGAPPNAME), so the test can find them.
    const appName = `samskab-kill-${randomBytes(4).toString('hex')}`;
    const env = { DATABASE_URL, REDIS_URL, BOARDS_PER_IP_PER_HOUR: '1000000' };
    const s1 = await spawnServer(scope, { dataDir: scope.tempDir(), env: { ...env, PGAPPNAME: appName } });
    const s2 = await spawnServer(scope, { dataDir: scope.tempDir(), env });
    // A writes on instance 1; O watches on instance 1 (its local relay), B on instance 2 (the bus).
    const a = connectClient(scope, s1.wsUrl, board);
    const o = connectClient(scope, s1.wsUrl, board);
    const b = connectClient(scope, s2.wsUrl, board);
    await Promise.all([a.waitSynced(), o.waitSynced(), b.waitSynced()]);

    let n = 0;
    const stream = setInterval(() => {
      for (let i = 0; i < 3; i++) createItem(a.doc, { kind: 'idea', x: n, y: 0, author: author(), text: `edit ${n++}` });
    }, 1);
    scope.defer(() => clearInterval(stream));
    await waitFor(() => listItems(b.doc).items.length >= 300 && listItems(o.doc).items.length >= 300, {
      message: 'B and O to have seen 300 items',
      timeoutMs: 20_000,
    });
    // The kill lands while the store is slow: a lock held for a moment makes instance 1's next INSERT wait.
    // Storing first, nothing it receives meanwhile reaches anyone; relaying first, O and B would see
    // a batch whose INSERT is still waiting. (Other tests' instances on this table only wait a moment.)
    const db = new pg.Client({ connectionString: DATABASE_URL });
    await db.connect();
    await db.query('BEGIN');
    await db.query('LOCK TABLE samskab_updates IN SHARE MODE');
    await new Promise((r) => setTimeout(r, 300));
    const killed = await s1.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    clearInterval(stream);
    // Instance 1's machine is gone, and so are its open transactions: PostgreSQL would notice the dead
    // connections only when it next writes to them, so end them now, as a lost host would.
    await db.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [appName]);
    await db.query('COMMIT');
    // Give what instance 1 sent or published before it died time to arrive: O or B saw it, so it must be stored.
    await new Promise((r) => setTimeout(r, 300));

    // Freeze what the participants saw and take everyone away: nobody re-sends anything from here on.
    const seen = new Map<number, number>();
    for (const d of [o.doc, b.doc]) {
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(d))) seen.set(client, Math.max(seen.get(client) ?? 0, clock));
    }
    const seenIds = new Set([...listItems(o.doc).items, ...listItems(b.doc).items].map((i) => i.id));
    const aClock = a.ownClock();
    for (const c of [a, o, b]) c.destroy();
    expect(aClock, 'the kill landed mid-stream: A had written more than anyone saw').toBeGreaterThan(seen.get(a.doc.clientID) ?? 0);

    // 1. In PostgreSQL itself: the rows of the board, merged, hold every operation anyone saw.
    const rows = await db.query<{ data: Buffer }>('SELECT data FROM samskab_updates WHERE board = $1 ORDER BY id', [board]);
    await db.end();
    const stored = new Y.Doc();
    for (const r of rows.rows) Y.applyUpdate(stored, new Uint8Array(r.data));
    const inDb = Y.decodeStateVector(Y.encodeStateVector(stored));
    for (const [client, clock] of seen) expect(inDb.get(client) ?? 0, `operations of client ${client} in PostgreSQL`).toBeGreaterThanOrEqual(clock);
    const dbIds = new Set(listItems(stored).items.map((i) => i.id));
    expect([...seenIds].filter((id) => !dbIds.has(id)), 'items seen but not in PostgreSQL').toEqual([]);

    // 2. Through a new instance started after the kill, read by a fresh client.
    const s3 = await spawnServer(scope, { dataDir: scope.tempDir(), env });
    const fresh = connectClient(scope, s3.wsUrl, board);
    await fresh.waitSynced();
    const freshIds = new Set(listItems(fresh.doc).items.map((i) => i.id));
    expect([...seenIds].filter((id) => !freshIds.has(id)), 'items seen but not served by a new instance').toEqual([]);
    const served = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
    for (const [client, clock] of seen) expect(served.get(client) ?? 0, `operations of client ${client} on a new instance`).toBeGreaterThanOrEqual(clock);
  });

  it('board links work on every instance, and a rotation on one disconnects old links everywhere', async () => {
    const [s1, s2] = await spawnReplicaPair(scope);
    const created = await api(s1, 'POST', '/api/boards', { raw: '{"title":"Fælles"}' });
    expect(created.status).toBe(201);
    const { id, editorKey } = created.json as { id: string; editorKey: string };

    // The link made on instance 1 opens the board on instance 2.
    const b = connectClient(scope, s2.wsUrl, id, { params: { k: editorKey } });
    await b.waitSynced();
    const rotated = await api(s1, 'POST', `/api/boards/${id}/rotate`, { key: editorKey });
    expect(rotated.status).toBe(200);
    await waitFor(() => b.closes.some((c) => c.code === 4010), { message: 'the holder of the old link on instance 2 to be disconnected' });
    const refused = await api(s2, 'GET', `/api/boards/${id}/access`, { key: editorKey });
    expect(refused.status).toBe(403);
    b.destroy();
  });

  it('a Redis outage: instances keep serving their own participants, then heal without divergence', async () => {
    const redis = await PrivateRedis.start(scope);
    const [s1, s2] = await startReplicaPair(scope, { redisUrl: redis.url });
    const a = connectClient(scope, s1.wsUrl, 'outage');
    const a2 = connectClient(scope, s1.wsUrl, 'outage');
    const b = connectClient(scope, s2.wsUrl, 'outage');
    await Promise.all([a.waitSynced(), a2.waitSynced(), b.waitSynced()]);
    createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'before' });
    await waitConverged([a.doc, a2.doc, b.doc]);

    await redis.stop();
    const health = async (url: string) => (await api(url, 'GET', '/healthz')).json as { status: string; redis: string };
    await waitFor(async () => (await health(s1.httpUrl)).redis === 'down', { message: '/healthz to report redis down' });
    expect((await health(s1.httpUrl)).status).toBe('degraded');
    const metrics = (await api(s1, 'GET', '/metrics')).text;
    expect(metrics).toMatch(/^samskab_redis_up 0$/m);

    // Same-instance participants still collaborate, and edits are still stored.
    createItem(a.doc, { kind: 'idea', x: 1, y: 0, author: author(), text: 'during outage, instance 1' });
    createItem(b.doc, { kind: 'idea', x: 2, y: 0, author: author(), text: 'during outage, instance 2' });
    await waitConverged([a.doc, a2.doc]);
    await a.waitSaved();
    await b.waitSaved();
    expect(listItems(b.doc).items).toHaveLength(2);

    await redis.restart();
    await waitFor(async () => (await health(s1.httpUrl)).redis === 'up' && (await health(s2.httpUrl)).redis === 'up', {
      message: 'both instances to see redis again',
      timeoutMs: 20_000,
    });
    await waitConverged([a.doc, a2.doc, b.doc], { timeoutMs: 20_000 });
    expect(listItems(b.doc).items).toHaveLength(3);

    // And live relaying works again after the heal.
    createItem(b.doc, { kind: 'idea', x: 3, y: 0, author: author(), text: 'after' });
    await waitConverged([a.doc, a2.doc, b.doc]);
    expect(listItems(a.doc).items).toHaveLength(4);
  });
});
