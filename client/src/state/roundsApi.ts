import type { RoundState } from '../../../shared/cocreation/votes';
import type { OwnBallot, PutBallotRequest, StartRoundRequest } from '../../../shared/http/contract';
import type { RoleId } from '../../../shared/roles';
import { credentialsOf, type LinkParams as Params } from '../http/credentials';
import { boardUrl, requestJson, type RequestOptions } from '../http/json';
import { voterId } from './deviceKey';

export type { OwnBallot };

/**
 * The dot-vote routes (docs/api.md, "Co-creation"); params are the link's credentials.
 * A kit module: the vote panel and the phone view cast the same ballots with the same voter id.
 */
const rounds = <T>(boardId: string, path: string, params: Params, opts: Omit<RequestOptions, 'credentials'>) =>
  requestJson<T>(boardUrl(boardId, `/rounds${path}`), { ...opts, credentials: credentialsOf(params) });

export const startRound = (boardId: string, params: Params, opts: StartRoundRequest) => rounds<RoundState>(boardId, '', params, { method: 'POST', json: opts });

export const closeRound = (boardId: string, roundId: string, params: Params) => rounds<RoundState>(boardId, `/${roundId}/close`, params, { method: 'POST', json: {} });

export const revealRound = (boardId: string, roundId: string, params: Params) => rounds<RoundState>(boardId, `/${roundId}/reveal`, params, { method: 'POST', json: {} });

export const getBallot = (boardId: string, roundId: string, params: Params) => rounds<OwnBallot>(boardId, `/${roundId}/ballot`, params, { voter: voterId(boardId) });

export const putBallot = (boardId: string, roundId: string, params: Params, role: RoleId, votes: Record<string, number>) =>
  rounds<OwnBallot>(boardId, `/${roundId}/ballot`, params, { method: 'PUT', voter: voterId(boardId), json: { role, votes } satisfies PutBallotRequest });
