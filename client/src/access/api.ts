import type { DenyReason, Mode } from '../../../shared/access';
import type { AccessChange, AccessInfo } from '../../../shared/http/contract';
import type { Credentials } from '../http/credentials';
import { ApiError } from '../http/errors';
import { boardUrl, requestJson, type RequestOptions } from '../http/json';

export type { AccessInfo, Credentials, DenyReason, Mode };

export type AccessAnswer =
  | { kind: 'ok'; info: AccessInfo }
  | { kind: 'denied'; reason: DenyReason; retryAfter?: number }
  | { kind: 'unreachable' };

/**
 * The access routes (docs/access.md) answer, never throw: a refusal with a reason is `denied`
 * (the gate shows why); no answer, or one that is not the API's, is `unreachable`.
 */
async function call(boardId: string, route: 'access' | 'rotate', opts: RequestOptions): Promise<AccessAnswer> {
  try {
    return { kind: 'ok', info: await requestJson<AccessInfo>(boardUrl(boardId, `/${route}`), opts) };
  } catch (err) {
    if (err instanceof ApiError && err.reason) return { kind: 'denied', reason: err.reason, ...(err.retryAfter ? { retryAfter: err.retryAfter } : {}) };
    return { kind: 'unreachable' };
  }
}

export const checkAccess = (boardId: string, credentials: Credentials) => call(boardId, 'access', { credentials });
export const rotateLinks = (boardId: string, credentials: Credentials) => call(boardId, 'rotate', { method: 'POST', credentials });
export const changeAccess = (boardId: string, credentials: Credentials, change: AccessChange) => call(boardId, 'access', { method: 'PUT', credentials, json: change });

/** The secret of a link path like /b/<id>?k=<secret>. */
export function keyOfLink(link: string): string | null {
  return new URL(link, location.origin).searchParams.get('k');
}
