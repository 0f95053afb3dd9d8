import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ACCESS_DEVICE_PARAM, ACCESS_KEY_PARAM, ACCESS_PASSCODE_PARAM, CloseCode } from '../../shared/protocol';
import type { Grant } from '../sync/admission';
import type { AccessService } from './service';
import type { DenyReason } from './types';

const STATUS_TEXT: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests' };

/** Refuses a websocket upgrade with an HTTP status and a JSON body `{error, reason}`. */
export function refuseUpgrade(socket: Duplex, status: number, reason: DenyReason, error: string, retryAfter?: number): void {
  const body = JSON.stringify({ error, reason, ...(retryAfter ? { retryAfter } : {}) });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      'Cache-Control: no-store\r\n' +
      (retryAfter ? `Retry-After: ${retryAfter}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Cross-site websocket hijacking guard. Browsers always send Origin on a
 * websocket handshake, and a page cannot forge it; clients without Origin are
 * not browsers (seed tool, y-websocket in Node), so no cookie or ambient
 * credential of a victim can ride along and they are let through.
 */
export function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  if (allowed.length > 0) return allowed.includes(parsed.origin);
  return parsed.host === (req.headers.host ?? '').toLowerCase();
}

/**
 * The access checks of a websocket upgrade, before it happens: Origin, link
 * secret (`?k=`), passcode (`?passcode=`), rate limit. Refuses the socket
 * itself and resolves null, or resolves the grant.
 */
export async function admitUpgrade(
  access: AccessService,
  req: IncomingMessage,
  socket: Duplex,
  boardId: string,
  ip: string,
): Promise<Grant | null> {
  if (!originAllowed(req, access.options.allowedOrigins)) {
    refuseUpgrade(socket, 403, 'origin-not-allowed', `origin ${String(req.headers.origin)} is not allowed to open this websocket`);
    return null;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  let decision;
  try {
    decision = await access.check(
      boardId,
      { key: url.searchParams.get(ACCESS_KEY_PARAM), passcode: url.searchParams.get(ACCESS_PASSCODE_PARAM), device: url.searchParams.get(ACCESS_DEVICE_PARAM) },
      ip,
    );
  } catch {
    socket.destroy();
    return null;
  }
  if (!decision.ok && decision.reason === 'board-unknown') {
    // Accepted and closed with a code, so a browser can tell "no such board" from "connection failed".
    return { mode: 'observer', register: () => () => undefined, observerCursors: () => false, closeAtOnce: CloseCode.BoardUnknown };
  }
  if (!decision.ok) {
    refuseUpgrade(socket, decision.status, decision.reason, decision.error, decision.retryAfter);
    return null;
  }
  return {
    mode: decision.mode,
    register: (close) => access.register(boardId, { close }),
    observerCursors: () => access.observerCursorsAllowed(boardId),
  };
}
