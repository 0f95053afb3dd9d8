import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isValidBoardId } from '../../shared/ids';
import { CloseCode, CloseReason, SYNC_PATH_PREFIX, type CloseCodeValue } from '../../shared/protocol';
import type { LimitsConfig } from '../config';
import { clientIp } from '../limits/clientIp';
import { LocalConnectionCounts, type ConnectionCounts } from '../limits/connectionCounts';
import { createRateGuard } from '../limits/rate';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import { BoardRefusedError, type Admit, type Grant } from './admission';
import type { Peer, Room } from './room';
import type { Rooms } from './rooms';

/** Refuses an upgrade with a plain HTTP response the client can read. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : 'Bad Request'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

export interface SyncEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes all sockets; rooms are flushed by Rooms.closeAll. */
  close(): void;
  readonly connectionCount: number;
}

export function createSyncEndpoint(
  rooms: Rooms,
  log: Logger,
  opts: { maxMessageBytes: number; pingIntervalMs: number } & Partial<LimitsConfig>,
  /** Checked before every upgrade (access rules, docs/access.md); none: every board is open. */
  admit?: Admit,
  metrics?: Metrics,
  /** Live connections per board and per address: Redis in scale-out mode (backend.connections), this process otherwise. */
  counts: ConnectionCounts = new LocalConnectionCounts(),
): SyncEndpoint {
  const boardKey = (boardId: string) => `board:${boardId}`;
  const ipKey = (ip: string) => `ip:${ip}`;
  const limitHit = (ws: WebSocket, code: CloseCodeValue, limit: string) => {
    metrics?.limitHits.inc({ limit });
    ws.close(code, CloseReason[code]);
  };
  // ws enforces a hard cap with its own close code (1009); below it we close with our
  // own code 4002 and reason, which the client can explain to the person.
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes + 1024 * 1024 });
  let nextPeerId = 1;
  const alive = new WeakMap<WebSocket, boolean>();

  // Drop peers that stopped answering pings (half-open TCP, sleeping laptops).
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, opts.pingIntervalMs);
  pinger.unref();

  function onConnection(ws: WebSocket, boardId: string, grant?: Grant, ip = 'unknown'): void {
    const rateGuard = createRateGuard({
      updatesPerSecond: opts.updatesPerSecond ?? 0,
      updateBurst: opts.updateBurst ?? 0,
      awarenessPerSecond: opts.awarenessPerSecond ?? 0,
      awarenessBurst: opts.awarenessBurst ?? 0,
      fullSyncsPerMinute: opts.fullSyncsPerMinute ?? 0,
    });
    const peer: Peer = {
      id: nextPeerId++,
      awarenessIds: new Set(),
      takePresence: () => rateGuard.takePresence(),
      mode: grant?.mode ?? 'editor',
      ...(grant ? { observerCursors: grant.observerCursors } : {}),
      socket: {
        send: (data) => {
          if (ws.readyState !== ws.OPEN) return;
          // Backpressure: a peer that does not read is closed instead of buffered without end.
          const maxBuffered = opts.maxBufferedBytes ?? 0;
          if (maxBuffered > 0 && ws.bufferedAmount > maxBuffered) {
            plog.warn({ buffered: ws.bufferedAmount }, 'closing connection: send buffer limit reached');
            limitHit(ws, CloseCode.SlowConsumer, 'buffered_bytes');
            return;
          }
          metrics?.bytesOut.inc({}, data.byteLength);
          ws.send(data, { binary: true });
        },
        close: (code, reason) => ws.close(code, reason),
      },
    };
    // Every log line of this connection carries its id (conn).
    const plog = log.child({ board: boardId, conn: peer.id });
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // Without an error listener a malformed frame makes ws throw and kills the process.
    // ws then closes the connection itself (1002 protocol error, 1007 invalid UTF-8, 1009 too big).
    ws.on('error', (err) => {
      metrics?.rejected.inc({ reason: 'websocket_frame' });
      plog.warn({ err: err.message, code: (err as Error & { code?: string }).code }, 'websocket error');
    });

    if (grant?.closeAtOnce !== undefined) {
      plog.info({ code: grant.closeAtOnce }, 'refusing connection');
      ws.close(grant.closeAtOnce, CloseReason[grant.closeAtOnce]);
      return;
    }
    let room: Room | null = null;
    let closed = false;
    // Set once both slots are held and the socket is still open; the close handler gives back exactly these.
    let holding = false;
    /** Takes a slot on the board and one for the address (shared by every instance in scale-out mode), or refuses. */
    const admitted = async (): Promise<boolean> => {
      if (!(await counts.tryAdd(boardKey(boardId), opts.maxConnectionsPerBoard ?? 0))) {
        plog.warn('refusing connection: board connection limit');
        limitHit(ws, CloseCode.BoardFull, 'connections_per_board');
        return false;
      }
      // The socket may have closed while the count was asked: its close handler saw nothing held.
      if (closed) {
        counts.remove(boardKey(boardId));
        return false;
      }
      if (!(await counts.tryAdd(ipKey(ip), opts.maxConnectionsPerIp ?? 0))) {
        counts.remove(boardKey(boardId));
        plog.warn('refusing connection: connections per address limit');
        limitHit(ws, CloseCode.TooManyConnections, 'connections_per_ip');
        return false;
      }
      if (closed) {
        counts.remove(boardKey(boardId));
        counts.remove(ipKey(ip));
        return false;
      }
      holding = true;
      metrics?.connectionsOpened.inc();
      plog.info({ ip }, 'connection opened');
      return true;
    };

    // Messages are handled strictly in order, also those that arrive while the counts are asked and the room loads.
    let queue: Promise<void> = admitted()
      .then((ok) => (ok ? rooms.acquire(boardId) : null))
      .then(
        (r) => {
          if (r === null) return;
          if (closed) {
            rooms.release(r);
            return;
          }
          room = r;
          r.addPeer(peer);
          plog.debug('peer joined');
        },
        (err: Error) => {
          if (err instanceof BoardRefusedError) {
            ws.close(err.closeCode, CloseReason[err.closeCode]);
            return;
          }
          plog.error({ err: err.message }, 'board could not be loaded');
          ws.close(CloseCode.StorageUnavailable, CloseReason[CloseCode.StorageUnavailable]);
        },
      );

    // A refusal on arrival (text frame, too large, rate) takes effect in order: the messages
    // before it are still handled, none after it.
    let refusing = false;
    const refuseInOrder = (close: () => void) => {
      refusing = true;
      queue = queue.then(() => {
        if (ws.readyState === ws.OPEN) close();
      });
    };
    ws.on('message', (data, isBinary) => {
      if (refusing || ws.readyState !== ws.OPEN) return;
      if (!isBinary) {
        metrics?.rejected.inc({ reason: 'text_frame' });
        plog.warn('closing connection: text frame');
        refuseInOrder(() => ws.close(CloseCode.BadMessage, 'text frames are not part of the protocol'));
        return;
      }
      const bytes = toUint8Array(data);
      metrics?.messagesIn.inc();
      metrics?.bytesIn.inc({}, bytes.byteLength);
      if (bytes.byteLength > opts.maxMessageBytes) {
        metrics?.rejected.inc({ reason: 'too_large' });
        plog.warn({ bytes: bytes.byteLength }, 'closing connection: message too large');
        refuseInOrder(() => ws.close(CloseCode.MessageTooLarge, CloseReason[CloseCode.MessageTooLarge]));
        return;
      }
      const limited = rateGuard.check(bytes);
      if (limited !== null) {
        plog.warn({ code: limited.code, limit: limited.limit }, 'closing connection: rate limit');
        refuseInOrder(() => limitHit(ws, limited.code, limited.limit));
        return;
      }
      queue = queue.then(async () => {
        // Once the server closed a connection (bad message, limit), nothing more from it is handled.
        if (room && !closed && ws.readyState === ws.OPEN) await room.receive(peer, bytes);
      });
    });

    // A link rotation closes this socket (4010).
    const unregister = grant?.register((code, reason) => ws.close(code, reason));
    ws.on('close', (code) => {
      closed = true;
      if (holding) {
        counts.remove(boardKey(boardId));
        counts.remove(ipKey(ip));
      }
      plog.info({ code }, 'connection closed');
      unregister?.();
      void queue.then(() => {
        if (room) {
          room.removePeer(peer);
          rooms.release(room);
        }
        plog.debug('peer left');
      });
    });
  }

  return {
    get connectionCount() {
      return wss.clients.size;
    },
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) {
        refuse(socket, 404, 'unknown websocket endpoint; use /sync/<boardId>');
        return;
      }
      const boardId = url.pathname.slice(SYNC_PATH_PREFIX.length);
      if (!isValidBoardId(boardId)) {
        refuse(socket, 400, 'invalid board id: use 1-64 characters of A-Z, a-z, 0-9, _ and -');
        return;
      }
      socket.on('error', () => undefined);
      const ip = clientIp(req, opts.trustProxy ?? false);
      if (!admit) {
        wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, boardId, undefined, ip));
        return;
      }
      // Origin, link secret, passcode and rate limit, before the upgrade (refusals are HTTP 401/403/429).
      void admit(req, socket, boardId, ip).then((grant) => {
        if (grant === null || socket.destroyed) return;
        wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, boardId, grant, ip));
      });
    },
    close() {
      clearInterval(pinger);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
