import type Database from 'better-sqlite3';
import { MAIN_SQLITE_FILE, storeHandle } from './sqlitekit';
import type { BoardStore } from './types';

/**
 * Embedded default store: one SQLite file in WAL mode. better-sqlite3 is
 * synchronous, so an append has reached the OS (and survives SIGKILL of this
 * process) when the call returns. synchronous=NORMAL trades power-loss
 * durability of the last transactions for speed; set SQLITE_SYNCHRONOUS=FULL
 * to also survive an OS crash.
 */
export class SqliteStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly select: Database.Statement<[string], { id: number; data: Buffer }>;
  private readonly countStmt: Database.Statement<[string], { n: number }>;
  private readonly deleteUpTo: Database.Statement<[string, number]>;

  /** Closes the file when this store opened it; a shared handle is closed by its owner (server/backend.ts). */
  private readonly closeHandle: () => void;

  constructor(source: string | Database.Database, synchronous: 'NORMAL' | 'FULL' = 'NORMAL') {
    const { db, close } = storeHandle(source, MAIN_SQLITE_FILE, { synchronous });
    this.db = db;
    this.closeHandle = close;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_board ON updates (board, id);
    `);
    this.insert = this.db.prepare('INSERT INTO updates (board, data) VALUES (?, ?)');
    this.select = this.db.prepare('SELECT id, data FROM updates WHERE board = ? ORDER BY id');
    this.countStmt = this.db.prepare('SELECT count(*) AS n FROM updates WHERE board = ?');
    this.deleteUpTo = this.db.prepare('DELETE FROM updates WHERE board = ? AND id <= ?');
  }

  load(boardId: string): Uint8Array[] {
    return this.select.all(boardId).map((row) => new Uint8Array(row.data));
  }

  append(boardId: string, updates: Uint8Array[]): void {
    this.db.transaction(() => {
      for (const u of updates) this.insert.run(boardId, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    })();
  }

  compact(boardId: string, merge: (updates: Uint8Array[]) => Uint8Array): void {
    // One transaction: readers see either all old rows or the merged row, never neither.
    this.db.transaction(() => {
      const rows = this.select.all(boardId);
      const last = rows[rows.length - 1];
      if (rows.length < 2 || last === undefined) return;
      const merged = merge(rows.map((r) => new Uint8Array(r.data)));
      this.deleteUpTo.run(boardId, last.id);
      this.insert.run(boardId, Buffer.from(merged));
    })();
  }

  deleteBoard(boardId: string): void {
    this.db.prepare('DELETE FROM updates WHERE board = ?').run(boardId);
    // Copy the WAL into the main file (where secure_delete zeroed the pages) and empty it.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  count(boardId: string): number {
    return this.countStmt.get(boardId)?.n ?? 0;
  }

  close(): void {
    this.closeHandle();
  }
}
