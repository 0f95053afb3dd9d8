import type Database from 'better-sqlite3';
import type pg from 'pg';
import { PostgresAccessStore } from './access/postgres';
import { SqliteAccessStore } from './access/sqlite';
import type { AccessStore } from './access/types';
import type { ServerConfig } from './config';
import type { Logger } from './log';
import type { BoardBus } from './scale/bus';
import { scaleOutOf } from './scale/backend';
import { LocalConnectionCounts, type ConnectionCounts } from './limits/connectionCounts';
import { RedisConnectionCounts } from './limits/redisConnectionCounts';
import { RedisWindows } from './limits/redisWindows';
import { LocalWindows, type SlidingWindows } from './limits/slidingWindow';
import { RedisBus } from './scale/redis-bus';
import { PostgresSnapshotStore } from './snapshots/postgres';
import { SqliteSnapshotStore } from './snapshots/sqlite';
import type { SnapshotStore } from './snapshots/types';
import { createPool } from './storage/pgkit';
import { PostgresStore } from './storage/postgres';
import { MAIN_SQLITE_FILE, openSqlite } from './storage/sqlitekit';
import { SqliteStore } from './storage/sqlite';
import type { BoardStore } from './storage/types';
import { PostgresStoryStore } from './stories/postgres';
import { SqliteStoryStore } from './stories/sqlite';
import type { StoryStore } from './stories/types';
import { PostgresBallotStore } from './votes/postgres-store';
import { SqliteBallotStore } from './votes/sqlite-store';
import type { BallotStore } from './votes/store';

/** Connections of the one PostgreSQL pool of an instance (updates, snapshots, ballots, access and stories share it). */
const POOL_SIZE = 12;

/**
 * Every store of an instance and its bus, made from one scale-out decision
 * (server/scale/backend.ts): PostgreSQL + Redis, or SQLite in DATA_DIR and no
 * bus. In scale-out mode the stores share one pool; with SQLite the board
 * updates, the access records and the published stories share one handle of DATA_DIR/samskab.sqlite
 * (snapshots and ballots keep their own files). The server and the operator's
 * `npm run erase` both open their stores here, so they never disagree on
 * where a board's data is.
 */
export interface Backend {
  board: BoardStore;
  snapshots: SnapshotStore;
  ballots: BallotStore;
  access: AccessStore;
  /** Published stories (issue 16): shared by every instance in scale-out mode, so a withdrawal is a 410 everywhere at once. */
  stories: StoryStore;
  /** Null with SQLite (one instance) and for tools that need no bus. */
  bus: BoardBus | null;
  /** Where abuse limits count (passcode attempts, boards per address): Redis shared by every instance in scale-out mode, else this process. */
  limits: SlidingWindows;
  /** Live websocket connections per board and per address: Redis shared by every instance in scale-out mode, else this process. */
  connections: ConnectionCounts;
  /** Closes every store, then the shared pool or handle, then the bus. */
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Tools (`npm run erase`) need the stores, not the bus. */
  withBus: boolean;
  /** Tests inject a board store (and bus) to fault them; the other stores still follow the config. */
  board?: BoardStore;
  bus?: BoardBus | null;
}

export function openBackend(config: ServerConfig, log: Logger, opts: BackendOptions): Backend {
  const scaleOut = scaleOutOf(config);
  let shared: { pool: pg.Pool } | { db: Database.Database };
  let stores: Omit<Backend, 'bus' | 'close' | 'limits' | 'connections'>;
  let bus: BoardBus | null = opts.bus ?? null;
  let limits: SlidingWindows = new LocalWindows();
  let connections: ConnectionCounts = new LocalConnectionCounts();
  if (scaleOut) {
    const pool = createPool(scaleOut.databaseUrl, POOL_SIZE);
    shared = { pool };
    stores = {
      board: opts.board ?? new PostgresStore(pool),
      snapshots: new PostgresSnapshotStore(pool),
      ballots: new PostgresBallotStore(pool),
      access: new PostgresAccessStore(pool),
      stories: new PostgresStoryStore(pool),
    };
    if (opts.withBus && opts.bus === undefined) bus = new RedisBus(scaleOut.redisUrl, log);
    if (opts.withBus) {
      limits = new RedisWindows(scaleOut.redisUrl, log);
      connections = new RedisConnectionCounts(scaleOut.redisUrl, log);
    }
  } else {
    const db = openSqlite(config.dataDir, MAIN_SQLITE_FILE, { synchronous: config.sqliteSynchronous });
    shared = { db };
    stores = {
      board: opts.board ?? new SqliteStore(db),
      snapshots: new SqliteSnapshotStore(config.dataDir),
      ballots: new SqliteBallotStore(config.dataDir),
      access: new SqliteAccessStore(db),
      stories: new SqliteStoryStore(db),
    };
  }
  let closed: Promise<void> | null = null;
  return {
    ...stores,
    bus,
    limits,
    connections,
    close() {
      closed ??= (async () => {
        await stores.board.close();
        await stores.snapshots.close();
        await stores.ballots.close();
        await stores.access.close();
        await stores.stories.close();
        if ('pool' in shared) await shared.pool.end();
        else shared.db.close();
        await bus?.close();
        if (limits instanceof RedisWindows) await limits.close();
        // Gives back this instance's connection counts and liveness key, so other instances need not wait for its TTL.
        await connections.close();
      })();
      return closed;
    },
  };
}
