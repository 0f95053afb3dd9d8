import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client';
import * as decoding from 'lib0/decoding';
import { MESSAGE_SYNC } from '../../shared/protocol';
import { awarenessFrame, step1Frame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { startProxy } from '../helpers/proxy';
import { useScope } from '../helpers/scope';
import { startTestServer, wsBaseUrl } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Presence (awareness) is relayed, never stored, and follows the connection that owns it. */

const scope = useScope();

type Presence = { user?: { name?: string }; pos?: number } | undefined;
const presenceOf = (viewer: TestClient, clientId: number) => viewer.provider.awareness.getStates().get(clientId) as Presence;
/** A sync step 2 frame (the server's answer to a step 1). */
const isStep2 = (m: Uint8Array) => {
  const d = decoding.createDecoder(m);
  return decoding.readVarUint(d) === MESSAGE_SYNC && decoding.readVarUint(d) === 1;
};

it('presence is relayed to the others and removed when its connection closes', async () => {
  const srv = await startTestServer(scope);
  const a = connectClient(scope, srv.wsUrl, 'presence');
  const b = connectClient(scope, srv.wsUrl, 'presence');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  a.provider.awareness.setLocalState({ user: { name: 'Ann' }, pos: 1 });
  await waitFor(() => presenceOf(b, a.clientID)?.pos === 1, { message: 'B to see Ann' });
  a.provider.awareness.setLocalStateField('pos', 2);
  await waitFor(() => presenceOf(b, a.clientID)?.pos === 2, { message: 'B to see Ann move' });

  // A late joiner gets the current presence right away.
  const c = connectClient(scope, srv.wsUrl, 'presence');
  await waitFor(() => presenceOf(c, a.clientID)?.pos === 2, { message: 'C to see Ann' });

  // Terminate A's socket without a goodbye, as a crashed browser tab would.
  const aId = a.clientID;
  a.provider.shouldConnect = false;
  (a.provider.ws as unknown as { terminate(): void }).terminate();
  await waitFor(() => !b.provider.awareness.getStates().has(aId) && !c.provider.awareness.getStates().has(aId), {
    message: 'Ann’s presence to be removed',
  });
});

it('a client that reconnects while its old connection is still half-open shows its live presence once the heartbeat drops the old one', async () => {
  // A short heartbeat: the frozen connection fails it within two intervals (30 s in production).
  const srv = await startTestServer(scope, { config: { pingIntervalMs: 200 } });
  const proxy = await startProxy(scope, srv.port);
  // Ann goes through a proxy that can leave her connection half-open; Bo connects directly.
  const ann = connectClient(scope, wsBaseUrl(proxy.port), 'zombie');
  const bo = connectClient(scope, srv.wsUrl, 'zombie');
  await Promise.all([ann.waitSynced(), bo.waitSynced()]);
  ann.provider.awareness.setLocalState({ user: { name: 'Ann' }, pos: 1 });
  await waitFor(() => presenceOf(bo, ann.clientID)?.pos === 1, { message: 'Bo to see Ann' });

  // Ann's network changes: the old TCP connection goes silent (the server still
  // thinks it is open, until pings time out), and her client reconnects.
  proxy.freeze();
  ann.disconnect();
  ann.connect();
  await ann.waitSynced();
  expect(srv.server.rooms.loadedCount).toBe(1);

  // Ann keeps working; Bo must see her live presence, not the frozen one.
  ann.provider.awareness.setLocalStateField('pos', 2);
  await waitFor(() => presenceOf(bo, ann.clientID)?.pos === 2, {
    timeoutMs: 3_000,
    message: () => `Bo to see Ann's live presence (sees ${JSON.stringify(presenceOf(bo, ann.clientID))})`,
  });
  // And her document edits flow as usual.
  ann.doc.getMap('probe').set('x', 1);
  await waitFor(() => bo.doc.getMap('probe').get('x') === 1);
  expect(Y.getState(bo.doc.store, ann.clientID)).toBe(ann.ownClock());
});

it('a stranger claiming a live participant\'s presence id never gets it, not even while the server is too busy to see a pong in time', async () => {
  const srv = await startTestServer(scope);
  const ann = connectClient(scope, srv.wsUrl, 'busy');
  const bo = connectClient(scope, srv.wsUrl, 'busy');
  await Promise.all([ann.waitSynced(), bo.waitSynced()]);
  ann.provider.awareness.setLocalState({ user: { name: 'Ann' }, pos: 1 });
  await waitFor(() => presenceOf(bo, ann.clientID)?.pos === 1, { message: 'Bo to see Ann' });

  // Mallory sends presence for Ann's id with a newer clock. Should the server ask Ann's connection
  // whether it is alive (a ping), the process is busy for 1.5 s just then (a loaded two-core
  // machine): Ann's pong is sent at once but read only after any short wait for it has run out.
  const annSocket = ann.provider.ws as unknown as { once(e: 'ping', f: () => void): void; off(e: 'ping', f: () => void): void };
  const busy = () => {
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      // Nothing else runs on this event loop (the server shares it in these tests).
    }
  };
  annSocket.once('ping', busy);
  const mallory = await openRawSocket(scope, `${srv.wsUrl}/busy`);
  mallory.sendBinary(awarenessFrame(ann.clientID, 1_000_000, { user: { name: 'Mallory' }, pos: 666 }));
  // A connection's messages are handled in order: the answer to this step 1 means the claim was handled.
  mallory.sendBinary(step1Frame());
  await waitFor(() => mallory.received.some(isStep2), { message: "the answer to Mallory's step 1" });
  annSocket.off('ping', busy);
  // Ann keeps working; her presence is hers, and Mallory's never reaches Bo.
  ann.provider.awareness.setLocalStateField('pos', 2);
  await waitFor(() => presenceOf(bo, ann.clientID)?.pos === 2, { message: () => `Bo to see Ann's own presence (sees ${JSON.stringify(presenceOf(bo, ann.clientID))})` });
  // Another round trip through the server after everything Mallory sent, still Ann's.
  bo.doc.getMap('m').set('x', 1);
  await waitFor(() => ann.doc.getMap('m').get('x') === 1);
  expect(presenceOf(bo, ann.clientID)?.user?.name).toBe('Ann');
  expect(presenceOf(ann, ann.clientID)?.pos).toBe(2);
});
