import type pg from 'pg';
import { storePool, PgSchema, sqlIdentifier } from '../storage/pgkit';
import type { AccessRecord, AccessStore } from './types';

/** Access records in PostgreSQL for scale-out mode: every instance reads the same links and passcode. */
export class PostgresAccessStore implements AccessStore {
  private readonly pool: pg.Pool;
  /** Ends the pool when this store owns it (made from a URL); the shared pool is ended by its owner. */
  private readonly endPool: () => Promise<void>;
  private readonly schema: PgSchema;
  private closed: Promise<void> | null = null;

  constructor(db: string | pg.Pool, private readonly table = 'samskab_access') {
    sqlIdentifier(table);
    const { pool, end } = storePool(db, 4);
    this.pool = pool;
    this.endPool = end;
    this.schema = new PgSchema(this.pool, `CREATE TABLE IF NOT EXISTS ${table} (board TEXT PRIMARY KEY, record JSONB NOT NULL)`);
  }

  async get(boardId: string): Promise<AccessRecord | null> {
    await this.schema.ready();
    const res = await this.pool.query<{ record: AccessRecord }>(`SELECT record FROM ${this.table} WHERE board = $1`, [boardId]);
    return res.rows[0]?.record ?? null;
  }

  async put(record: AccessRecord): Promise<void> {
    await this.schema.ready();
    await this.pool.query(
      `INSERT INTO ${this.table} (board, record) VALUES ($1, $2) ON CONFLICT (board) DO UPDATE SET record = excluded.record`,
      [record.boardId, JSON.stringify(record)],
    );
  }

  async remove(boardId: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`DELETE FROM ${this.table} WHERE board = $1`, [boardId]);
  }

  close(): Promise<void> {
    this.closed ??= this.endPool();
    return this.closed;
  }
}
