import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidBoardId } from '../../shared/ids';
import { VOTER_ID_PATTERN } from '../../shared/cocreation/votes';
import { VOTER_HEADER } from '../../shared/protocol';
import { isRoleId } from '../../shared/roles';
import { credentialsFromHeaders, sendDenied } from '../access/http';
import type { AccessService } from '../access/service';
import { VoteRounds, VoteRoundError } from './service';
import { HttpError, readJson } from '../http/body';
import { sendJson } from '../http/respond';

/** Header that carries a voter's id (a per-device secret; never in a URL, so never in a proxy log). */

export interface VotesDeps {
  service: VoteRounds;
  access: AccessService;
  ip: string;
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object');
  return body as Record<string, unknown>;
}

function voterOf(req: IncomingMessage): string {
  // Node lower-cases incoming header names.
  const v = req.headers[VOTER_HEADER.toLowerCase()];
  if (typeof v !== 'string' || !VOTER_ID_PATTERN.test(v)) throw new HttpError(400, `${VOTER_HEADER} must be a voter id of 16–64 characters A–Z a–z 0–9 - _`);
  return v;
}

const ROUTE = /^\/api\/boards\/([^/]+)\/rounds(?:\/([A-Za-z0-9_-]{1,64})(?:\/(close|reveal|ballot))?)?$/;

/**
 * Dot-vote rounds (docs/api.md, "Co-creation"). Returns false when the path is
 * not one of these routes.
 */
export async function handleVotesApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: VotesDeps): Promise<boolean> {
  const m = ROUTE.exec(url.pathname);
  if (!m) return false;
  const boardId = m[1] as string;
  const roundId = m[2];
  const action = m[3];
  const method = req.method ?? 'GET';
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');

  const decision = await deps.access.check(boardId, credentialsFromHeaders(req), deps.ip);
  if (!decision.ok) {
    req.resume();
    sendDenied(res, decision);
    return true;
  }
  const needEditor = () => {
    if (decision.mode !== 'editor') throw new HttpError(403, 'the observer link can watch a vote, not take part in it');
  };
  const svc = deps.service;
  if (!(await svc.exists(boardId))) throw new HttpError(404, 'no such board');

  try {
    // POST /rounds {dots, equalWeight?, anonymousNames?}
    if (roundId === undefined) {
      // GET /rounds: every round, oldest first (starting a new round never hides an earlier one).
      if (method === 'GET') {
        sendJson(res, 200, { rounds: await svc.history(boardId) });
        return true;
      }
      if (method !== 'POST') throw new HttpError(405, 'use GET to list rounds or POST to start one');
      needEditor();
      const b = object(await readJson(req));
      if (typeof b.dots !== 'number') throw new HttpError(400, 'dots is required: the number of dots each person gets');
      for (const k of ['equalWeight', 'anonymousNames'] as const) {
        if (b[k] !== undefined && typeof b[k] !== 'boolean') throw new HttpError(400, `${k} must be true or false`);
      }
      sendJson(res, 201, await svc.start(boardId, { dots: b.dots, equalWeight: b.equalWeight === true, anonymousNames: b.anonymousNames === true }));
      return true;
    }
    if (action === undefined) {
      if (method !== 'GET') throw new HttpError(405, 'use GET');
      sendJson(res, 200, await svc.round(boardId, roundId));
      return true;
    }
    if (action === 'close' || action === 'reveal') {
      if (method !== 'POST') throw new HttpError(405, `use POST to ${action} a round`);
      needEditor();
      await readJson(req);
      sendJson(res, 200, action === 'close' ? await svc.close(boardId, roundId) : await svc.reveal(boardId, roundId));
      return true;
    }
    // ballot
    if (method === 'GET') {
      needEditor();
      sendJson(res, 200, await svc.ballotOf(boardId, roundId, voterOf(req)));
      return true;
    }
    if (method !== 'PUT') throw new HttpError(405, 'use GET or PUT');
    needEditor();
    const voter = voterOf(req);
    const b = object(await readJson(req));
    if (!isRoleId(b.role)) throw new HttpError(400, 'role must be one of the role ids (docs/data-model.md)');
    sendJson(res, 200, await svc.cast(boardId, roundId, voter, b.role, b.votes));
    return true;
  } catch (err) {
    if (err instanceof VoteRoundError) throw new HttpError(err.status, err.message);
    throw err;
  }
}
