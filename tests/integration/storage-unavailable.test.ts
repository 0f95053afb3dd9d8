import { expect, it } from 'vitest';
import { createItem, itemsMap } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { SqliteStore } from '../../server/storage/sqlite';
import type { BoardStore } from '../../server/storage/types';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

const scope = useScope();

/** SQLite, except that loading the boards in `broken` fails (a disk or database outage). */
class PartlyBrokenStore implements BoardStore {
  readonly broken = new Set<string>();
  private readonly inner: SqliteStore;

  constructor(dataDir: string) {
    this.inner = new SqliteStore(dataDir);
  }

  async load(boardId: string): Promise<Uint8Array[]> {
    if (this.broken.has(boardId)) throw new Error('disk I/O error');
    return this.inner.load(boardId);
  }

  append(boardId: string, updates: Uint8Array[]): void {
    this.inner.append(boardId, updates);
  }

  compact(boardId: string, merge: (updates: Uint8Array[]) => Uint8Array): void {
    this.inner.compact(boardId, merge);
  }

  deleteBoard(boardId: string): void {
    this.inner.deleteBoard(boardId);
  }

  count(boardId: string): number {
    return this.inner.count(boardId);
  }

  close(): void {
    this.inner.close();
  }
}

it('a board that cannot be loaded closes with 4003; other boards work; it loads once storage recovers', async () => {
  const dataDir = scope.tempDir();
  const store = new PartlyBrokenStore(dataDir);
  const srv = await startTestServer(scope, { dataDir, store });

  const healthy = connectClient(scope, srv.wsUrl, 'healthy');
  await healthy.waitSynced();

  store.broken.add('sick');
  const sick = connectClient(scope, srv.wsUrl, 'sick');
  await waitFor(() => sick.closes.length > 0, { message: 'the sick board connection to be closed' });
  expect(sick.closes[0]?.code).toBe(CloseCode.StorageUnavailable);
  expect(sick.synced).toBe(false);
  // A failed load leaves no half-loaded room behind.
  expect(srv.server.rooms.loadedCount).toBe(1);

  // The healthy board is unaffected.
  const id = createItem(healthy.doc, { kind: 'idea', x: 0, y: 0, author: author() });
  await healthy.waitSaved();
  expect(itemsMap(healthy.doc).has(id)).toBe(true);

  // Storage recovers: the client's own reconnect attempts succeed.
  store.broken.delete('sick');
  await sick.waitSynced({ timeoutMs: 10_000 });
  const edit = createItem(sick.doc, { kind: 'problem', x: 1, y: 1, author: author(), text: 'endelig' });
  await sick.waitSaved();
  const other = connectClient(scope, srv.wsUrl, 'sick');
  await other.waitSynced();
  expect(itemsMap(other.doc).has(edit)).toBe(true);
});
