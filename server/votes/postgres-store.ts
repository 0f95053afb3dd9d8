import type pg from 'pg';
import { storePool, inTransaction, PgSchema, sqlIdentifier } from '../storage/pgkit';
import { toBallot, toRound, type BallotRow, type BallotStore, type RoundChange, type RoundRow, type StoredBallot, type StoredRound } from './store';

/** Namespace of the per-board advisory locks (first key of pg_advisory_xact_lock). */
const LOCK_SPACE = 7204;

/**
 * Rounds and ballots in PostgreSQL for scale-out mode, so every instance
 * counts the same ballots. Each change runs in a transaction that first takes
 * a per-board advisory lock: two tabs of one voter on two instances are
 * serialised exactly as in one SQLite process.
 */
export class PostgresBallotStore implements BallotStore {
  private readonly pool: pg.Pool;
  /** Ends the pool when this store owns it (made from a URL); the shared pool is ended by its owner. */
  private readonly endPool: () => Promise<void>;
  private readonly schema: PgSchema;
  private closed: Promise<void> | null = null;
  private readonly rounds: string;
  private readonly ballotsTable: string;

  constructor(db: string | pg.Pool, prefix = 'samskab') {
    sqlIdentifier(prefix, 40);
    this.rounds = `${prefix}_vote_rounds`;
    this.ballotsTable = `${prefix}_ballots`;
    const { pool, end } = storePool(db, 4);
    this.pool = pool;
    this.endPool = end;
    this.schema = new PgSchema(
      this.pool,
      `
        CREATE TABLE IF NOT EXISTS ${this.rounds} (
          board TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, dots INTEGER NOT NULL,
          equal_weight BOOLEAN NOT NULL, anonymous_names BOOLEAN NOT NULL,
          opened_at BIGINT NOT NULL, closed_at BIGINT, revealed_at BIGINT, rev BIGINT NOT NULL DEFAULT 0,
          seq BIGSERIAL, PRIMARY KEY (board, id)
        );
        CREATE TABLE IF NOT EXISTS ${this.ballotsTable} (
          board TEXT NOT NULL, round TEXT NOT NULL, voter TEXT NOT NULL, role TEXT NOT NULL,
          votes TEXT NOT NULL, updated_at BIGINT NOT NULL,
          PRIMARY KEY (board, round, voter)
        );
      `,
    );
  }

  /** Runs `fn` in a transaction holding this board's lock. */
  private async locked<T>(boardId: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    await this.schema.ready();
    return inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SPACE, boardId]);
      return fn(c);
    });
  }

  /** The newest round is the last one inserted (`seq`), not the one with the latest clock: instances' clocks differ. */
  private async current(q: pg.Pool | pg.PoolClient, boardId: string): Promise<StoredRound | null> {
    const res = await q.query<RoundRow>(`SELECT * FROM ${this.rounds} WHERE board = $1 ORDER BY seq DESC LIMIT 1`, [boardId]);
    return res.rows[0] ? toRound(res.rows[0]) : null;
  }

  private async one(q: pg.Pool | pg.PoolClient, boardId: string, roundId: string): Promise<StoredRound | null> {
    const res = await q.query<RoundRow>(`SELECT * FROM ${this.rounds} WHERE board = $1 AND id = $2`, [boardId, roundId]);
    return res.rows[0] ? toRound(res.rows[0]) : null;
  }

  async currentRound(boardId: string): Promise<StoredRound | null> {
    await this.schema.ready();
    return this.current(this.pool, boardId);
  }

  async allRounds(boardId: string): Promise<StoredRound[]> {
    await this.schema.ready();
    const res = await this.pool.query<RoundRow>(`SELECT * FROM ${this.rounds} WHERE board = $1 ORDER BY seq`, [boardId]);
    return res.rows.map(toRound);
  }

  async round(boardId: string, roundId: string): Promise<StoredRound | null> {
    await this.schema.ready();
    return this.one(this.pool, boardId, roundId);
  }

  openRound(r: StoredRound): Promise<{ opened: StoredRound } | { busy: StoredRound }> {
    return this.locked(r.boardId, async (c) => {
      const current = await this.current(c, r.boardId);
      if (current?.status === 'open') return { busy: current };
      await c.query(
        `INSERT INTO ${this.rounds} (board, id, status, dots, equal_weight, anonymous_names, opened_at, closed_at, revealed_at, rev)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [r.boardId, r.id, r.status, r.dots, r.equalWeight, r.anonymousNames, r.openedAt, r.closedAt, r.revealedAt, r.rev],
      );
      return { opened: r };
    });
  }

  updateRound(boardId: string, roundId: string, change: (r: StoredRound) => RoundChange | null): Promise<StoredRound | null> {
    return this.locked(boardId, async (c) => {
      const r = await this.one(c, boardId, roundId);
      if (!r) return null;
      const ch = change(r);
      if (!ch) return r;
      const next: StoredRound = { ...r, ...ch, rev: r.rev + 1 };
      await c.query(`UPDATE ${this.rounds} SET status = $1, closed_at = $2, revealed_at = $3, rev = $4 WHERE board = $5 AND id = $6`, [
        next.status,
        next.closedAt,
        next.revealedAt,
        next.rev,
        boardId,
        roundId,
      ]);
      return next;
    });
  }

  castBallot(boardId: string, roundId: string, make: (r: StoredRound) => StoredBallot): Promise<StoredRound | null> {
    return this.locked(boardId, async (c) => {
      const r = await this.one(c, boardId, roundId);
      if (!r) return null;
      const b = make(r);
      await c.query(
        `INSERT INTO ${this.ballotsTable} (board, round, voter, role, votes, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board, round, voter) DO UPDATE SET role = excluded.role, votes = excluded.votes, updated_at = excluded.updated_at`,
        [boardId, roundId, b.voter, b.role, JSON.stringify(b.votes), b.updatedAt],
      );
      await c.query(`UPDATE ${this.rounds} SET rev = rev + 1 WHERE board = $1 AND id = $2`, [boardId, roundId]);
      return { ...r, rev: r.rev + 1 };
    });
  }

  async ballot(boardId: string, roundId: string, voter: string): Promise<StoredBallot | null> {
    await this.schema.ready();
    const res = await this.pool.query<BallotRow>(`SELECT voter, role, votes, updated_at FROM ${this.ballotsTable} WHERE board = $1 AND round = $2 AND voter = $3`, [boardId, roundId, voter]);
    return res.rows[0] ? toBallot(res.rows[0]) : null;
  }

  async ballots(boardId: string, roundId: string): Promise<StoredBallot[]> {
    await this.schema.ready();
    const res = await this.pool.query<BallotRow>(`SELECT voter, role, votes, updated_at FROM ${this.ballotsTable} WHERE board = $1 AND round = $2`, [boardId, roundId]);
    return res.rows.map(toBallot);
  }

  deleteBoard(boardId: string): Promise<void> {
    return this.locked(boardId, async (c) => {
      await c.query(`DELETE FROM ${this.ballotsTable} WHERE board = $1`, [boardId]);
      await c.query(`DELETE FROM ${this.rounds} WHERE board = $1`, [boardId]);
    });
  }

  close(): Promise<void> {
    this.closed ??= this.endPool();
    return this.closed;
  }
}
