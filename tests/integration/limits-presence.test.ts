import * as encoding from 'lib0/encoding';
import { expect, it } from 'vitest';
import { CloseCode, MESSAGE_AWARENESS } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { awarenessFrame, frame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * Presence is held in memory for everyone on the board, so it is bounded:
 * MAX_PRESENCE_BYTES per state (bigger closes with 4002), MAX_PRESENCE_IDS per
 * connection (further ids are dropped quietly; a browser tab has one).
 */

const scope = useScope();

it('an oversized presence state closes the connection with 4002; nobody sees it', async () => {
  const srv = await startTestServer(scope, { config: { maxPresenceBytes: 1024 } });
  const a = connectClient(scope, srv.wsUrl, 'presence-size');
  await a.waitSynced();
  const raw = await openRawSocket(scope, `${srv.wsUrl}/presence-size`);
  raw.sendBinary(awarenessFrame(9001, 1, { user: { name: 'x'.repeat(2000) } }));
  expect((await withTimeout(raw.closed, 5_000, 'close')).code).toBe(CloseCode.MessageTooLarge);
  expect(srv.server.metrics.limitHits.get({ limit: 'presence_bytes' })).toBe(1);
  // A normal presence is fine and is the only one A sees.
  const b = connectClient(scope, srv.wsUrl, 'presence-size');
  b.provider.awareness.setLocalState({ user: { name: 'Bo' } });
  await waitFor(() => a.provider.awareness.getStates().has(b.clientID), { message: 'A to see Bo' });
  expect(a.provider.awareness.getStates().has(9001)).toBe(false);
  expect(a.closes).toEqual([]);
});

it('a connection cannot collect more presence ids than the limit; the extra ones are dropped', async () => {
  const srv = await startTestServer(scope, { config: { maxPresenceIds: 4 } });
  const a = connectClient(scope, srv.wsUrl, 'presence-ids');
  await a.waitSynced();
  const raw = await openRawSocket(scope, `${srv.wsUrl}/presence-ids`);
  const many = frame((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(
      e,
      frame((e2) => {
        encoding.writeVarUint(e2, 10);
        for (let id = 1; id <= 10; id++) {
          encoding.writeVarUint(e2, 5000 + id);
          encoding.writeVarUint(e2, 1);
          encoding.writeVarString(e2, JSON.stringify({ user: { name: `ghost ${id}` } }));
        }
      }),
    );
  });
  raw.sendBinary(many);
  await waitFor(() => [...a.provider.awareness.getStates().keys()].some((id) => id > 5000 && id <= 5010), { message: 'A to see the first ids' });
  // Another message from A makes sure the server finished with the raw one (same room, ordered relay).
  a.provider.awareness.setLocalState({ user: { name: 'Ann' } });
  await waitFor(() => srv.server.metrics.limitHits.get({ limit: 'presence_ids' }) === 6);
  const ghosts = [...a.provider.awareness.getStates().keys()].filter((id) => id > 5000 && id <= 5010).sort((x, y) => x - y);
  expect(ghosts).toEqual([5001, 5002, 5003, 5004]);
  expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  // When it leaves, its ids go with it.
  raw.ws.close();
  await waitFor(() => ![...a.provider.awareness.getStates().keys()].some((id) => id > 5000 && id <= 5010), { message: 'the ghosts to leave' });
});
