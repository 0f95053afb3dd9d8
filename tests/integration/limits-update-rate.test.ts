import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { docWithClient, updateFrame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** Sync messages per connection are limited by a token bucket (UPDATES_PER_SECOND, UPDATE_BURST). */

const scope = useScope();

it('a connection that sends updates faster than the limit is closed with 4106; the others carry on', async () => {
  const srv = await startTestServer(scope, { config: { updatesPerSecond: 5, updateBurst: 20 } });
  const board = 'update-rate';
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);

  // A person's burst within the bucket is fine.
  for (let i = 0; i < 10; i++) a.doc.getMap('m').set(`a${i}`, i);
  await waitFor(() => b.doc.getMap('m').get('a9') === 9, { message: 'the burst to arrive' });

  const flood = docWithClient(77);
  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  for (let i = 0; i < 60; i++) {
    const before = Y.encodeStateVector(flood);
    flood.getMap('m').set(`f${i}`, i);
    raw.sendBinary(updateFrame(Y.encodeStateAsUpdate(flood, before)));
  }
  const closed = await withTimeout(raw.closed, 5_000, 'the flooding socket to be closed');
  expect(closed).toEqual({ code: CloseCode.UpdateRateExceeded, reason: 'update rate limit exceeded' });
  expect(srv.server.metrics.limitHits.get({ limit: 'updates_per_second' })).toBe(1);
  // What came within the bucket was applied and relayed; nothing after the limit.
  await waitFor(() => Y.getState(b.doc.store, 77) > 0, { message: 'the updates within the bucket to reach B' });
  await a.waitSaved();
  const room = await srv.server.rooms.acquire(board);
  await waitFor(() => Y.getState(b.doc.store, 77) === Y.getState(room.doc.store, 77), { message: 'B to have all the room has' });
  expect(Y.getState(room.doc.store, 77)).toBeLessThan(60);

  a.doc.getMap('m').set('after', true);
  await waitFor(() => b.doc.getMap('m').get('after') === true, { message: 'A and B to keep syncing' });
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
  flood.destroy();
});
