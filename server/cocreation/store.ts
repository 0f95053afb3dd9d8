import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { RoleId } from '../../shared/roles';
import type { RoundState, RoundStatus } from '../../shared/cocreation/votes';

/** A vote round as the server keeps it (authoritative; the doc holds a copy). */
/** A round as the server stores it: the shared round fields plus its board. */
export interface StoredRound
  extends Pick<RoundState, 'id' | 'status' | 'dots' | 'equalWeight' | 'anonymousNames' | 'openedAt' | 'closedAt' | 'revealedAt'> {
  boardId: string;
}

/** One voter's allocation; `voter` is a SHA-256 of the voter id, never the id itself. */
export interface StoredBallot {
  voter: string;
  role: RoleId;
  votes: Record<string, number>;
  updatedAt: number;
}

/**
 * Where ballots and rounds live. Synchronous (SQLite) so that "check the
 * round is open, check the dots, replace the ballot" runs without an await
 * in between: two tabs of one voter cannot both slip past the dots check.
 */
export interface BallotStore {
  currentRound(boardId: string): StoredRound | null;
  round(boardId: string, roundId: string): StoredRound | null;
  putRound(r: StoredRound): void;
  putBallot(boardId: string, roundId: string, b: StoredBallot): void;
  ballot(boardId: string, roundId: string, voter: string): StoredBallot | null;
  ballots(boardId: string, roundId: string): StoredBallot[];
  deleteBoard(boardId: string): void;
  close(): void;
}

interface RoundRow {
  board: string;
  id: string;
  status: RoundStatus;
  dots: number;
  equal_weight: number;
  anonymous_names: number;
  opened_at: number;
  closed_at: number | null;
  revealed_at: number | null;
}

const toRound = (r: RoundRow): StoredRound => ({
  boardId: r.board,
  id: r.id,
  status: r.status,
  dots: r.dots,
  equalWeight: r.equal_weight === 1,
  anonymousNames: r.anonymous_names === 1,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  revealedAt: r.revealed_at,
});

/** Rounds and ballots in DATA_DIR/cocreation.sqlite. */
export class SqliteBallotStore implements BallotStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'cocreation.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS vote_rounds (
        board TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, dots INTEGER NOT NULL,
        equal_weight INTEGER NOT NULL, anonymous_names INTEGER NOT NULL,
        opened_at INTEGER NOT NULL, closed_at INTEGER, revealed_at INTEGER,
        PRIMARY KEY (board, id)
      );
      CREATE TABLE IF NOT EXISTS ballots (
        board TEXT NOT NULL, round TEXT NOT NULL, voter TEXT NOT NULL, role TEXT NOT NULL,
        votes TEXT NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (board, round, voter)
      );
    `);
  }

  currentRound(boardId: string): StoredRound | null {
    const row = this.db.prepare<[string], RoundRow>('SELECT * FROM vote_rounds WHERE board = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1').get(boardId);
    return row ? toRound(row) : null;
  }

  round(boardId: string, roundId: string): StoredRound | null {
    const row = this.db.prepare<[string, string], RoundRow>('SELECT * FROM vote_rounds WHERE board = ? AND id = ?').get(boardId, roundId);
    return row ? toRound(row) : null;
  }

  putRound(r: StoredRound): void {
    this.db
      .prepare(
        `INSERT INTO vote_rounds (board, id, status, dots, equal_weight, anonymous_names, opened_at, closed_at, revealed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board, id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at, revealed_at = excluded.revealed_at`,
      )
      .run(r.boardId, r.id, r.status, r.dots, r.equalWeight ? 1 : 0, r.anonymousNames ? 1 : 0, r.openedAt, r.closedAt, r.revealedAt);
  }

  putBallot(boardId: string, roundId: string, b: StoredBallot): void {
    this.db
      .prepare(
        `INSERT INTO ballots (board, round, voter, role, votes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (board, round, voter) DO UPDATE SET role = excluded.role, votes = excluded.votes, updated_at = excluded.updated_at`,
      )
      .run(boardId, roundId, b.voter, b.role, JSON.stringify(b.votes), b.updatedAt);
  }

  ballot(boardId: string, roundId: string, voter: string): StoredBallot | null {
    const row = this.db
      .prepare<[string, string, string], { voter: string; role: RoleId; votes: string; updated_at: number }>('SELECT voter, role, votes, updated_at FROM ballots WHERE board = ? AND round = ? AND voter = ?')
      .get(boardId, roundId, voter);
    return row ? { voter: row.voter, role: row.role, votes: JSON.parse(row.votes) as Record<string, number>, updatedAt: row.updated_at } : null;
  }

  ballots(boardId: string, roundId: string): StoredBallot[] {
    return this.db
      .prepare<[string, string], { voter: string; role: RoleId; votes: string; updated_at: number }>('SELECT voter, role, votes, updated_at FROM ballots WHERE board = ? AND round = ?')
      .all(boardId, roundId)
      .map((row) => ({ voter: row.voter, role: row.role, votes: JSON.parse(row.votes) as Record<string, number>, updatedAt: row.updated_at }));
  }

  deleteBoard(boardId: string): void {
    this.db.prepare('DELETE FROM ballots WHERE board = ?').run(boardId);
    this.db.prepare('DELETE FROM vote_rounds WHERE board = ?').run(boardId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.db.close();
  }
}
