import { describe, expect, it } from 'vitest';
import { createItem } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { PrivateRedis } from '../helpers/redis';
import { spawnReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * Scale-out: the control event that closes a trashed board on the other
 * instances travels over Redis. When Redis is down at that moment the event
 * is lost (the publisher has no offline queue); before, the other instance
 * kept the board open and editable for as long as people stayed. Now every
 * instance checks its loaded boards again when Redis comes back.
 */
describe('scale-out: a board trashed during a Redis outage', () => {
  const scope = useScope();

  it('is closed on the other instance as soon as Redis is back', async () => {
    const redis = await PrivateRedis.start(scope);
    const [s1, s2] = await spawnReplicaPair(scope, { redisUrl: redis.url });
    const created = await api(s1, 'POST', '/api/boards', { body: { title: 'Udfald' } });
    const { id, path } = created.json as { id: string; path: string };
    const key = new URL(`http://x${path}`).searchParams.get('k') ?? '';
    const b = connectClient(scope, s2.wsUrl, id, { params: { k: key } });
    await b.waitSynced();
    createItem(b.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Bodil'), text: 'før udfaldet' });
    await b.waitSaved();

    await redis.stop();
    const health = async (url: string) => ((await api(url, 'GET', '/healthz')).json as { redis: string }).redis;
    await waitFor(async () => (await health(s1.httpUrl)) === 'down', { message: 'the first instance to see Redis down' });
    const del = await api(s1, 'DELETE', `/api/boards/${id}`, { key, body: { confirm: id } });
    expect((del.json as { trashed?: string }).trashed).toBe(id);
    // Bo's instance did not hear it: he is still connected (this is the outage).
    expect(b.closes).toEqual([]);

    await redis.restart();
    await waitFor(() => b.closes.some((c) => c.code === CloseCode.BoardTrashed), {
      message: 'Bo (second instance) to be told the board is in the trash once Redis is back',
      timeoutMs: 20_000,
    });
  });
});
