import { randomBytes } from 'node:crypto';
import { createLogger } from '../../server/log';
import { RedisBus } from '../../server/scale/redis-bus';
import { spawnServer, type ChildServer } from './child';
import { DATABASE_URL, pgStore, pgTable } from './postgres';
import { REDIS_URL } from './redis';
import type { Scope } from './scope';
import { startTestServer, type TestServer } from './server';

/**
 * Two instances of one deployment, as behind a load balancer, in the two ways
 * the scale-out tests need them:
 *
 * - `startReplicaPair`: in-process servers whose board updates share a table
 *   of their own and whose bus uses a Redis channel prefix of its own, so
 *   tests never see each other's rows or messages. Only the update store and
 *   the bus are shared: access, snapshots and ballots stay in each
 *   instance's SQLite (tests with board links use `spawnReplicaPair`).
 * - `spawnReplicaPair`: two real server processes in scale-out mode
 *   (DATABASE_URL + REDIS_URL), so every store is in PostgreSQL and an
 *   instance can be SIGKILLed. The server takes no table or channel prefix
 *   from its environment, so these use the default tables and channels;
 *   the tests keep apart by their random board ids.
 */

export interface ReplicaOptions {
  /** Redis of the pair (e.g. a PrivateRedis that the test stops); the machine's Redis otherwise. */
  redisUrl?: string;
}

/** Two in-process instances on one private PostgreSQL table and one private Redis channel prefix. */
export async function startReplicaPair(scope: Scope, opts: ReplicaOptions = {}): Promise<[TestServer, TestServer]> {
  const table = pgTable(scope);
  const prefix = `samskab-test:${randomBytes(4).toString('hex')}:`;
  const instance = () => {
    const bus = new RedisBus(opts.redisUrl ?? REDIS_URL, createLogger('silent'), prefix);
    return startTestServer(scope, { store: pgStore(scope, table), bus });
  };
  const first = await instance();
  const second = await instance();
  return [first, second];
}

/** Two server processes on the machine's PostgreSQL and Redis, each with its own data directory; `env` is added to both. */
export async function spawnReplicaPair(
  scope: Scope,
  opts: ReplicaOptions & { env?: Record<string, string> } = {},
): Promise<[ChildServer, ChildServer]> {
  // Boards per address are counted in Redis, which outlives a test run: every run on this machine creates boards
  // from 127.0.0.1, so the hourly limit is lifted unless a test sets it (with a Redis of its own).
  const env = { DATABASE_URL, REDIS_URL: opts.redisUrl ?? REDIS_URL, BOARDS_PER_IP_PER_HOUR: '1000000', ...opts.env };
  const first = await spawnServer(scope, { dataDir: scope.tempDir(), env });
  const second = await spawnServer(scope, { dataDir: scope.tempDir(), env });
  return [first, second];
}
