import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessOptionsFromEnv, type AccessOptions } from './accessOptions';

export interface ServerConfig extends LimitsConfig {
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
  /** Days a deleted board waits in the trash before it is erased (TRASH_DAYS, default 30); 0 erases at once. */
  trashDays?: number;
  /**
   * OPEN_BOARDS (default false): whether a board id without an access record
   * is an open, editable board (demos, stock y-websocket clients). Off, only
   * boards created through POST /api/boards exist; a websocket to any other id
   * is closed with 4004 "board unknown" and the board API answers 404.
   */
  openBoards: boolean;
  /** Scale-out mode when both are set: PostgreSQL stores, Redis carries updates between instances. */
  databaseUrl?: string;
  redisUrl?: string;
}

/**
 * Abuse limits (docs/operations.md). 0 switches a limit off. The defaults are
 * far above what people, the seed tool and the tests do, so only abuse hits them.
 */
export interface LimitsConfig {
  /** Stored bytes per board (update log); an update beyond it is refused (close 4103). */
  maxBoardBytes: number;
  /** Bytes of updates with missing dependencies a board may hold (close 4101). */
  maxPendingBytes: number;
  /** Unsent bytes queued for one connection before it is closed (close 4102). */
  maxBufferedBytes: number;
  /** Websocket connections per board (close 4104). */
  maxConnectionsPerBoard: number;
  /** Websocket connections per client address (close 4105). */
  maxConnectionsPerIp: number;
  /** Sync messages per second per connection, sustained (token bucket rate; close 4106). */
  updatesPerSecond: number;
  /** Sync messages a connection may send in one burst (token bucket size). */
  updateBurst: number;
  /** Awareness messages per second per connection (close 4107). */
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Largest presence state of one client, in JSON characters (close 4002). */
  maxPresenceBytes: number;
  /** Presence client ids one connection may set; more are dropped quietly. */
  maxPresenceIds: number;
  /** "Send me the whole board" requests (sync step 1) per connection per minute (close 4106). */
  fullSyncsPerMinute: number;
  /** POST /api/boards per client address per hour (HTTP 429). */
  boardsPerIpPerHour: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
  trustProxy: boolean;
}

export const LIMIT_DEFAULTS: LimitsConfig = {
  maxBoardBytes: 256 * 1024 * 1024,
  maxPendingBytes: 8 * 1024 * 1024,
  maxBufferedBytes: 32 * 1024 * 1024,
  maxConnectionsPerBoard: 500,
  maxConnectionsPerIp: 250,
  updatesPerSecond: 300,
  updateBurst: 3000,
  awarenessPerSecond: 60,
  awarenessBurst: 600,
  maxPresenceBytes: 64 * 1024,
  maxPresenceIds: 16,
  fullSyncsPerMinute: 60,
  boardsPerIpPerHour: 120,
  trustProxy: false,
};

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
    clientDir: env.CLIENT_DIR ? path.resolve(env.CLIENT_DIR) : defaultClientDir(),
    roomIdleMs: int(env.ROOM_IDLE_MS, 30_000, 'ROOM_IDLE_MS'),
    compactThreshold: int(env.COMPACT_THRESHOLD, 500, 'COMPACT_THRESHOLD'),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, 4 * 1024 * 1024, 'MAX_MESSAGE_BYTES'),
    pingIntervalMs: int(env.PING_INTERVAL_MS, 30_000, 'PING_INTERVAL_MS'),
    sqliteSynchronous: sync,
    access: accessOptionsFromEnv(env),
    trashDays: int(env.TRASH_DAYS, 30, 'TRASH_DAYS'),
    openBoards: bool(env.OPEN_BOARDS, false, 'OPEN_BOARDS'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...limitsFromEnv(env),
  };
}

/**
 * Set only in the compiled server (scripts/build-server.mjs defines it as
 * '../client': the bundle is dist/server/main.js). Undefined from source.
 */
declare const SAMSKAB_CLIENT_FROM_MODULE: string | undefined;

/**
 * dist/client of this installation, found from this module's own location
 * rather than the working directory, so a process manager or container may
 * start the server from anywhere: from source server/config.ts → ../dist/client,
 * compiled dist/server/main.js → ../client.
 */
function defaultClientDir(): string {
  const fromModule = typeof SAMSKAB_CLIENT_FROM_MODULE === 'string' ? SAMSKAB_CLIENT_FROM_MODULE : '../dist/client';
  return fileURLToPath(new URL(fromModule, import.meta.url));
}

function bool(v: string | undefined, fallback: boolean, name: string): boolean {
  const s = (v ?? '').trim().toLowerCase();
  if (s === '') return fallback;
  if (s === 'true' || s === '1') return true;
  if (s === 'false' || s === '0') return false;
  throw new Error(`${name} must be true or false, got "${v}"`);
}

function limitsFromEnv(env: NodeJS.ProcessEnv): LimitsConfig {
  const d = LIMIT_DEFAULTS;
  const trust = (env.TRUST_PROXY ?? '').toLowerCase();
  if (!['', '0', '1', 'true', 'false'].includes(trust)) throw new Error('TRUST_PROXY must be true or false');
  return {
    maxBoardBytes: int(env.MAX_BOARD_BYTES, d.maxBoardBytes, 'MAX_BOARD_BYTES'),
    maxPendingBytes: int(env.MAX_PENDING_BYTES, d.maxPendingBytes, 'MAX_PENDING_BYTES'),
    maxBufferedBytes: int(env.MAX_BUFFERED_BYTES, d.maxBufferedBytes, 'MAX_BUFFERED_BYTES'),
    maxConnectionsPerBoard: int(env.MAX_CONNECTIONS_PER_BOARD, d.maxConnectionsPerBoard, 'MAX_CONNECTIONS_PER_BOARD'),
    maxConnectionsPerIp: int(env.MAX_CONNECTIONS_PER_IP, d.maxConnectionsPerIp, 'MAX_CONNECTIONS_PER_IP'),
    updatesPerSecond: int(env.UPDATES_PER_SECOND, d.updatesPerSecond, 'UPDATES_PER_SECOND'),
    updateBurst: int(env.UPDATE_BURST, d.updateBurst, 'UPDATE_BURST'),
    awarenessPerSecond: int(env.AWARENESS_PER_SECOND, d.awarenessPerSecond, 'AWARENESS_PER_SECOND'),
    awarenessBurst: int(env.AWARENESS_BURST, d.awarenessBurst, 'AWARENESS_BURST'),
    maxPresenceBytes: int(env.MAX_PRESENCE_BYTES, d.maxPresenceBytes, 'MAX_PRESENCE_BYTES'),
    maxPresenceIds: int(env.MAX_PRESENCE_IDS, d.maxPresenceIds, 'MAX_PRESENCE_IDS'),
    fullSyncsPerMinute: int(env.FULL_SYNCS_PER_MINUTE, d.fullSyncsPerMinute, 'FULL_SYNCS_PER_MINUTE'),
    boardsPerIpPerHour: int(env.BOARDS_PER_IP_PER_HOUR, d.boardsPerIpPerHour, 'BOARDS_PER_IP_PER_HOUR'),
    trustProxy: trust === '1' || trust === 'true',
  };
}
