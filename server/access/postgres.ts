import pg from 'pg';
import type { AccessRecord, AccessStore } from './types';

/** Access records in PostgreSQL for scale-out mode: every instance reads the same links and passcode. */
export class PostgresAccessStore implements AccessStore {
  private readonly pool: pg.Pool;
  private readonly ready: Promise<unknown>;
  private closed: Promise<void> | null = null;

  constructor(connectionString: string, private readonly table = 'samskab_access') {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`invalid table name ${table}`);
    this.pool = new pg.Pool({ connectionString, max: 4 });
    this.pool.on('error', () => undefined);
    this.ready = this.pool.query(`CREATE TABLE IF NOT EXISTS ${table} (board TEXT PRIMARY KEY, record JSONB NOT NULL)`);
    this.ready.catch(() => undefined);
  }

  async get(boardId: string): Promise<AccessRecord | null> {
    await this.ready;
    const res = await this.pool.query<{ record: AccessRecord }>(`SELECT record FROM ${this.table} WHERE board = $1`, [boardId]);
    return res.rows[0]?.record ?? null;
  }

  async put(record: AccessRecord): Promise<void> {
    await this.ready;
    await this.pool.query(
      `INSERT INTO ${this.table} (board, record) VALUES ($1, $2) ON CONFLICT (board) DO UPDATE SET record = excluded.record`,
      [record.boardId, JSON.stringify(record)],
    );
  }

  async remove(boardId: string): Promise<void> {
    await this.ready;
    await this.pool.query(`DELETE FROM ${this.table} WHERE board = $1`, [boardId]);
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}
