import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { step1Frame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * FULL_SYNCS_PER_MINUTE: a sync step 1 is a few bytes and is answered with the
 * whole board, so repeating it is a cheap way to make the server work and send.
 */

const scope = useScope();

it('a connection asking for the whole board over and over is closed with 4106', async () => {
  const srv = await startTestServer(scope, { config: { fullSyncsPerMinute: 6 } });
  const board = 'full-sync';
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  a.doc.getMap('m').set('x', 'y'.repeat(10_000));
  await a.waitSaved();

  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  for (let i = 0; i < 30; i++) raw.sendBinary(step1Frame());
  expect(await withTimeout(raw.closed, 5_000, 'the repeating socket to be closed')).toEqual({
    code: CloseCode.UpdateRateExceeded,
    reason: 'update rate limit exceeded',
  });
  expect(srv.server.metrics.limitHits.get({ limit: 'full_syncs_per_minute' })).toBe(1);
  // Only the requests within the bucket were answered (one step 2 each, plus the server's own step 1).
  const answers = raw.received.filter((m) => m[0] === 0 && m[1] === 1).length;
  expect(answers).toBeGreaterThan(0);
  expect(answers).toBeLessThanOrEqual(6);

  // Ordinary clients reconnecting are far below it.
  a.disconnect();
  a.connect();
  await a.waitSynced();
  a.doc.getMap('m').set('after', 1);
  await waitFor(() => b.doc.getMap('m').get('after') === 1);
  expect(b.closes).toEqual([]);
});
