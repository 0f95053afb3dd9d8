import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { PostgresStore } from '../storage/postgres';
import { SqliteStore } from '../storage/sqlite';
import type { BoardStore } from '../storage/types';
import type { BoardBus } from './bus';
import { RedisBus } from './redis-bus';

/**
 * Picks the storage and the inter-instance bus from the configuration:
 * SQLite in DATA_DIR and no bus by default; PostgreSQL + Redis when both
 * DATABASE_URL and REDIS_URL are set (several instances can then serve any board).
 */
export function createBackend(config: ServerConfig, log: Logger): { store: BoardStore; bus: BoardBus | null } {
  const { databaseUrl, redisUrl } = config;
  if (!databaseUrl && !redisUrl) return { store: new SqliteStore(config.dataDir, config.sqliteSynchronous), bus: null };
  if (!databaseUrl || !redisUrl) {
    throw new Error('scale-out mode needs both DATABASE_URL and REDIS_URL (set both, or neither for SQLite)');
  }
  return { store: new PostgresStore(databaseUrl), bus: new RedisBus(redisUrl, log) };
}
