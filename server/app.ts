import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '../shared/protocol';
import type { ServerConfig } from './config';
import { createBoard } from './boards/http';
import { HttpError } from './http/body';
import { sendError, sendJson } from './http/respond';
import { sendTime } from './http/time';
import { createStaticHandler } from './http/static';
import { dispatch, type Handler, type Route } from './http/router';
import { admitUpgrade, createAccessService, handleAccessApi, setSecurityHeaders } from './access';
import { clientIp } from './limits/clientIp';
import { retryAfterSeconds } from './limits/slidingWindow';
import type { Logger } from './log';
import { Metrics } from './metrics';
import { handleSnapshotsApi } from './snapshots/http';
import { handleStoriesApi, handleStoryPage } from './stories/http';
import { handleVotesApi } from './votes/http';
import { VoteRounds } from './votes/service';
import { Snapshots } from './snapshots/service';
import type { BoardBus } from './scale/bus';
import { openBackend } from './backend';
import type { BoardStore } from './storage/types';
import { BoardRefusedError } from './sync/admission';
import { Rooms } from './sync/rooms';
import { createSyncEndpoint } from './sync/upgrade';

/** Largest board export accepted by POST /api/boards/import. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface SamskabServer {
  readonly port: number;
  readonly url: string;
  readonly rooms: Rooms;
  readonly metrics: Metrics;
  /** Graceful stop: refuse new work, store everything pending, close sockets. */
  close(): Promise<void>;
}

/**
 * Starts one Samskab server: HTTP API, built client and websocket sync on
 * one port. Pass `port: 0` (tests) to get a free port.
 */
