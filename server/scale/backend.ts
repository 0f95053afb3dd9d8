import type { ServerConfig } from '../config';

/** PostgreSQL and Redis addresses of scale-out mode. */
export interface ScaleOut {
  databaseUrl: string;
  redisUrl: string;
}

/**
 * The one scale-out decision every store and the bus follow: both
 * DATABASE_URL and REDIS_URL set (several instances can then serve any board),
 * or neither (SQLite in DATA_DIR, one instance). One of them alone is a
 * configuration error, not a quiet fallback. server/backend.ts makes every
 * store and the bus from it.
 */
export function scaleOutOf(config: Pick<ServerConfig, 'databaseUrl' | 'redisUrl'>): ScaleOut | null {
  const { databaseUrl, redisUrl } = config;
  if (!databaseUrl && !redisUrl) return null;
  if (!databaseUrl || !redisUrl) {
    throw new Error('scale-out mode needs both DATABASE_URL and REDIS_URL (set both, or neither for SQLite)');
  }
  return { databaseUrl, redisUrl };
}
