import { expect, it } from 'vitest';
import { createItem, listItems } from '../../shared/model/board';
import { MESSAGE_AWARENESS } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient, type TestClient } from '../helpers/client';
import { awarenessFrame } from '../helpers/hostile';
import { openRawSocket, type RawSocket } from '../helpers/raw';
import { startReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * Presence is batched per room (sync/room.ts): a peer gets one merged frame
 * per interval, not one per cursor move of every participant, so a crowd of
 * moving cursors cannot starve document updates. The latest state and every
 * removal still reach everyone, on this instance and on the others.
 */

const scope = useScope();

const MOVERS = 30;
const MOVES = 20;

type Presence = { pos?: number } | undefined;
const posOf = (viewer: TestClient, clientId: number) => (viewer.provider.awareness.getStates().get(clientId) as Presence)?.pos;
const awarenessFrames = (raw: RawSocket) => raw.received.filter((f) => f[0] === MESSAGE_AWARENESS).length;

it('a crowd of moving cursors is merged into few frames; every last position and every document edit arrives', async () => {
  const srv = await startTestServer(scope, { config: { awarenessPerSecond: 0 } });
  const board = 'presence-storm';
  const editor = connectClient(scope, srv.wsUrl, board);
  const watcher = connectClient(scope, srv.wsUrl, board);
  await Promise.all([editor.waitSynced(), watcher.waitSynced()]);
  const observer = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  const movers = await Promise.all(Array.from({ length: MOVERS }, () => openRawSocket(scope, `${srv.wsUrl}/${board}`)));
  const framesBefore = awarenessFrames(observer);

  // Every mover moves MOVES times; the editor adds a card between rounds.
  for (let move = 1; move <= MOVES; move++) {
    movers.forEach((m, i) => m.sendBinary(awarenessFrame(9000 + i, move, { pos: move })));
    createItem(editor.doc, { kind: 'idea', x: move, y: 0, author: author(), text: `edit ${move}` });
  }
  await waitFor(() => listItems(watcher.doc).items.length === MOVES, { message: 'every document edit to arrive' });
  await waitFor(() => movers.every((_, i) => posOf(watcher, 9000 + i) === MOVES), { message: 'every last cursor position to arrive' });

  // Unbatched, the observer would get one frame per presence message (600).
  const frames = awarenessFrames(observer) - framesBefore;
  expect(frames).toBeGreaterThan(0);
  expect(frames).toBeLessThan((MOVERS * MOVES) / 4);
});

it('a participant who leaves is removed for everyone, through the batched frames', async () => {
  const srv = await startTestServer(scope, { config: { awarenessPerSecond: 0 } });
  const board = 'presence-leave';
  const watchers = [connectClient(scope, srv.wsUrl, board), connectClient(scope, srv.wsUrl, board)];
  await Promise.all(watchers.map((w) => w.waitSynced()));
  const movers = await Promise.all(Array.from({ length: 10 }, () => openRawSocket(scope, `${srv.wsUrl}/${board}`)));
  movers.forEach((m, i) => m.sendBinary(awarenessFrame(7000 + i, 1, { pos: i })));
  await waitFor(() => watchers.every((w) => movers.every((_, i) => posOf(w, 7000 + i) === i)), { message: 'everyone to see the movers' });

  // Half leave without a goodbye, the other half move once more at the same moment.
  movers.forEach((m, i) => (i % 2 === 0 ? m.ws.terminate() : m.sendBinary(awarenessFrame(7000 + i, 2, { pos: 100 + i }))));
  await waitFor(
    () => watchers.every((w) => movers.every((_, i) => (i % 2 === 0 ? !w.provider.awareness.getStates().has(7000 + i) : posOf(w, 7000 + i) === 100 + i))),
    { message: 'the leavers to be removed and the others to have moved, for everyone' },
  );
});

it('presence crosses instances, batched: the last position and the removal reach the other instance', async () => {
  const [s1, s2] = await startReplicaPair(scope);
  const board = `presence-bus-${Date.now()}`;
  const b = connectClient(scope, s2.wsUrl, board);
  await b.waitSynced();
  const movers = await Promise.all(Array.from({ length: 5 }, () => openRawSocket(scope, `${s1.wsUrl}/${board}`)));
  for (let move = 1; move <= 10; move++) movers.forEach((m, i) => m.sendBinary(awarenessFrame(5000 + i, move, { pos: move })));
  await waitFor(() => movers.every((_, i) => posOf(b, 5000 + i) === 10), { message: 'the last positions to reach the other instance' });
  movers[0]!.ws.terminate();
  await waitFor(() => !b.provider.awareness.getStates().has(5000), { message: 'the removal to reach the other instance' });
  expect(posOf(b, 5001)).toBe(10);
});