export async function startServer(
  config: ServerConfig,
  log: Logger,
  store?: BoardStore,
  bus?: BoardBus | null,
): Promise<SamskabServer> {
  // One scale-out decision for every store and the bus; an injected store and bus (tests) replace only those two.
  const backend = openBackend(config, log, { withBus: true, ...(store ? { board: store, bus: bus ?? null } : {}) });
  const boardStore = backend.board;
  const boardBus = backend.bus;
  const metrics = new Metrics();
  const access = createAccessService(config, backend.access, log, backend.limits);
  // The rooms' hooks call features made below (they need the rooms); no board loads before they exist.
  const rooms: Rooms = new Rooms(
    boardStore,
    log,
    { idleMs: config.roomIdleMs, compactThreshold: config.compactThreshold, limits: config, metrics },
    boardBus,
    {
      beforeLoad: (boardId): Promise<void> => snapshots.refuseErased(boardId),
      lastLeave: (room): void => snapshots.sessionEnded(room),
      control: (boardId, payload) => {
        try {
          const event = (JSON.parse(new TextDecoder().decode(payload)) as { event?: unknown }).event;
          if (event === 'rotated') access.rotatedElsewhere(boardId);
          if (event === 'trashed') {
            snapshots.trashedElsewhere(boardId).catch((err: Error) => log.error({ board: boardId, err: err.message }, 'closing a board trashed elsewhere failed'));
          }
          if (event === 'erased') {
            snapshots.erasedElsewhere(boardId).catch((err: Error) => log.error({ board: boardId, err: err.message }, 'closing a board erased elsewhere failed'));
          }
        } catch {
          log.warn({ board: boardId }, 'unreadable control event on the bus');
        }
      },
      // The same as hearing the control event, for one that was lost in a Redis outage.
      refusedLater: (boardId, refusal) =>
        refusal.closeCode === CloseCode.BoardDeleted ? snapshots.erasedElsewhere(boardId) : snapshots.trashedElsewhere(boardId),
    },
  );
  // A rotation on one instance disconnects the old links' holders on every instance.
  const tellOthers = (boardId: string, event: 'rotated' | 'erased' | 'trashed') => boardBus?.publish(boardId, 'control', new TextEncoder().encode(JSON.stringify({ event })));
  if (boardBus) access.onRotated = (boardId) => tellOthers(boardId, 'rotated');
  const snapshots: Snapshots = new Snapshots(rooms, boardStore, backend.snapshots, log, config.trashDays === undefined ? {} : { trashDays: config.trashDays });
  // Ballots in PostgreSQL in scale-out mode, so every instance counts the same votes.
  const votes = new VoteRounds(rooms, boardStore, backend.ballots, log);
  snapshots.onErased = async (boardId) => {
    await votes.erase(boardId);
    await access.forget(boardId);
    // Published stories go with the board (the same step as in server/erasure.ts).
    await backend.stories.deleteBoard(boardId);
  };
  // Scale-out: every instance with the board open closes it at once (the board store is shared, the rooms are not).
  if (boardBus) {
    snapshots.onErasing = (boardId) => tellOthers(boardId, 'erased');
    snapshots.onTrashing = (boardId) => tellOthers(boardId, 'trashed');
  }
  const sync = createSyncEndpoint(rooms, log, config, (req, socket, boardId, ip) => admitUpgrade(access, req, socket, boardId, ip), metrics, backend.connections);
  metrics.gauge('samskab_connections', 'Open websocket connections.', () => sync.connectionCount);
  metrics.gauge('samskab_boards_loaded', 'Boards loaded in memory.', () => rooms.loadedCount);
  if (boardBus) metrics.gauge('samskab_redis_up', 'Scale-out mode: 1 while Redis carries updates between instances, 0 during an outage.', () => (boardBus.healthy ? 1 : 0));
  // Counted in Redis across instances in scale-out mode (backend.limits), in this process otherwise.
  const HOUR_MS = 60 * 60 * 1000;
  const serveStatic = createStaticHandler(config.clientDir);
  let closing = false;

  /** Boards per address per hour, for creating and importing alike. */
  const limitBoardCreation: Handler = async ({ res, ip }) => {
    const max = config.boardsPerIpPerHour;
    if (max <= 0) return false;
    const c = await backend.limits.take(`boards:${ip}`, HOUR_MS, max, 'below');
    if (c.recorded) return false;
    const wait = retryAfterSeconds(c, HOUR_MS, Date.now());
    metrics.limitHits.inc({ limit: 'boards_per_ip_per_hour' });
    res.setHeader('Retry-After', String(wait));
    throw new HttpError(429, `too many boards created from this address; try again in ${wait} s`);
  };
  // The route table: first match answers; a handler that resolves false lets the next row try.
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/healthz',
      handle: ({ res }) => {
        if (closing) return sendJson(res, 503, { status: 'shutting down' });
        // Without Redis an instance still serves its own participants: degraded, not down.
        const redis = boardBus ? (boardBus.healthy ? 'up' : 'down') : 'not used';
        return sendJson(res, 200, { status: redis === 'down' ? 'degraded' : 'ok', boardsLoaded: rooms.loadedCount, connections: sync.connectionCount, redis });
      },
    },
    { method: 'GET', path: '/api/time', handle: ({ res }) => sendTime(res) },
    {
      method: 'GET',
      path: '/metrics',
      handle: async ({ res }) => {
        const text = await metrics.render();
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(text);
      },
    },
    { method: 'POST', path: '/api/boards', handle: limitBoardCreation },
    { method: 'POST', path: '/api/boards', handle: ({ req, res }) => createBoard(req, res, boardStore, access) },
    { method: 'POST', path: '/api/boards/import', handle: limitBoardCreation },
    { prefix: '/api/boards/', handle: ({ req, res, url, ip }) => handleSnapshotsApi(req, res, url, { snapshots, access, ip, maxImportBytes: MAX_IMPORT_BYTES }) },
    { prefix: '/api/boards/', handle: ({ req, res, url, ip }) => handleStoriesApi(req, res, url, { stories: backend.stories, snapshots, access, ip }) },
    { prefix: '/api/boards/', handle: ({ req, res, url, ip }) => handleVotesApi(req, res, url, { service: votes, access, ip }) },
    { prefix: '/api/boards/', handle: ({ req, res, url, ip }) => handleAccessApi(req, res, url.pathname, access, ip, (boardId) => snapshots.refuseErased(boardId)) },
    {
      prefix: '/api/',
      handle: ({ req, url }) => {
        throw new HttpError(404, `no API route ${req.method} ${url.pathname}`);
      },
    },
    // Public case stories: no credentials, a page of their own (not the client app).
    { prefix: '/story/', handle: ({ req, res, url }) => handleStoryPage(req, res, url, { stories: backend.stories, snapshots }) },
    { method: 'GET', handle: ({ req, res, url }) => serveStatic(req, res, url.pathname) },
    { method: 'HEAD', handle: ({ req, res, url }) => serveStatic(req, res, url.pathname) },
    {
      handle: ({ req }) => {
        throw new HttpError(405, `method ${req.method} not allowed`);
      },
    },
  ];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    // A request id on the response and on the log line; a sane incoming one (from a proxy) is kept.
    const incoming = req.headers['x-request-id'];
    const reqId = typeof incoming === 'string' && /^[\w.:-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', reqId);
    const started = performance.now();
    res.once('finish', () => {
      metrics.httpRequests.inc({ status: String(res.statusCode) });
      // Board links are secrets: log /b/:board, never the id (nor a story's token).
      const path = url.pathname.startsWith('/b/') ? '/b/:board' : url.pathname.startsWith('/story/') ? '/story/:token' : url.pathname.replace(/^\/api\/boards\/[^/]+/, '/api/boards/:board');
      log.info({ req: reqId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'http request');
    });
    setSecurityHeaders(res);
    const handle = () => dispatch(routes, { req, res, url, ip: clientIp(req, config.trustProxy) });
    handle().catch((err: unknown) => {
      if (err instanceof HttpError) return sendError(res, err.status, err.message);
      // A feature reached a board that is deleted or in the trash (e.g. a vote call): gone, not broken.
      if (err instanceof BoardRefusedError) return sendError(res, 410, err.message);
      log.error({ err: (err as Error).message, route }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sync.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    port,
    url: `http://${shownHost}:${port}`,
    rooms,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      server.close();
      await rooms.closeAll(CloseCode.ServerShutdown);
      sync.close();
      server.closeAllConnections();
      snapshots.close();
      // Every store, then the shared pool or handle, then the bus (server/backend.ts).
      await backend.close();
    },
  };
}
