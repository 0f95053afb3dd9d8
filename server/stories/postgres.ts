import type pg from 'pg';
import { PgSchema, sqlIdentifier, storePool } from '../storage/pgkit';
import type { StoryInput, StoryRecord, StoryStore } from './types';

interface Row {
  token: string;
  board_id: string;
  lang: string;
  names: boolean;
  content: string;
  published_at: string;
  updated_at: string;
  withdrawn_at: string | null;
}

// BIGINT comes back as a string.
const toRecord = (r: Row): StoryRecord => ({
  token: r.token,
  boardId: r.board_id,
  lang: r.lang === 'en' ? 'en' : 'da',
  names: r.names,
  content: r.content,
  publishedAt: Number(r.published_at),
  updatedAt: Number(r.updated_at),
  withdrawnAt: r.withdrawn_at === null ? null : Number(r.withdrawn_at),
});

/**
 * Stories in PostgreSQL for scale-out mode: every instance serves the same
 * links, and a withdrawal on one instance is a 410 on all of them at once
 * (the page is read from here on every request).
 */
export class PostgresStoryStore implements StoryStore {
  private readonly pool: pg.Pool;
  private readonly endPool: () => Promise<void>;
  private readonly schema: PgSchema;
  private closed: Promise<void> | null = null;

  constructor(
    db: string | pg.Pool,
    private readonly table = 'samskab_stories',
  ) {
    sqlIdentifier(table, 40);
    const { pool, end } = storePool(db, 4);
    this.pool = pool;
    this.endPool = end;
    this.schema = new PgSchema(
      this.pool,
      `
        CREATE TABLE IF NOT EXISTS ${table} (
          token TEXT PRIMARY KEY, board_id TEXT NOT NULL, lang TEXT NOT NULL, names BOOLEAN NOT NULL,
          content TEXT NOT NULL, published_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, withdrawn_at BIGINT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ${table}_live ON ${table} (board_id) WHERE withdrawn_at IS NULL;
        CREATE INDEX IF NOT EXISTS ${table}_board ON ${table} (board_id);
      `,
    );
  }

  async publish(i: StoryInput): Promise<StoryRecord> {
    await this.schema.ready();
    const res = await this.pool.query<Row>(
      `INSERT INTO ${this.table} (token, board_id, lang, names, content, published_at, updated_at, withdrawn_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, NULL)
       ON CONFLICT (board_id) WHERE withdrawn_at IS NULL DO UPDATE SET
         lang = excluded.lang, names = excluded.names, content = excluded.content, updated_at = excluded.updated_at
       RETURNING *`,
      [i.newToken, i.boardId, i.lang, i.names, i.content, i.now],
    );
    const row = res.rows[0];
    if (!row) throw new Error('publishing the story stored nothing');
    return toRecord(row);
  }

  async byToken(token: string): Promise<StoryRecord | null> {
    await this.schema.ready();
    const res = await this.pool.query<Row>(`SELECT * FROM ${this.table} WHERE token = $1`, [token]);
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  async latest(boardId: string): Promise<StoryRecord | null> {
    await this.schema.ready();
    const res = await this.pool.query<Row>(
      `SELECT * FROM ${this.table} WHERE board_id = $1 ORDER BY (withdrawn_at IS NULL) DESC, COALESCE(withdrawn_at, updated_at) DESC LIMIT 1`,
      [boardId],
    );
    return res.rows[0] ? toRecord(res.rows[0]) : null;
  }

  async withdraw(boardId: string, now: number): Promise<boolean> {
    await this.schema.ready();
    const res = await this.pool.query(`UPDATE ${this.table} SET withdrawn_at = $1, content = '' WHERE board_id = $2 AND withdrawn_at IS NULL`, [now, boardId]);
    return (res.rowCount ?? 0) > 0;
  }

  async deleteBoard(boardId: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`DELETE FROM ${this.table} WHERE board_id = $1`, [boardId]);
  }

  close(): Promise<void> {
    this.closed ??= this.endPool();
    return this.closed;
  }
}
