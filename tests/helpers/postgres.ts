import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../../server/storage/postgres';
import type { Scope } from './scope';

/** The machine's PostgreSQL (trust auth, database `test`); .ci/run starts it where it is not running. */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A PostgresStore on a table of its own, dropped at teardown, so tests never see each other's rows. */
export function pgTable(scope: Scope): string {
  const table = `t_${randomBytes(6).toString('hex')}`;
  scope.defer(async () => {
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });
  return table;
}

export function pgStore(scope: Scope, table: string): PostgresStore {
  const store = new PostgresStore(DATABASE_URL, table);
  scope.defer(() => store.close());
  return store;
}
