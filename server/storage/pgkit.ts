import type pg from 'pg';
import { loadPg } from '../scale/drivers';

/**
 * The one way Samskab's PostgreSQL stores set up and use the database, so
 * they all take the same care (issue 14): a pool that survives idle-client
 * errors, transactions, and schema set-up that runs under an advisory lock and
 * is retried on the next use when it failed (the database was down when the
 * instance started) — before, the access and snapshot stores kept their failed
 * set-up forever and refused every board until a restart.
 */

/** First key of the advisory lock held while a schema is set up. */
const SCHEMA_LOCK_SPACE = 7203;

/** Table names are built into SQL, so only plain identifiers (never user input). */
export function sqlIdentifier(name: string, max = 62): string {
  if (!new RegExp(`^[a-z_][a-z0-9_]{0,${max}}$`).test(name)) throw new Error(`invalid SQL identifier ${name}`);
  return name;
}

/** A pool whose idle-client errors (a database restart) do not crash the process; the next query reconnects. */
export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new (loadPg().Pool)({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A store's pool: the instance's shared one (server/backend.ts makes one per
 * instance and ends it once), or its own from a URL (tests, tools), which the
 * store then ends on close.
 */
export interface StorePool {
  pool: pg.Pool;
  end(): Promise<void>;
}

export function storePool(db: string | pg.Pool, max: number): StorePool {
  if (typeof db !== 'string') return { pool: db, end: () => Promise.resolve() };
  const pool = createPool(db, max);
  return { pool, end: () => pool.end() };
}

/** Runs `fn` in a transaction on one client: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/**
 * A store's tables. Set-up starts at once; `ready()` waits for it and, when it
 * failed, tries again (one attempt at a time), so a store made while the
 * database was down works as soon as it is back.
 */
export class PgSchema {
  private attempt: Promise<void>;

  constructor(
    private readonly pool: pg.Pool,
    /** CREATE … IF NOT EXISTS statements. */
    private readonly ddl: string,
  ) {
    this.attempt = this.run();
  }

  private run(): Promise<void> {
    // Two instances starting at once can both fail CREATE TABLE IF NOT EXISTS; the lock orders them.
    const p = inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCHEMA_LOCK_SPACE, this.ddl]);
      await c.query(this.ddl);
    });
    p.catch(() => undefined);
    return p;
  }

  async ready(): Promise<void> {
    const current = this.attempt;
    try {
      await current;
    } catch {
      if (this.attempt === current) this.attempt = this.run();
      await this.attempt;
    }
  }
}
