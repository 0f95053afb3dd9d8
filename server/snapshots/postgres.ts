import type pg from 'pg';
import { storePool, PgSchema, sqlIdentifier } from '../storage/pgkit';
import type { SnapshotKind, SnapshotMeta, SnapshotStore, TrashEntry } from './types';

/** Snapshots in PostgreSQL for scale-out mode (every instance sees the same list). */
export class PostgresSnapshotStore implements SnapshotStore {
  private readonly pool: pg.Pool;
  /** Ends the pool when this store owns it (made from a URL); the shared pool is ended by its owner. */
  private readonly endPool: () => Promise<void>;
  private readonly schema: PgSchema;
  private closed: Promise<void> | null = null;

  constructor(db: string | pg.Pool, private readonly table = 'samskab_snapshots') {
    sqlIdentifier(table);
    const { pool, end } = storePool(db, 4);
    this.pool = pool;
    this.endPool = end;
    this.schema = new PgSchema(this.pool, `
      CREATE TABLE IF NOT EXISTS ${table} (
        id TEXT PRIMARY KEY, board TEXT NOT NULL, name TEXT NOT NULL, taken_by TEXT NOT NULL,
        taken_at BIGINT NOT NULL, kind TEXT NOT NULL, bytes INTEGER NOT NULL, state BYTEA NOT NULL
      );
      CREATE INDEX IF NOT EXISTS ${table}_board ON ${table} (board, taken_at);
      CREATE TABLE IF NOT EXISTS ${table}_erased (mark TEXT PRIMARY KEY, erased_at BIGINT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${table}_trash (board TEXT PRIMARY KEY, trashed_at BIGINT NOT NULL, purge_at BIGINT NOT NULL);
    `);
  }

  private meta(r: Record<string, unknown>): SnapshotMeta {
    return {
      id: r.id as string,
      boardId: r.board as string,
      name: r.name as string,
      takenBy: r.taken_by as string,
      takenAt: Number(r.taken_at),
      kind: r.kind as SnapshotKind,
      bytes: Number(r.bytes),
    };
  }

  async create(m: Omit<SnapshotMeta, 'bytes'>, state: Uint8Array): Promise<void> {
    await this.schema.ready();
    await this.pool.query(
      `INSERT INTO ${this.table} (id, board, name, taken_by, taken_at, kind, bytes, state) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [m.id, m.boardId, m.name, m.takenBy, m.takenAt, m.kind, state.byteLength, Buffer.from(state)],
    );
  }

  async list(boardId: string): Promise<SnapshotMeta[]> {
    await this.schema.ready();
    const res = await this.pool.query(
      `SELECT id, board, name, taken_by, taken_at, kind, bytes FROM ${this.table} WHERE board = $1 ORDER BY taken_at DESC, id`,
      [boardId],
    );
    return res.rows.map((r: Record<string, unknown>) => this.meta(r));
  }

  async get(boardId: string, id: string): Promise<{ meta: SnapshotMeta; state: Uint8Array } | null> {
    await this.schema.ready();
    const res = await this.pool.query(`SELECT * FROM ${this.table} WHERE board = $1 AND id = $2`, [boardId, id]);
    const row = res.rows[0] as Record<string, unknown> | undefined;
    return row ? { meta: this.meta(row), state: new Uint8Array(row.state as Buffer) } : null;
  }

  async deleteBoard(boardId: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`DELETE FROM ${this.table} WHERE board = $1`, [boardId]);
  }

  async markErased(mark: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`INSERT INTO ${this.table}_erased (mark, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [mark, Date.now()]);
  }

  async isErased(mark: string): Promise<boolean> {
    await this.schema.ready();
    const res = await this.pool.query(`SELECT 1 FROM ${this.table}_erased WHERE mark = $1`, [mark]);
    return res.rowCount !== null && res.rowCount > 0;
  }

  async markTrashed(e: TrashEntry): Promise<void> {
    await this.schema.ready();
    await this.pool.query(
      `INSERT INTO ${this.table}_trash (board, trashed_at, purge_at) VALUES ($1, $2, $3) ON CONFLICT (board) DO UPDATE SET trashed_at = excluded.trashed_at, purge_at = excluded.purge_at`,
      [e.boardId, e.trashedAt, e.purgeAt],
    );
  }

  async trashed(boardId: string): Promise<TrashEntry | null> {
    await this.schema.ready();
    const res = await this.pool.query<{ trashed_at: string; purge_at: string }>(`SELECT trashed_at, purge_at FROM ${this.table}_trash WHERE board = $1`, [boardId]);
    const row = res.rows[0];
    return row ? { boardId, trashedAt: Number(row.trashed_at), purgeAt: Number(row.purge_at) } : null;
  }

  async untrash(boardId: string): Promise<void> {
    await this.schema.ready();
    await this.pool.query(`DELETE FROM ${this.table}_trash WHERE board = $1`, [boardId]);
  }

  async dueForPurge(now: number, trashedBefore: number): Promise<string[]> {
    await this.schema.ready();
    const res = await this.pool.query<{ board: string }>(`SELECT board FROM ${this.table}_trash WHERE purge_at <= $1 OR trashed_at <= $2 ORDER BY purge_at`, [now, trashedBefore]);
    return res.rows.map((r) => r.board);
  }

  close(): Promise<void> {
    this.closed ??= this.endPool();
    return this.closed;
  }
}
