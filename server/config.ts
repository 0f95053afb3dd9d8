import path from 'node:path';
import { accessOptionsFromEnv, type AccessOptions } from './access/options';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Built client to serve; the server still runs (API + sync) if it is missing. */
  clientDir: string;
  /** A room with no connections is unloaded from memory after this long. */
  roomIdleMs: number;
  /** Compact a board's update log once it has this many rows. */
  compactThreshold: number;
  /** Largest websocket message accepted (bytes). */
  maxMessageBytes: number;
  /** Interval of websocket pings; a peer that misses one is dropped. */
  pingIntervalMs: number;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Origin allow-list and passcode rate limit (docs/access.md); defaults when absent. */
  access?: AccessOptions;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sync = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new Error('SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  return {
    port: int(env.PORT, 8080, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    clientDir: path.resolve(env.CLIENT_DIR ?? './dist/client'),
    roomIdleMs: int(env.ROOM_IDLE_MS, 30_000, 'ROOM_IDLE_MS'),
    compactThreshold: int(env.COMPACT_THRESHOLD, 500, 'COMPACT_THRESHOLD'),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, 4 * 1024 * 1024, 'MAX_MESSAGE_BYTES'),
    pingIntervalMs: int(env.PING_INTERVAL_MS, 30_000, 'PING_INTERVAL_MS'),
    sqliteSynchronous: sync,
    access: accessOptionsFromEnv(env),
  };
}
