import { expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { createItem, itemsMap } from '../../shared/model/board';
import { MESSAGE_AWARENESS } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

const scope = useScope();

it('a peer that stops answering pings is dropped and its presence removed; live peers stay', async () => {
  const srv = await startTestServer(scope, { config: { pingIntervalMs: 250 } });
  const live = connectClient(scope, srv.wsUrl, 'heartbeat');
  await live.waitSynced();

  // A half-open peer: connected, but never answers pings (a laptop that went to sleep).
  const silent = await openRawSocket(scope, `${srv.wsUrl}/heartbeat`, { autoPong: false });
  const silentId = 4242;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, silentId);
  encoding.writeVarUint(inner, 1);
  encoding.writeVarString(inner, JSON.stringify({ user: { name: 'Sovende' } }));
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  silent.sendBinary(encoding.toUint8Array(e));
  await waitFor(() => live.provider.awareness.getStates().has(silentId), { message: 'the silent peer’s presence' });

  const closed = await withTimeout(silent.closed, 5_000, 'the silent peer to be dropped');
  expect(closed.code).toBe(1006); // terminated, no close handshake
  await waitFor(() => !live.provider.awareness.getStates().has(silentId), { message: 'its presence to be removed' });

  // Many ping rounds later the live client is still connected and syncing.
  const other = connectClient(scope, srv.wsUrl, 'heartbeat');
  await other.waitSynced();
  const id = createItem(live.doc, { kind: 'idea', x: 0, y: 0, author: author() });
  await waitFor(() => itemsMap(other.doc).has(id));
  expect(live.closes).toEqual([]);
  const health = (await api(srv, 'GET', '/healthz')).json as { connections: number };
  expect(health.connections).toBe(2);
});
