import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import { PostgresStore } from '../storage/postgres';
import { SqliteStore } from '../storage/sqlite';
import type { BoardStore } from '../storage/types';
import type { BoardBus } from './bus';
import { RedisBus } from './redis-bus';

/** PostgreSQL and Redis addresses of scale-out mode. */
export interface ScaleOut {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * The one scale-out decision every store and the bus follow: both
 * DATABASE_URL and REDIS_URL set (several instances can then serve any board),
 * or neither (SQLite in DATA_DIR, one instance). One of them alone is a
 * configuration error, not a quiet fallback.
 */
export function scaleOutOf(config: Pick<ServerConfig, 'databaseUrl' | 'redisUrl'>): ScaleOut | null {
  const { databaseUrl, redisUrl } = config;
  if (!databaseUrl && !redisUrl) return null;
  if (!databaseUrl || !redisUrl) {
    throw new Error('scale-out mode needs both DATABASE_URL and REDIS_URL (set both, or neither for SQLite)');
  }
  return { databaseUrl, redisUrl };
}

/** The board store and the inter-instance bus for the configured mode. */
export function createBackend(config: ServerConfig, log: Logger): { store: BoardStore; bus: BoardBus | null } {
  const scaleOut = scaleOutOf(config);
  if (!scaleOut) return { store: new SqliteStore(config.dataDir, config.sqliteSynchronous), bus: null };
  return { store: new PostgresStore(scaleOut.databaseUrl), bus: new RedisBus(scaleOut.redisUrl, log) };
}
