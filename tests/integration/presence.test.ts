import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from '../helpers/client';
import { startProxy } from '../helpers/proxy';
import { useScope } from '../helpers/scope';
import { startTestServer, wsBaseUrl } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/** Presence (awareness) is relayed, never stored, and follows the connection that owns it. */

const scope = useScope();

type Presence = { user?: { name?: string }; pos?: number } | undefined;
const presenceOf = (viewer: TestClient, clientId: number) => viewer.provider.awareness.getStates().get(clientId) as Presence;

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

it('a client that reconnects while its old connection is still half-open shows its live presence', async () => {
  const srv = await startTestServer(scope);
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
