import type Database from 'better-sqlite3';
import { MAIN_SQLITE_FILE, storeHandle } from '../storage/sqlitekit';
import type { StoryInput, StoryRecord, StoryStore } from './types';

interface Row {
  token: string;
  board_id: string;
  lang: string;
  names: number;
  content: string;
  published_at: number;
  updated_at: number;
  withdrawn_at: number | null;
}

const toRecord = (r: Row): StoryRecord => ({
  token: r.token,
  boardId: r.board_id,
  lang: r.lang === 'en' ? 'en' : 'da',
  names: r.names === 1,
  content: r.content,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
  withdrawnAt: r.withdrawn_at,
});

/**
 * Stories in the main SQLite file (DATA_DIR/samskab.sqlite, table `stories`),
 * beside the board updates and access records, on the handle the server
 * shares (server/backend.ts). A partial unique index keeps one live story per
 * board, so publishing is one upsert.
 */
export class SqliteStoryStore implements StoryStore {
  private readonly db: Database.Database;
  private readonly closeHandle: () => void;

  constructor(source: string | Database.Database) {
    const { db, close } = storeHandle(source, MAIN_SQLITE_FILE);
    this.db = db;
    this.closeHandle = close;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS stories (
        token TEXT PRIMARY KEY,
        board_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        names INTEGER NOT NULL,
        content TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        withdrawn_at INTEGER
      );
      CREATE UNIQUE INDEX IF NOT EXISTS stories_live ON stories (board_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX IF NOT EXISTS stories_board ON stories (board_id);
    `);
  }

  publish(i: StoryInput): StoryRecord {
    const row = this.db
      .prepare<[string, string, string, number, string, number, number], Row>(
        `INSERT INTO stories (token, board_id, lang, names, content, published_at, updated_at, withdrawn_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (board_id) WHERE withdrawn_at IS NULL DO UPDATE SET
           lang = excluded.lang, names = excluded.names, content = excluded.content, updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(i.newToken, i.boardId, i.lang, i.names ? 1 : 0, i.content, i.now, i.now);
    if (!row) throw new Error('publishing the story stored nothing');
    return toRecord(row);
  }

  byToken(token: string): StoryRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM stories WHERE token = ?').get(token);
    return row ? toRecord(row) : null;
  }

  latest(boardId: string): StoryRecord | null {
    const row = this.db
      .prepare<[string], Row>('SELECT * FROM stories WHERE board_id = ? ORDER BY withdrawn_at IS NULL DESC, COALESCE(withdrawn_at, updated_at) DESC LIMIT 1')
      .get(boardId);
    return row ? toRecord(row) : null;
  }

  withdraw(boardId: string, now: number): boolean {
    const res = this.db.prepare("UPDATE stories SET withdrawn_at = ?, content = '' WHERE board_id = ? AND withdrawn_at IS NULL").run(now, boardId);
    return res.changes > 0;
  }

  deleteBoard(boardId: string): void {
    const res = this.db.prepare('DELETE FROM stories WHERE board_id = ?').run(boardId);
    // secure_delete clears the pages; the checkpoint clears the WAL copy of them.
    if (res.changes > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.closeHandle();
  }
}
