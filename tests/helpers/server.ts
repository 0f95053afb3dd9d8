import path from 'node:path';
import { startServer, type SamskabServer } from '../../server/app';
import { LIMIT_DEFAULTS, type ServerConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import type { BoardBus } from '../../server/scale/bus';
import type { BoardStore } from '../../server/storage/types';
import { SYNC_PATH_PREFIX } from '../../shared/protocol';
import type { Scope } from './scope';

export interface TestServer {
  readonly server: SamskabServer;
  readonly config: ServerConfig;
  readonly dataDir: string;
  readonly port: number;
  /** http://127.0.0.1:PORT */
  readonly httpUrl: string;
  /** ws://127.0.0.1:PORT/sync — the base URL a WebsocketProvider appends the board id to. */
  readonly wsUrl: string;
  /** Graceful stop (idempotent); also done at teardown. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data dir (restart); a fresh temp dir otherwise. */
  dataDir?: string;
  config?: Partial<Omit<ServerConfig, 'dataDir'>>;
  /** Custom store (e.g. a slow async wrapper); SQLite in dataDir otherwise. */
  store?: BoardStore;
  /** Scale-out: the bus to other instances (with `store`). */
  bus?: BoardBus;
}

export function testConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // No built client in tests; the server serves API + sync without it.
    clientDir: path.join(dataDir, 'no-client'),
    roomIdleMs: 30_000,
    compactThreshold: 500,
    maxMessageBytes: 4 * 1024 * 1024,
    pingIntervalMs: 30_000,
    sqliteSynchronous: 'NORMAL',
    // Most tests reach boards by id alone; the tests of OPEN_BOARDS=false (its default for npm start) say so.
    openBoards: true,
    ...LIMIT_DEFAULTS,
    ...overrides,
  };
}

export function wsBaseUrl(port: number): string {
  return `ws://127.0.0.1:${port}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
}

/** Starts an in-process server on port 0 with a silent logger; closed at teardown. */
export async function startTestServer(scope: Scope, opts: StartOptions = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? scope.tempDir();
  const config = testConfig(dataDir, opts.config);
  const server = await startServer(config, createLogger('silent'), opts.store, opts.bus);
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= server.close());
  scope.defer(close);
  return {
    server,
    config,
    dataDir,
    port: server.port,
    httpUrl: `http://127.0.0.1:${server.port}`,
    wsUrl: wsBaseUrl(server.port),
    close,
  };
}
