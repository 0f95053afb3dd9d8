import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessChange, AccessInfo } from '../../shared/http/contract';
import { isValidBoardId } from '../../shared/ids';
import { ACCESS_DEVICE_HEADER, ACCESS_KEY_HEADER, ACCESS_PASSCODE_HEADER } from '../../shared/protocol';
import { HttpError, readJson } from '../http/body';
import { sendJson } from '../http/respond';
import { linksOf, MAX_PASSCODE, MIN_PASSCODE, type AccessService, type Credentials, type Decision } from './service';
import type { AccessRecord, Mode } from './types';

/** Credentials of a board API request: the link secret, passcode and device headers. */
export function credentialsFromHeaders(req: IncomingMessage): Credentials {
  const header = (name: string) => {
    const v = req.headers[name.toLowerCase()];
    return typeof v === 'string' && v !== '' ? v : null;
  };
  let passcode = header(ACCESS_PASSCODE_HEADER);
  if (passcode !== null) {
    try {
      passcode = decodeURIComponent(passcode);
    } catch {
      throw new HttpError(400, `${ACCESS_PASSCODE_HEADER} must be percent-encoded UTF-8`);
    }
  }
  return { key: header(ACCESS_KEY_HEADER), passcode, device: header(ACCESS_DEVICE_HEADER) };
}

/** Sends a refusal as JSON `{error, reason}` (+ Retry-After on 429). */
export function sendDenied(res: ServerResponse, d: Extract<Decision, { ok: false }>): void {
  if (d.retryAfter) res.setHeader('Retry-After', String(d.retryAfter));
  sendJson(res, d.status, { error: d.error, reason: d.reason, ...(d.retryAfter ? { retryAfter: d.retryAfter } : {}) });
}

/** What a person with access learns about the board's access; links only for editors. */
export function accessInfo(boardId: string, mode: Mode, r: AccessRecord | null): AccessInfo {
  return {
    board: boardId,
    mode,
    /** No access record: reached by the board id alone. */
    open: r === null,
    passcode: r?.passcodeHash != null,
    observerCursors: r?.observerCursors ?? false,
    ...(mode === 'editor' && r ? { links: linksOf(r) } : {}),
  };
}

function parseChange(body: unknown): AccessChange {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object');
  const b = body as Record<string, unknown>;
  const change: AccessChange = {};
  if ('passcode' in b) {
    const p = b.passcode;
    if (p !== null && (typeof p !== 'string' || [...p].length < MIN_PASSCODE || [...p].length > MAX_PASSCODE)) {
      throw new HttpError(400, `passcode must be null (no passcode) or ${MIN_PASSCODE}-${MAX_PASSCODE} characters`);
    }
    change.passcode = p as string | null;
  }
  if ('observerCursors' in b) {
    if (typeof b.observerCursors !== 'boolean') throw new HttpError(400, 'observerCursors must be true or false');
    change.observerCursors = b.observerCursors;
  }
  return change;
}

const ROUTE = /^\/api\/boards\/([^/]+)\/(access|rotate)$/;

/**
 * The board access API (docs/access.md). Returns false if the path is not one
 * of its routes. Every route checks the credentials first.
 */
export async function handleAccessApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  access: AccessService,
  ip: string,
  /** Throws (a BoardRefusedError, answered 410) when the board is deleted or in the trash: its links are not changed then. */
  refuseGone: (boardId: string) => Promise<void>,
): Promise<boolean> {
  const m = ROUTE.exec(pathname);
  if (!m) return false;
  const boardId = m[1] as string;
  const action = m[2] as 'access' | 'rotate';
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');
  const route = `${req.method} ${action}`;
  if (!['GET access', 'PUT access', 'POST rotate'].includes(route)) throw new HttpError(405, `method ${req.method} not allowed here`);

  const decision = await access.check(boardId, credentialsFromHeaders(req), ip);
  if (!decision.ok) {
    // Drain the body so the connection can be reused.
    req.resume();
    sendDenied(res, decision);
    return true;
  }
  if (route === 'GET access') {
    sendJson(res, 200, accessInfo(boardId, decision.mode, decision.record));
    return true;
  }
  if (decision.mode !== 'editor') {
    req.resume();
    sendJson(res, 403, { error: 'only editor links may change access', reason: 'editor-only' });
    return true;
  }
  // Rotating must not create links for an erased id, nor change a trashed board that should come back as it was.
  await refuseGone(boardId);
  if (route === 'POST rotate') {
    await readJson(req);
    const r = await access.rotate(boardId);
    sendJson(res, 200, accessInfo(boardId, 'editor', r));
    return true;
  }
  const change = parseChange(await readJson(req));
  if (decision.record === null) {
    sendJson(res, 409, { error: 'this board is open (no links yet): rotate first to create private links', reason: 'open-board' });
    return true;
  }
  const r = await access.update(boardId, change);
  sendJson(res, 200, accessInfo(boardId, 'editor', r));
  return true;
}
