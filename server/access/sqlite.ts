import type Database from 'better-sqlite3';
import { MAIN_SQLITE_FILE, storeHandle } from '../storage/sqlitekit';
import type { AccessRecord, AccessStore } from './types';

interface Row {
  board: string;
  editor_token: string;
  observer_token: string;
  passcode_hash: string | null;
  observer_cursors: number;
  retired: string;
  updated_at: number;
}

/**
 * Access records in the same SQLite file as the board updates
 * (DATA_DIR/samskab.sqlite, table `board_access`), so one backup of the data
 * directory holds both; the server shares one handle of it (server/backend.ts).
 */
export class SqliteAccessStore implements AccessStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], Row>;
  private readonly upsert: Database.Statement<[Row]>;

  /** Closes the file when this store opened it; a shared handle is closed by its owner (server/backend.ts). */
  private readonly closeHandle: () => void;

  constructor(source: string | Database.Database) {
    const { db, close } = storeHandle(source, MAIN_SQLITE_FILE);
    this.db = db;
    this.closeHandle = close;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS board_access (
        board TEXT PRIMARY KEY,
        editor_token TEXT NOT NULL,
        observer_token TEXT NOT NULL,
        passcode_hash TEXT,
        observer_cursors INTEGER NOT NULL DEFAULT 0,
        retired TEXT NOT NULL DEFAULT '[]',
        updated_at INTEGER NOT NULL
      );
    `);
    this.select = this.db.prepare('SELECT * FROM board_access WHERE board = ?');
    this.upsert = this.db.prepare(`
      INSERT INTO board_access (board, editor_token, observer_token, passcode_hash, observer_cursors, retired, updated_at)
      VALUES (@board, @editor_token, @observer_token, @passcode_hash, @observer_cursors, @retired, @updated_at)
      ON CONFLICT (board) DO UPDATE SET
        editor_token = excluded.editor_token, observer_token = excluded.observer_token,
        passcode_hash = excluded.passcode_hash, observer_cursors = excluded.observer_cursors,
        retired = excluded.retired, updated_at = excluded.updated_at
    `);
  }

  get(boardId: string): AccessRecord | null {
    const row = this.select.get(boardId);
    if (!row) return null;
    return {
      boardId: row.board,
      editorToken: row.editor_token,
      observerToken: row.observer_token,
      passcodeHash: row.passcode_hash,
      observerCursors: row.observer_cursors === 1,
      retiredTokenHashes: JSON.parse(row.retired) as string[],
      updatedAt: row.updated_at,
    };
  }

  put(r: AccessRecord): void {
    this.upsert.run({
      board: r.boardId,
      editor_token: r.editorToken,
      observer_token: r.observerToken,
      passcode_hash: r.passcodeHash,
      observer_cursors: r.observerCursors ? 1 : 0,
      retired: JSON.stringify(r.retiredTokenHashes),
      updated_at: r.updatedAt,
    });
  }

  remove(boardId: string): void {
    this.db.prepare('DELETE FROM board_access WHERE board = ?').run(boardId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.closeHandle();
  }
}
