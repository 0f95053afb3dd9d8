import { votableIdeas } from '../../shared/model/starter';
import { createHash } from 'node:crypto';
import { randomId } from '../../shared/ids';
import { listItems } from '../../shared/model/board';
import { cocreationMap, ROUND_KEY } from '../../shared/cocreation/doc';
import { recordRound } from '../../shared/cocreation/rounds';
import { firstLine } from '../../shared/cocreation/perspectives';
import { checkAllocation, MAX_DOTS, MIN_DOTS, participation, readRound, tally, used, VoteError, type RoundState } from '../../shared/cocreation/votes';
import type { RoleId } from '../../shared/roles';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/types';
import type { Room } from '../sync/room';
import type { Rooms } from '../sync/rooms';
import type { BallotStore, StoredRound } from './store';

/** Transaction origin of the server's co-creation writes (stored and relayed like any edit). */
export const COCREATION_ORIGIN = { cocreation: true };

export class VoteRoundError extends Error {
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
export class VoteRounds {
  constructor(
    private readonly rooms: Rooms,
    private readonly boards: BoardStore,
    private readonly store: BallotStore,
    private readonly log: Logger,
  ) {}

  /** The last publish of each board, so publishes of one board never overlap. */
  private readonly publishing = new Map<string, Promise<RoundState>>();

  async exists(boardId: string): Promise<boolean> {
    return (await this.boards.count(boardId)) > 0;
  }

  /** The round as the doc shows it, computed from the store at this moment (round first, so `rev` never overstates the ballots). */
  private async stateOf(r: StoredRound, room: Room | null): Promise<RoundState> {
    const ballots = await this.store.ballots(r.boardId, r.id);
    let results = null;
    if (r.status === 'revealed' && room) {
      const ideas = new Map(votableIdeas(listItems(room.doc).items).map((i) => [i.id, firstLine(i)]));
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
      rev: r.rev,
      participation: participation(ballots),
      results,
    };
  }

  /**
   * Writes the round's current state into the doc. Publishes of one board run
   * one after another here, and a state older than the one in the doc (same
   * round, lower rev — e.g. written meanwhile by another instance) is dropped.
   */
  private publish(room: Room, boardId: string, roundId: string): Promise<RoundState> {
    const prev = this.publishing.get(boardId) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(async () => {
      const fresh = await this.store.round(boardId, roundId);
      if (!fresh) throw new VoteRoundError(404, 'no such round');
      const state = await this.stateOf(fresh, room);
      // Only the board's current round is shown: a late reveal of an older round never hides a newer one.
      const current = await this.store.currentRound(boardId);
      room.doc.transact(() => {
        // Every round stays in the history (shared/cocreation/rounds.ts), the current one included.
        recordRound(room.doc, state);
        if (current && current.id !== roundId) return;
        const shown = readRound(cocreationMap(room.doc).get(ROUND_KEY));
        if (shown && shown.id === state.id && shown.rev > state.rev) return;
        if (shown && shown.id !== state.id && shown.openedAt > state.openedAt) return;
        cocreationMap(room.doc).set(ROUND_KEY, state);
      }, COCREATION_ORIGIN);
      return state;
    });
    this.publishing.set(boardId, next);
    void next.finally(() => {
      if (this.publishing.get(boardId) === next) this.publishing.delete(boardId);
    }).catch(() => undefined);
    return next;
  }

  async start(boardId: string, opts: { dots: number; equalWeight: boolean; anonymousNames: boolean }): Promise<RoundState> {
    if (!Number.isInteger(opts.dots) || opts.dots < MIN_DOTS || opts.dots > MAX_DOTS) throw new VoteRoundError(400, `dots must be a whole number from ${MIN_DOTS} to ${MAX_DOTS}`);
    const round: StoredRound = { boardId, id: randomId(12), status: 'open', ...opts, openedAt: Date.now(), closedAt: null, revealedAt: null, rev: 1 };
    // The room first: a board in the trash (or erased) is refused before a round is stored for it.
    return this.rooms.withRoom(boardId, async (room) => {
      const outcome = await this.store.openRound(round);
      if ('busy' in outcome) throw new VoteRoundError(409, 'a round is already open on this board; close it first');
      this.log.info({ board: boardId, round: round.id, dots: round.dots }, 'vote round opened');
      return this.publish(room, boardId, round.id);
    });
  }

  private async roundOr404(boardId: string, roundId: string): Promise<StoredRound> {
    const r = await this.store.round(boardId, roundId);
    if (!r) throw new VoteRoundError(404, 'no such round');
    return r;
  }

  async close(boardId: string, roundId: string): Promise<RoundState> {
    const r = await this.store.updateRound(boardId, roundId, (cur) => (cur.status === 'open' ? { status: 'closed', closedAt: Date.now() } : null));
    if (!r) throw new VoteRoundError(404, 'no such round');
    return this.rooms.withRoom(boardId, (room) => this.publish(room, boardId, roundId));
  }

  async reveal(boardId: string, roundId: string): Promise<RoundState> {
    const now = Date.now();
    const r = await this.store.updateRound(boardId, roundId, (cur) => (cur.status === 'revealed' ? null : { status: 'revealed', closedAt: cur.closedAt ?? now, revealedAt: now }));
    if (!r) throw new VoteRoundError(404, 'no such round');
    this.log.info({ board: boardId, round: roundId }, 'vote round revealed');
    return this.rooms.withRoom(boardId, (room) => this.publish(room, boardId, roundId));
  }

  /** Every round of the board, oldest first, each as the doc shows it (results once revealed). */
  async history(boardId: string): Promise<RoundState[]> {
    const all = await this.store.allRounds(boardId);
    return this.rooms.withRoom(boardId, (room) => Promise.all(all.map((r) => this.stateOf(r, room))));
  }

  async round(boardId: string, roundId: string): Promise<RoundState> {
    const r = await this.roundOr404(boardId, roundId);
    return this.rooms.withRoom(boardId, (room) => this.stateOf(r, room));
  }

  async cast(boardId: string, roundId: string, voterId: string, role: RoleId, votes: unknown): Promise<{ votes: Record<string, number>; used: number; dots: number }> {
    return this.rooms.withRoom(boardId, async (room) => {
      let clean: Record<string, number> = {};
      // The store runs the open check, the dots check and the write as one step under the board's lock.
      const r = await this.store.castBallot(boardId, roundId, (cur) => {
        if (cur.status !== 'open') throw new VoteRoundError(409, 'this round is closed; votes can no longer change');
        const ideas = new Set(votableIdeas(listItems(room.doc).items).map((i) => i.id));
        try {
          clean = checkAllocation(votes, cur.dots, (id) => ideas.has(id));
        } catch (err) {
          if (err instanceof VoteError) throw new VoteRoundError(422, err.message);
          throw err;
        }
        return { voter: voterHash(voterId), role, votes: clean, updatedAt: Date.now() };
      });
      if (!r) throw new VoteRoundError(404, 'no such round');
      await this.publish(room, boardId, roundId);
      return { votes: clean, used: used(clean), dots: r.dots };
    });
  }

  async ballotOf(boardId: string, roundId: string, voterId: string): Promise<{ votes: Record<string, number>; used: number; dots: number }> {
    const r = await this.roundOr404(boardId, roundId);
    const b = await this.store.ballot(boardId, roundId, voterHash(voterId));
    const votes = b?.votes ?? {};
    return { votes, used: used(votes), dots: r.dots };
  }

  /** Deletes a board's rounds and ballots (the board was erased). */
  erase(boardId: string): Promise<void> {
    return this.store.deleteBoard(boardId);
  }
}
