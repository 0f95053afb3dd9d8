import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, itemsMap, moveItem } from '../../shared/model/board';
import { isDamaged, readItem } from '../../shared/model/validate';
import { author, itemIds, typeInto } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { spawnServer } from '../helpers/child';
import { Rng } from '../helpers/prng';
import { useScope } from '../helpers/scope';
import { waitFor } from '../helpers/wait';

/**
 * The server promises that no peer ever sees an edit that a crash could lose
 * (store first, relay after). So: A streams edits, B watches, the server
 * process is SIGKILLed mid-stream, and after a restart on the same DATA_DIR a
 * fresh client must hold every operation B had seen.
 */

const scope = useScope();

/**
 * `lockStore`: just before the kill, another process holds SQLite's write lock
 * for a moment, so the server's next append waits (its event loop blocked in
 * SQLite's busy wait). Storing first, nothing it receives meanwhile can reach
 * B; a server that relayed before storing would hand B that batch and then
 * die with it unstored — which is what this variant catches.
 */
async function killMidStream(env: Record<string, string>, seed: number, opts: { lockStore?: boolean } = {}) {
  const dataDir = scope.tempDir();
  const first = await spawnServer(scope, { dataDir, env });
  const board = 'sigkill-board';
  const a = connectClient(scope, first.wsUrl, board);
  const b = connectClient(scope, first.wsUrl, board);
  await Promise.all([a.waitSynced(), b.waitSynced()]);

  const seen = new Set<string>();
  itemsMap(b.doc).observe((event) => {
    for (const [key, change] of event.changes.keys) if (change.action === 'add') seen.add(key);
  });

  // A streams: mostly new items, also typing and moves on earlier ones.
  const rng = new Rng(seed);
  let streaming = true;
  const stream = setInterval(() => {
    if (!streaming) return;
    for (let n = 0; n < 3; n++) {
      const known = itemIds(a.doc);
      const r = rng.float();
      if (known.length < 5 || r < 0.6) {
        createItem(a.doc, { kind: 'idea', x: rng.range(0, 3000), y: rng.range(0, 3000), author: author(), text: rng.word() });
      } else if (r < 0.8) {
        typeInto(a.doc, rng.pick(known), rng.int(10), rng.word());
      } else {
        moveItem(a.doc, rng.pick(known), rng.range(0, 3000), rng.range(0, 3000));
      }
    }
  }, 1);
  scope.defer(() => clearInterval(stream));

  await waitFor(() => seen.size >= 300, { timeoutMs: 20_000, message: () => `B to see 300 items (saw ${seen.size})` });
  let lock: Database.Database | null = null;
  if (opts.lockStore) {
    lock = new Database(path.join(dataDir, 'samskab.sqlite'));
    lock.exec('BEGIN IMMEDIATE');
    await new Promise((r) => setTimeout(r, 300));
  }
  const killed = await first.kill('SIGKILL');
  expect(killed.signal).toBe('SIGKILL');
  streaming = false;
  clearInterval(stream);
  lock?.exec('ROLLBACK');
  lock?.close();
  // Whatever the server wrote to B's socket before it died arrives now: B saw it too.
  await new Promise((r) => setTimeout(r, 200));

  // Freeze what B had seen: the connection is gone, nothing more can arrive.
  const seenIds = [...seen];
  const seenState = Y.decodeStateVector(Y.encodeStateVector(b.doc));
  const aClock = a.ownClock();
  a.destroy();
  b.destroy();

  const second = await spawnServer(scope, { dataDir, env });
  const fresh = connectClient(scope, second.wsUrl, board);
  await fresh.waitSynced();

  const items = itemsMap(fresh.doc);
  const missing = seenIds.filter((id) => !items.has(id));
  expect(missing, `items B had seen but the restarted server lost (seed ${seed})`).toEqual([]);
  for (const id of seenIds) expect(isDamaged(readItem(id, items.get(id))), `item ${id} intact`).toBe(false);
  // Stronger: every operation B had seen (creates, typing, moves) is on disk.
  const freshState = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
  for (const [client, clock] of seenState) {
    expect(freshState.get(client) ?? 0, `operations of client ${client} (seed ${seed})`).toBeGreaterThanOrEqual(clock);
  }
  // Sanity: the kill landed mid-stream (A had edits nobody had seen yet),
  // and the server cannot have stored more than A produced.
  expect(aClock, 'A was ahead of what B had seen').toBeGreaterThan(seenState.get(a.clientID) ?? 0);
  expect(freshState.get(a.clientID) ?? 0).toBeLessThanOrEqual(aClock);
}

describe('SIGKILL durability', () => {
  it('every edit a peer has seen survives a SIGKILL of the server', { timeout: 60_000 }, async () => {
    await killMidStream({}, 11);
  });

  it('… also while the update log is being compacted all the time', { timeout: 60_000 }, async () => {
    await killMidStream({ COMPACT_THRESHOLD: '2' }, 12);
  });

  it('… also when the kill lands while the store is slow (nothing is relayed before it is stored)', { timeout: 60_000 }, async () => {
    await killMidStream({}, 13, { lockStore: true });
  });
});
