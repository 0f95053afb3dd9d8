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

it('echoes of other people’s presence do not count: a busy board with stock clients is not closed', async () => {
  const srv = await startTestServer(scope, { config: { awarenessPerSecond: 1, awarenessBurst: 10 } });
  const board = 'awareness-echo';
  const clients = Array.from({ length: 4 }, () => connectClient(scope, srv.wsUrl, board));
  await Promise.all(clients.map((c) => c.waitSynced()));
  // Each changes its own presence 8 times; stock y-websocket clients echo every change they
  // receive, so each connection sends ~4× as many presence messages as it has changes.
  for (let i = 1; i <= 8; i++) for (const [n, c] of clients.entries()) c.provider.awareness.setLocalState({ user: { name: `P${n}` }, pos: i });
  await waitFor(
    () => clients.every((viewer) => clients.every((c) => (viewer.provider.awareness.getStates().get(c.clientID) as { pos?: number } | undefined)?.pos === 8)),
    { message: 'everyone to see everyone’s last position' },
  );
  expect(srv.server.metrics.limitHits.get({ limit: 'awareness_per_second' })).toBe(0);
  for (const c of clients) expect(c.closes).toEqual([]);

  // A raw socket repeating someone else's presence (not its own) is dropped, not counted.
  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  const first = clients[0] as (typeof clients)[number];
  for (let i = 0; i < 40; i++) raw.sendBinary(awarenessFrame(first.clientID, 1, { user: { name: 'echo' } }));
  raw.sendBinary(new Uint8Array([3])); // one presence query (counts), answered after the 40
  await waitFor(() => raw.received.length > 0 && raw.received.some((m) => m[0] === 1), { message: 'the query answer' });
  expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  expect(srv.server.metrics.limitHits.get({ limit: 'awareness_per_second' })).toBe(0);
});
