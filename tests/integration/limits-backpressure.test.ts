import type { Socket } from 'node:net';
import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { step1Frame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** MAX_BUFFERED_BYTES: a connection that does not read is closed (4102) instead of buffering without end. */

const scope = useScope();

it('a connection that stops reading is closed with 4102 once its send buffer passes the limit', async () => {
  const srv = await startTestServer(scope, { config: { maxBufferedBytes: 256 * 1024, fullSyncsPerMinute: 0 } });
  const board = 'backpressure';
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  // ~200 kB of board, so every "send me everything" answer is big.
  for (let i = 0; i < 20; i++) a.doc.getMap('m').set(`k${i}`, `${i}`.repeat(10_000));
  await a.waitSaved();

  const slow = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  const tcp = (slow.ws as unknown as { _socket: Socket })._socket;
  tcp.pause(); // reads nothing from now on; the kernel buffers fill, then the server's
  // Each request asks for the whole board (~200 kB): far more than the socket buffers hold.
  for (let i = 0; i < 300; i++) slow.sendBinary(step1Frame());
  await waitFor(() => srv.server.metrics.limitHits.get({ limit: 'buffered_bytes' }) === 1, {
    timeoutMs: 15_000,
    message: 'the server to hit the send-buffer limit',
  });
  // Reading again, the slow client finds the close frame behind what was buffered.
  tcp.resume();
  expect(await withTimeout(slow.closed, 15_000, 'the slow socket to be closed')).toEqual({
    code: CloseCode.SlowConsumer,
    reason: 'connection too slow: send buffer limit reached',
  });

  a.doc.getMap('m').set('after', 1);
  await waitFor(() => b.doc.getMap('m').get('after') === 1, { message: 'A and B to keep syncing' });
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
});
