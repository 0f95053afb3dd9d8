import type { RoleId } from '../../shared/roles';
import type { RoundState } from '../../shared/cocreation/votes';

/** A round as the server stores it (authoritative; the doc holds a copy): the shared round fields plus its board. */
export interface StoredRound
  extends Pick<RoundState, 'id' | 'status' | 'dots' | 'equalWeight' | 'anonymousNames' | 'openedAt' | 'closedAt' | 'revealedAt' | 'rev'> {
  boardId: string;
}

/** One voter's allocation; `voter` is a SHA-256 of the voter id, never the id itself. */
export interface StoredBallot {
  voter: string;
  role: RoleId;
  votes: Record<string, number>;
  updatedAt: number;
}

/** The fields a round change may set; the store bumps `rev` itself. */
export type RoundChange = Partial<Pick<StoredRound, 'status' | 'closedAt' | 'revealedAt'>>;

/**
 * Where ballots and rounds live: SQLite in DATA_DIR by default, PostgreSQL in
 * scale-out mode. Every method that changes something is atomic per board —
 * "is the round open, are the dots within the limit, replace the ballot" runs
 * as one step even with two tabs of one voter on two server instances — and
 * bumps the round's `rev`, so the newest state is recognisable.
 */
export interface BallotStore {
  currentRound(boardId: string): Promise<StoredRound | null>;
  round(boardId: string, roundId: string): Promise<StoredRound | null>;
  /** Every round of the board, oldest first (issue 16: no round is hidden by a newer one). */
  allRounds(boardId: string): Promise<StoredRound[]>;
  /** Stores a new open round unless one is open on the board; then returns that one and stores nothing. */
  openRound(r: StoredRound): Promise<{ opened: StoredRound } | { busy: StoredRound }>;
  /** Applies `change(round)` (null = leave it) atomically; null when there is no such round. */
  updateRound(boardId: string, roundId: string, change: (r: StoredRound) => RoundChange | null): Promise<StoredRound | null>;
  /**
   * Reads the round under a lock, lets `make` check it and build the ballot
   * (it throws to refuse), stores the ballot replacing the voter's earlier one,
   * and returns the round with its new rev; null when there is no such round.
   */
  castBallot(boardId: string, roundId: string, make: (r: StoredRound) => StoredBallot): Promise<StoredRound | null>;
  ballot(boardId: string, roundId: string, voter: string): Promise<StoredBallot | null>;
  ballots(boardId: string, roundId: string): Promise<StoredBallot[]>;
  deleteBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}

/** Row shape shared by both SQL stores. */
export interface RoundRow {
  board: string;
  id: string;
  status: RoundState['status'];
  dots: number;
  equal_weight: number | boolean;
  anonymous_names: number | boolean;
  opened_at: number | string;
  closed_at: number | string | null;
  revealed_at: number | string | null;
  rev: number | string;
}

const int = (v: number | string | null) => (v === null ? null : Number(v));

export const toRound = (r: RoundRow): StoredRound => ({
  boardId: r.board,
  id: r.id,
  status: r.status,
  dots: Number(r.dots),
  equalWeight: r.equal_weight === 1 || r.equal_weight === true,
  anonymousNames: r.anonymous_names === 1 || r.anonymous_names === true,
  openedAt: Number(r.opened_at),
  closedAt: int(r.closed_at),
  revealedAt: int(r.revealed_at),
  rev: Number(r.rev),
});

export interface BallotRow {
  voter: string;
  role: RoleId;
  votes: string;
  updated_at: number | string;
}

export const toBallot = (r: BallotRow): StoredBallot => ({ voter: r.voter, role: r.role, votes: JSON.parse(r.votes) as Record<string, number>, updatedAt: Number(r.updated_at) });
