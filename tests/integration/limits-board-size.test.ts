import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { docWithClient, updateFrame } from '../helpers/hostile';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { storedDoc } from '../helpers/storage';
import { waitFor, withTimeout } from '../helpers/wait';

/** MAX_BOARD_BYTES caps the stored size of a board; the update that would pass it is refused whole (4103). */

const scope = useScope();

it('an update that would make the board too large is refused whole with 4103; the board stays usable', async () => {
  const srv = await startTestServer(scope, { config: { maxBoardBytes: 20_000 } });
  const board = 'size-limit';
  const a = connectClient(scope, srv.wsUrl, board);
  const b = connectClient(scope, srv.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  a.doc.getMap('m').set('small', 'x'.repeat(2_000));
  await a.waitSaved();

  const big = docWithClient(55);
  big.getMap('m').set('huge', 'y'.repeat(30_000));
  const raw = await openRawSocket(scope, `${srv.wsUrl}/${board}`);
  raw.sendBinary(updateFrame(Y.encodeStateAsUpdate(big)));
  expect(await withTimeout(raw.closed, 5_000, 'the oversized edit to be refused')).toEqual({
    code: CloseCode.BoardTooLarge,
    reason: 'board size limit reached',
  });
  expect(srv.server.metrics.limitHits.get({ limit: 'board_bytes' })).toBe(1);

  // Small edits still fit; nothing of the refused update is anywhere.
  b.doc.getMap('m').set('still', 'fits');
  await waitFor(() => a.doc.getMap('m').get('still') === 'fits');
  await b.waitSaved();
  expect(Y.getState(a.doc.store, 55)).toBe(0);
  const stored = storedDoc(srv.dataDir, board);
  expect(Y.getState(stored.store, 55)).toBe(0);
  expect(stored.getMap('m').get('still')).toBe('fits');
  stored.destroy();
  const room = await srv.server.rooms.acquire(board);
  expect(room.storedBytes).toBeGreaterThan(2_000);
  expect(room.storedBytes).toBeLessThan(20_000);
  // A reconnecting client whose sync brings nothing new is not refused.
  a.disconnect();
  a.connect();
  await a.waitSynced();
  expect(a.closes).toEqual([]);
  big.destroy();
});
