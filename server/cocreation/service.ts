import { createHash } from 'node:crypto';
import { randomId } from '../../shared/ids';
import { listItems } from '../../shared/model/board';
import { cocreationMap, ROUND_KEY } from '../../shared/cocreation/doc';
import { firstLine } from '../../shared/cocreation/perspectives';
import { checkAllocation, MAX_DOTS, MIN_DOTS, participation, tally, used, VoteError, type RoundState } from '../../shared/cocreation/votes';
import type { RoleId } from '../../shared/roles';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/types';
import type { Room } from '../sync/room';
import type { Rooms } from '../sync/rooms';
import type { BallotStore, StoredRound } from './store';

/** Transaction origin of the server's co-creation writes (stored and relayed like any edit). */
export const COCREATION_ORIGIN = { cocreation: true };

export class CocreationError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The voter id is a bearer secret of one device; only its hash is stored. */
export const voterHash = (voterId: string) => createHash('sha256').update(`samskab-voter:${voterId}`).digest('base64url');

/**
 * Dot-vote rounds of boards. Ballots stay in the BallotStore; the board's
 * Y.Doc gets the round state, how many have voted per role, and — after
 * reveal — the aggregate results, so everyone sees the same thing live.
 */
export class Cocreation {
  constructor(
    private readonly rooms: Rooms,
    private readonly boards: BoardStore,
    private readonly store: BallotStore,
    private readonly log: Logger,
  ) {}

  async exists(boardId: string): Promise<boolean> {
    return (await this.boards.count(boardId)) > 0;
  }

  private async withRoom<T>(boardId: string, fn: (room: Room) => T): Promise<T> {
    const room = await this.rooms.acquire(boardId);
    try {
      await room.settled();
      const out = fn(room);
      await room.settled();
      return out;
    } finally {
      this.rooms.release(room);
    }
  }

  /** The round as the doc shows it, computed from the store at this moment. */
  private stateOf(r: StoredRound, room: Room | null): RoundState {
    const ballots = this.store.ballots(r.boardId, r.id);
    let results = null;
    if (r.status === 'revealed' && room) {
      const ideas = new Map(listItems(room.doc).items.filter((i) => i.kind === 'idea').map((i) => [i.id, firstLine(i)]));
      results = tally(ballots, ideas, r.equalWeight);
    }
    return {
      id: r.id,
      status: r.status,
      dots: r.dots,
      equalWeight: r.equalWeight,
      anonymousNames: r.anonymousNames,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      revealedAt: r.revealedAt,
      participation: participation(ballots),
      results,
    };
  }

  /** Writes the round into the doc; computed inside the transaction, so the last write is always current. */
  private publish(room: Room, r: StoredRound): RoundState {
    let state: RoundState | null = null;
    room.doc.transact(() => {
      const fresh = this.store.round(r.boardId, r.id) ?? r;
      state = this.stateOf(fresh, room);
      // Revealed results are frozen: later writes (none today) reuse them.
      cocreationMap(room.doc).set(ROUND_KEY, state);
    }, COCREATION_ORIGIN);
    return state as unknown as RoundState;
  }

  async start(boardId: string, opts: { dots: number; equalWeight: boolean; anonymousNames: boolean }): Promise<RoundState> {
    if (!Number.isInteger(opts.dots) || opts.dots < MIN_DOTS || opts.dots > MAX_DOTS) throw new CocreationError(400, `dots must be a whole number from ${MIN_DOTS} to ${MAX_DOTS}`);
    const current = this.store.currentRound(boardId);
    if (current && current.status === 'open') throw new CocreationError(409, 'a round is already open on this board; close it first');
    const round: StoredRound = { boardId, id: randomId(12), status: 'open', ...opts, openedAt: Date.now(), closedAt: null, revealedAt: null };
    this.store.putRound(round);
    this.log.info({ board: boardId, round: round.id, dots: round.dots }, 'vote round opened');
    return this.withRoom(boardId, (room) => this.publish(room, round));
  }

  private roundOr404(boardId: string, roundId: string): StoredRound {
    const r = this.store.round(boardId, roundId);
    if (!r) throw new CocreationError(404, 'no such round');
    return r;
  }

  async close(boardId: string, roundId: string): Promise<RoundState> {
    const r = this.roundOr404(boardId, roundId);
    if (r.status === 'open') this.store.putRound({ ...r, status: 'closed', closedAt: Date.now() });
    return this.withRoom(boardId, (room) => this.publish(room, this.roundOr404(boardId, roundId)));
  }

  async reveal(boardId: string, roundId: string): Promise<RoundState> {
    const r = this.roundOr404(boardId, roundId);
    const now = Date.now();
    if (r.status !== 'revealed') this.store.putRound({ ...r, status: 'revealed', closedAt: r.closedAt ?? now, revealedAt: now });
    this.log.info({ board: boardId, round: roundId }, 'vote round revealed');
    return this.withRoom(boardId, (room) => this.publish(room, this.roundOr404(boardId, roundId)));
  }

  async round(boardId: string, roundId: string): Promise<RoundState> {
    const r = this.roundOr404(boardId, roundId);
    return this.withRoom(boardId, (room) => this.stateOf(r, room));
  }

  async cast(boardId: string, roundId: string, voterId: string, role: RoleId, votes: unknown): Promise<{ votes: Record<string, number>; used: number; dots: number }> {
    return this.withRoom(boardId, (room) => {
      // Everything from the open check to the write is synchronous: no second tab can interleave.
      const r = this.roundOr404(boardId, roundId);
      if (r.status !== 'open') throw new CocreationError(409, 'this round is closed; votes can no longer change');
      const ideas = new Set(listItems(room.doc).items.filter((i) => i.kind === 'idea').map((i) => i.id));
      let clean: Record<string, number>;
      try {
        clean = checkAllocation(votes, r.dots, (id) => ideas.has(id));
      } catch (err) {
        if (err instanceof VoteError) throw new CocreationError(422, err.message);
        throw err;
      }
      this.store.putBallot(boardId, roundId, { voter: voterHash(voterId), role, votes: clean, updatedAt: Date.now() });
      this.publish(room, r);
      return { votes: clean, used: used(clean), dots: r.dots };
    });
  }

  ballotOf(boardId: string, roundId: string, voterId: string): { votes: Record<string, number>; used: number; dots: number } {
    const r = this.roundOr404(boardId, roundId);
    const b = this.store.ballot(boardId, roundId, voterHash(voterId));
    const votes = b?.votes ?? {};
    return { votes, used: used(votes), dots: r.dots };
  }

  /** Deletes a board's rounds and ballots (the board was erased). */
  erase(boardId: string): void {
    this.store.deleteBoard(boardId);
  }

  shutdown(): void {
    this.store.close();
  }
}
