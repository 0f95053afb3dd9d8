import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { awarenessFrame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** Presence messages per connection have their own bucket (AWARENESS_PER_SECOND, AWARENESS_BURST). */

const scope = useScope();

it('a connection flooding presence is closed with 4107; its presence is removed, others carry on', async () => {
  const srv = await startTestServer(scope, { config: { awarenessPerSecond: 5, awarenessBurst: 10 } });
  const board = 'awareness-rate';
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);

  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  for (let clock = 1; clock <= 40; clock++) raw.sendBinary(awarenessFrame(4242, clock, { user: { name: 'Flood' }, pos: clock }));
  const closed = await withTimeout(raw.closed, 5_000, 'the flooding socket to be closed');
  expect(closed).toEqual({ code: CloseCode.AwarenessRateExceeded, reason: 'presence rate limit exceeded' });
  expect(srv.server.metrics.limitHits.get({ limit: 'awareness_per_second' })).toBe(1);
  await waitFor(() => !b.provider.awareness.getStates().has(4242), { message: 'the flooder’s presence to be removed' });

  a.provider.awareness.setLocalState({ user: { name: 'Ann' } });
  await waitFor(() => (b.provider.awareness.getStates().get(a.clientID) as { user?: { name?: string } } | undefined)?.user?.name === 'Ann', {
    message: 'B to see Ann',
  });
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
});
