import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresAccessStore } from '../../server/access/postgres';
import { PostgresSnapshotStore } from '../../server/snapshots/postgres';
import { PostgresStore } from '../../server/storage/postgres';
import { PostgresBallotStore } from '../../server/votes/postgres-store';
import { DATABASE_URL } from '../helpers/postgres';
import { useScope, type Scope } from '../helpers/scope';

/**
 * An instance that starts while PostgreSQL is down must work once it is back,
 * without a restart. Before the stores shared server/storage/pgkit.ts, the
 * access and snapshot stores kept their failed table set-up forever: every
 * board was refused until the instance was restarted.
 */

/** A port that refuses PostgreSQL connections until `open()`, then forwards them to the real one. */
async function gate(scope: Scope): Promise<{ url: string; open(): void }> {
  const target = new URL(DATABASE_URL);
  let open = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  scope.defer(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const url = new URL(DATABASE_URL);
  url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: url.toString(), open: () => (open = true) };
}

async function dropLater(scope: Scope, tables: string[]): Promise<void> {
  scope.defer(async () => {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    for (const t of tables) await c.query(`DROP TABLE IF EXISTS ${t}`);
    await c.end();
  });
}

const name = () => `d_${randomBytes(5).toString('hex')}`;

describe('PostgreSQL down when the instance starts', () => {
  const scope = useScope();

  it.each([
    [
      'access records',
      (url: string, t: string) => {
        const s = new PostgresAccessStore(url, t);
        return { use: () => s.get('board-1'), answer: null, close: () => s.close(), tables: [t] };
      },
    ],
    [
      'snapshots',
      (url: string, t: string) => {
        const s = new PostgresSnapshotStore(url, t);
        return { use: () => s.isErased('mark'), answer: false, close: () => s.close(), tables: [t, `${t}_erased`] };
      },
    ],
    [
      'board updates',
      (url: string, t: string) => {
        const s = new PostgresStore(url, t);
        return { use: () => s.load('board-1'), answer: [], close: () => s.close(), tables: [t] };
      },
    ],
    [
      'vote rounds',
      (url: string, t: string) => {
        const s = new PostgresBallotStore(url, t);
        return { use: () => s.currentRound('board-1'), answer: null, close: () => s.close(), tables: [`${t}_vote_rounds`, `${t}_ballots`] };
      },
    ],
  ])('%s: refused while it is down, served as soon as it is back', async (_what, make) => {
    const db = await gate(scope);
    const store = make(db.url, name());
    await dropLater(scope, store.tables);
    scope.defer(() => store.close());
    // Set-up and the first call fail: the database is not there.
    await expect(store.use()).rejects.toThrow();
    db.open();
    // The same store, no restart: it sets its tables up now and answers.
    expect(await store.use()).toEqual(store.answer);
  });
});
