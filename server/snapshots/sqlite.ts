import type Database from 'better-sqlite3';
import { openSqlite } from '../storage/sqlitekit';
import type { SnapshotKind, SnapshotMeta, SnapshotStore, TrashEntry } from './types';

interface Row {
  id: string;
  board: string;
  name: string;
  taken_by: string;
  taken_at: number;
  kind: SnapshotKind;
  bytes: number;
}

const toMeta = (r: Row): SnapshotMeta => ({
  id: r.id,
  boardId: r.board,
  name: r.name,
  takenBy: r.taken_by,
  takenAt: r.taken_at,
  kind: r.kind,
  bytes: r.bytes,
});

/** Snapshots in their own SQLite file beside the board updates. */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = openSqlite(dataDir, 'snapshots.sqlite');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS snapshots (
        id TEXT PRIMARY KEY,
        board TEXT NOT NULL,
        name TEXT NOT NULL,
        taken_by TEXT NOT NULL,
        taken_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        state BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS snapshots_board ON snapshots (board, taken_at);
      CREATE TABLE IF NOT EXISTS erased_boards (mark TEXT PRIMARY KEY, erased_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS trashed_boards (board TEXT PRIMARY KEY, trashed_at INTEGER NOT NULL, purge_at INTEGER NOT NULL);
    `);
  }

  create(meta: Omit<SnapshotMeta, 'bytes'>, state: Uint8Array): void {
    this.db
      .prepare('INSERT INTO snapshots (id, board, name, taken_by, taken_at, kind, bytes, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(meta.id, meta.boardId, meta.name, meta.takenBy, meta.takenAt, meta.kind, state.byteLength, Buffer.from(state));
  }

  list(boardId: string): SnapshotMeta[] {
    const rows = this.db
      .prepare<[string], Row>('SELECT id, board, name, taken_by, taken_at, kind, bytes FROM snapshots WHERE board = ? ORDER BY taken_at DESC, id')
      .all(boardId);
    return rows.map(toMeta);
  }

  get(boardId: string, id: string): { meta: SnapshotMeta; state: Uint8Array } | null {
    const row = this.db
      .prepare<[string, string], Row & { state: Buffer }>('SELECT * FROM snapshots WHERE board = ? AND id = ?')
      .get(boardId, id);
    return row ? { meta: toMeta(row), state: new Uint8Array(row.state) } : null;
  }

  deleteBoard(boardId: string): void {
    this.db.prepare('DELETE FROM snapshots WHERE board = ?').run(boardId);
    // Move the WAL into the main file (where secure_delete zeroed the pages) and empty it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  markErased(mark: string): void {
    this.db.prepare('INSERT OR IGNORE INTO erased_boards (mark, erased_at) VALUES (?, ?)').run(mark, Date.now());
  }

  isErased(mark: string): boolean {
    return this.db.prepare('SELECT 1 FROM erased_boards WHERE mark = ?').get(mark) !== undefined;
  }

  markTrashed(e: TrashEntry): void {
    this.db.prepare('INSERT OR REPLACE INTO trashed_boards (board, trashed_at, purge_at) VALUES (?, ?, ?)').run(e.boardId, e.trashedAt, e.purgeAt);
  }

  trashed(boardId: string): TrashEntry | null {
    const row = this.db.prepare<[string], { trashed_at: number; purge_at: number }>('SELECT trashed_at, purge_at FROM trashed_boards WHERE board = ?').get(boardId);
    return row ? { boardId, trashedAt: row.trashed_at, purgeAt: row.purge_at } : null;
  }

  untrash(boardId: string): void {
    this.db.prepare('DELETE FROM trashed_boards WHERE board = ?').run(boardId);
    // The last step of an erasure: the id leaves the WAL too (a recovery pays one cheap checkpoint).
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  dueForPurge(now: number, trashedBefore: number): string[] {
    return this.db
      .prepare<[number, number], { board: string }>('SELECT board FROM trashed_boards WHERE purge_at <= ? OR trashed_at <= ? ORDER BY purge_at')
      .all(now, trashedBefore)
      .map((r) => r.board);
  }

  close(): void {
    this.db.close();
  }
}
