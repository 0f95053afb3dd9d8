import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** MAX_CONNECTIONS_PER_BOARD: one connection too many is accepted and closed at once with 4104, so a browser can show why. */

const scope = useScope();

it('the connection beyond the board limit is closed with 4104; a seat frees up when someone leaves', async () => {
  const srv = await startTestServer(scope, { config: { maxConnectionsPerBoard: 2 } });
  const a = connectClient(scope, srv.wsUrl, 'full');
  const b = connectClient(scope, srv.wsUrl, 'full');
  await Promise.all([a.waitSynced(), b.waitSynced()]);

  const third = await openRawSocket(scope, `${srv.wsUrl}/full`);
  expect(await withTimeout(third.closed, 5_000, 'the third socket to be closed')).toEqual({
    code: CloseCode.BoardFull,
    reason: 'board connection limit reached',
  });
  expect(srv.server.metrics.limitHits.get({ limit: 'connections_per_board' })).toBe(1);

  // Another board is not affected.
  const other = connectClient(scope, srv.wsUrl, 'other-board');
  await other.waitSynced();

  // The two on the board carry on; when one leaves, a newcomer gets in.
  a.doc.getMap('m').set('x', 1);
  await waitFor(() => b.doc.getMap('m').get('x') === 1);
  a.destroy();
  const c = connectClient(scope, srv.wsUrl, 'full');
  await c.waitSynced();
  expect(c.doc.getMap('m').get('x')).toBe(1);
  expect(b.closes).toEqual([]);
});
