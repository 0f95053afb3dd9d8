import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createItem, itemsMap, listItems } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient, sameStateVector, waitConverged } from '../helpers/client';
import { api } from '../helpers/http';
import { PrivateRedis } from '../helpers/redis';
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

  it('SIGKILL of one instance loses nothing any participant has seen', async () => {
    const board = `kill-${randomBytes(4).toString('hex')}`;
    const [s1, s2] = await spawnReplicaPair(scope);
    const a = connectClient(scope, s1.wsUrl, board);
    const b = connectClient(scope, s2.wsUrl, board);
    await Promise.all([a.waitSynced(), b.waitSynced()]);

    const seenByB = new Set<string>();
    itemsMap(b.doc).observe((e) => e.keysChanged.forEach((k) => seenByB.add(k)));
    let n = 0;
    const stream = setInterval(() => {
      createItem(a.doc, { kind: 'idea', x: n, y: 0, author: author(), text: `edit ${n++}` });
    }, 2);
    await waitFor(() => seenByB.size >= 100, { message: 'B to have seen 100 items', timeoutMs: 20_000 });
    await s1.kill('SIGKILL');
    clearInterval(stream);
    expect(seenByB.size).toBeGreaterThanOrEqual(100);

    // A's participants reconnect to the surviving instance (as through a load balancer).
    const again = connectClient(scope, s2.wsUrl, board, { doc: a.doc });
    await again.waitSynced();
    const fresh = connectClient(scope, s2.wsUrl, board);
    await fresh.waitSynced();
    const stored = new Set(listItems(fresh.doc).items.map((i) => i.id));
    for (const id of seenByB) expect(stored.has(id), `item ${id} seen by B must survive`).toBe(true);
    await waitFor(() => sameStateVector(a.doc, b.doc), { message: 'A (reconnected) and B to converge' });
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
