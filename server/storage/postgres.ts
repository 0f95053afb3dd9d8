import type pg from 'pg';
import { storePool, inTransaction, PgSchema, sqlIdentifier } from './pgkit';
import type { BoardStore } from './types';

/**
 * PostgreSQL store for scale-out mode (several instances share it). Appends
 * are single autocommitted INSERTs: when `append` resolves, the update is
 * durable. Compaction takes a per-board advisory lock, so two instances that
 * compact the same board run one after the other, and it deletes exactly the
 * rows it merged: rows other instances append meanwhile are never touched.
 */
export class PostgresStore implements BoardStore {
  private readonly pool: pg.Pool;
  /** Ends the pool when this store owns it (made from a URL); the shared pool is ended by its owner. */
  private readonly endPool: () => Promise<void>;
  private readonly schema: PgSchema;

  constructor(db: string | pg.Pool, private readonly table = 'samskab_updates') {
    sqlIdentifier(table);
    const { pool, end } = storePool(db, 8);
    this.pool = pool;
    this.endPool = end;
    this.schema = new PgSchema(
      this.pool,
      `
      CREATE TABLE IF NOT EXISTS ${table} (
        id BIGSERIAL PRIMARY KEY,
        board TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${table}_board ON ${table} (board, id);
    `,
    );
  }

  async load(boardId: string): Promise<Uint8Array[]> {
    await this.schema.ready();
    const res = await this.pool.query<{ data: Buffer }>(`SELECT data FROM ${this.table} WHERE board = $1 ORDER BY id`, [boardId]);
    return res.rows.map((r) => new Uint8Array(r.data));
  }

  async append(boardId: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return;
    await this.schema.ready();
    const values = updates.map((_, i) => `($1, $${i + 2})`).join(', ');
    await this.pool.query(`INSERT INTO ${this.table} (board, data) VALUES ${values}`, [boardId, ...updates.map((u) => Buffer.from(u))]);
  }

  async compact(boardId: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<void> {
    await this.schema.ready();
    await inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`samskab:${boardId}`]);
      const res = await client.query<{ id: string; data: Buffer }>(`SELECT id, data FROM ${this.table} WHERE board = $1 ORDER BY id`, [boardId]);
      if (res.rows.length >= 2) {
        const merged = merge(res.rows.map((r) => new Uint8Array(r.data)));
        await client.query(`DELETE FROM ${this.table} WHERE board = $1 AND id = ANY($2::bigint[])`, [boardId, res.rows.map((r) => r.id)]);
        await client.query(`INSERT INTO ${this.table} (board, data) VALUES ($1, $2)`, [boardId, Buffer.from(merged)]);
      }
    });
  }

  async deleteBoard(boardId: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`DELETE FROM ${this.table} WHERE board = $1`, [boardId]);
  }

  async count(boardId: string): Promise<number> {
    await this.schema.ready();
    const res = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.table} WHERE board = $1`, [boardId]);
    return Number(res.rows[0]?.n ?? 0);
  }

  private closed: Promise<void> | null = null;

  close(): Promise<void> {
    this.closed ??= this.endPool();
    return this.closed;
  }
}
