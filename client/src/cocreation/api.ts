import type { RoleId } from '../../../shared/roles';
import { VOTER_HEADER } from '../../../shared/protocol';
import { deviceKey } from './deviceKey';
import type { RoundState } from '../../../shared/cocreation/votes';
import { ApiError, credentialHeaders } from '../http/credentials';

/**
 * This device's voter id for a board: random, kept in localStorage, so a
 * second tab and a reconnect vote as the same person (the server allows one
 * set of dots per voter id). It is never put in the document or in presence.
 */
export const voterId = (boardId: string): string => deviceKey(`samskab.voter.${boardId}`);

export interface OwnBallot {
  votes: Record<string, number>;
  used: number;
  dots: number;
}

async function call<T>(boardId: string, path: string, method: string, params: Record<string, string> | undefined, opts: { voter?: string; json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = credentialHeaders(params);
  if (opts.voter) headers[VOTER_HEADER] = opts.voter;
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/rounds${path}`, {
    method,
    headers,
    cache: 'no-store',
    ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? `HTTP ${res.status}`);
  return body as T;
}

export const startRound = (boardId: string, params: Record<string, string> | undefined, opts: { dots: number; equalWeight: boolean; anonymousNames: boolean }) =>
  call<RoundState>(boardId, '', 'POST', params, { json: opts });

export const closeRound = (boardId: string, roundId: string, params: Record<string, string> | undefined) =>
  call<RoundState>(boardId, `/${roundId}/close`, 'POST', params, { json: {} });

export const revealRound = (boardId: string, roundId: string, params: Record<string, string> | undefined) =>
  call<RoundState>(boardId, `/${roundId}/reveal`, 'POST', params, { json: {} });

export const getBallot = (boardId: string, roundId: string, params: Record<string, string> | undefined) =>
  call<OwnBallot>(boardId, `/${roundId}/ballot`, 'GET', params, { voter: voterId(boardId) });

export const putBallot = (boardId: string, roundId: string, params: Record<string, string> | undefined, role: RoleId, votes: Record<string, number>) =>
  call<OwnBallot>(boardId, `/${roundId}/ballot`, 'PUT', params, { voter: voterId(boardId), json: { role, votes } });
