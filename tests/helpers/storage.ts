import Database from 'better-sqlite3';
import path from 'node:path';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/storage/sqlite';
import type { BoardStore } from '../../server/storage/types';

/**
 * Direct looks at what is on disk, independent of the server's own reading
 * code: the rows of one board in DATA_DIR/samskab.sqlite.
 */
export function storedRows(dataDir: string, boardId: string): Uint8Array[] {
  const db = new Database(path.join(dataDir, 'samskab.sqlite'), { fileMustExist: true });
  try {
    return db
      .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board = ? ORDER BY id')
      .all(boardId)
      .map((r) => new Uint8Array(r.data));
  } finally {
    db.close();
  }
}

/** The board as stored on disk, replayed into a fresh doc (caller destroys it). */
export function storedDoc(dataDir: string, boardId: string): Y.Doc {
  const doc = new Y.Doc();
  for (const row of storedRows(dataDir, boardId)) Y.applyUpdate(doc, row);
  return doc;
}

/**
 * An asynchronous store (as a PostgreSQL one would be): SQLite underneath,
 * but every append resolves only after `appendDelayMs` (and every load after
 * `loadDelayMs`), so the server really awaits. Counts appends for the tests.
 */
export class SlowStore implements BoardStore {
  private readonly inner: SqliteStore;
  appendsStarted = 0;
  appendsDone = 0;

  constructor(
    dataDir: string,
    private readonly appendDelayMs: number,
    private readonly loadDelayMs = 0,
  ) {
    this.inner = new SqliteStore(dataDir);
  }

  async load(boardId: string): Promise<Uint8Array[]> {
    if (this.loadDelayMs > 0) await new Promise((r) => setTimeout(r, this.loadDelayMs));
    return this.inner.load(boardId);
  }

  async append(boardId: string, updates: Uint8Array[]): Promise<void> {
    this.appendsStarted++;
    await new Promise((r) => setTimeout(r, this.appendDelayMs));
    this.inner.append(boardId, updates);
    this.appendsDone++;
  }

  async compact(boardId: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<void> {
    this.inner.compact(boardId, merge);
  }

  async deleteBoard(boardId: string): Promise<void> {
    this.inner.deleteBoard(boardId);
  }

  async count(boardId: string): Promise<number> {
    return this.inner.count(boardId);
  }

  async close(): Promise<void> {
    this.inner.close();
  }
}
