import { ACCESS_KEY_HEADER, ACCESS_PASSCODE_HEADER } from '../../../shared/protocol';

import type { DenyReason, Mode } from '../../../shared/access';

export type { DenyReason, Mode };

/** GET /api/boards/<id>/access (docs/access.md). */
export interface AccessInfo {
  board: string;
  mode: Mode;
  open: boolean;
  passcode: boolean;
  observerCursors: boolean;
  links?: { editor: string; observer: string };
}

export type AccessAnswer =
  | { kind: 'ok'; info: AccessInfo }
  | { kind: 'denied'; reason: DenyReason; retryAfter?: number }
  | { kind: 'unreachable' };

export interface Credentials {
  key: string | null;
  passcode: string | null;
}

function headers(creds: Credentials, json: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  if (creds.key) h[ACCESS_KEY_HEADER] = creds.key;
  if (creds.passcode) h[ACCESS_PASSCODE_HEADER] = encodeURIComponent(creds.passcode);
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

async function call(boardId: string, route: 'access' | 'rotate', method: string, creds: Credentials, body?: unknown): Promise<AccessAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/${route}`, {
      method,
      headers: headers(creds, body !== undefined),
      cache: 'no-store',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  let json: Record<string, unknown>;
  try {
    json = (await res.json()) as Record<string, unknown>;
  } catch {
    return { kind: 'unreachable' };
  }
  if (res.ok) return { kind: 'ok', info: json as unknown as AccessInfo };
  if (typeof json.reason === 'string') {
    const retry = Number(res.headers.get('Retry-After') ?? json.retryAfter ?? 0);
    return { kind: 'denied', reason: json.reason as DenyReason, ...(retry > 0 ? { retryAfter: retry } : {}) };
  }
  return { kind: 'unreachable' };
}

export const checkAccess = (boardId: string, creds: Credentials) => call(boardId, 'access', 'GET', creds);
export const rotateLinks = (boardId: string, creds: Credentials) => call(boardId, 'rotate', 'POST', creds);
export const changeAccess = (boardId: string, creds: Credentials, change: { passcode?: string | null; observerCursors?: boolean }) =>
  call(boardId, 'access', 'PUT', creds, change);

/** The secret of a link path like /b/<id>?k=<secret>. */
export function keyOfLink(link: string): string | null {
  return new URL(link, location.origin).searchParams.get('k');
}
