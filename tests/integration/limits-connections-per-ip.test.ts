import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** MAX_CONNECTIONS_PER_IP counts websocket connections per client address, over all boards. */

const scope = useScope();

it('the connection beyond the per-address limit is closed with 4105, whatever the board', async () => {
  const srv = await startTestServer(scope, { config: { maxConnectionsPerIp: 2 } });
  const a = connectClient(scope, srv.wsUrl, 'ip-one');
  const b = connectClient(scope, srv.wsUrl, 'ip-two');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  const third = await openRawSocket(scope, `${srv.wsUrl}/ip-three`);
  expect(await withTimeout(third.closed, 5_000, 'the third socket to be closed')).toEqual({
    code: CloseCode.TooManyConnections,
    reason: 'too many connections from this address',
  });
  expect(srv.server.metrics.limitHits.get({ limit: 'connections_per_ip' })).toBe(1);
  // Without TRUST_PROXY a forged X-Forwarded-For does not help.
  const forged = await openRawSocket(scope, `${srv.wsUrl}/ip-three`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
  expect((await withTimeout(forged.closed, 5_000, 'the forged socket to be closed')).code).toBe(CloseCode.TooManyConnections);
  expect(a.closes).toEqual([]);
});

it('behind a trusted proxy the address comes from X-Forwarded-For', async () => {
  const srv = await startTestServer(scope, { config: { maxConnectionsPerIp: 1, trustProxy: true } });
  const first = await openRawSocket(scope, `${srv.wsUrl}/proxied`, { headers: { 'X-Forwarded-For': '198.51.100.1' } });
  const second = await openRawSocket(scope, `${srv.wsUrl}/proxied`, { headers: { 'X-Forwarded-For': '198.51.100.1' } });
  expect((await withTimeout(second.closed, 5_000, 'the second socket to be closed')).code).toBe(CloseCode.TooManyConnections);
  // A different person behind the same proxy gets in (the proxy appends the real address last).
  const other = await openRawSocket(scope, `${srv.wsUrl}/proxied`, { headers: { 'X-Forwarded-For': '10.9.9.9, 198.51.100.2' } });
  other.sendBinary(new Uint8Array([3]));
  await waitFor(() => other.received.length > 0, { message: 'the other person to be served' });
  expect(first.ws.readyState).toBe(first.ws.OPEN);
  expect(other.ws.readyState).toBe(other.ws.OPEN);
});
