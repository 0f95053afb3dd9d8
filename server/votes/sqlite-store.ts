import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from '../storage/sqlitekit';
import { toBallot, toRound, type BallotRow, type BallotStore, type RoundChange, type RoundRow, type StoredBallot, type StoredRound } from './store';

const FILE = 'cocreation.sqlite';

/**
 * Rounds and ballots in DATA_DIR/cocreation.sqlite. better-sqlite3 is
 * synchronous, so each method body runs without interleaving; transactions
 * make the multi-statement ones all-or-nothing. The file is opened on first
 * use, so a server whose boards never vote has none.
 */
export class SqliteBallotStore implements BallotStore {
  private handle: Database.Database | null = null;
  private closed = false;

  constructor(private readonly dataDir: string) {}

  private get db(): Database.Database {
    if (this.handle) return this.handle;
    // A request still in flight at shutdown must not reopen the file.
    if (this.closed) throw new Error('the ballot store is closed');
    const db = openSqlite(this.dataDir, FILE);
    db.exec(`
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
    // Files from before rounds had revisions get the column (additive).
    const cols = db.prepare<[], { name: string }>('PRAGMA table_info(vote_rounds)').all();
    if (!cols.some((c) => c.name === 'rev')) db.exec('ALTER TABLE vote_rounds ADD COLUMN rev INTEGER NOT NULL DEFAULT 0');
    this.handle = db;
    return db;
  }

  async currentRound(boardId: string): Promise<StoredRound | null> {
    return this.currentSync(boardId);
  }

  private currentSync(boardId: string): StoredRound | null {
    const row = this.db.prepare<[string], RoundRow>('SELECT * FROM vote_rounds WHERE board = ? ORDER BY rowid DESC LIMIT 1').get(boardId);
    return row ? toRound(row) : null;
  }

  async allRounds(boardId: string): Promise<StoredRound[]> {
    return this.db.prepare<[string], RoundRow>('SELECT * FROM vote_rounds WHERE board = ? ORDER BY rowid').all(boardId).map(toRound);
  }

  async round(boardId: string, roundId: string): Promise<StoredRound | null> {
    return this.roundSync(boardId, roundId);
  }

  private roundSync(boardId: string, roundId: string): StoredRound | null {
    const row = this.db.prepare<[string, string], RoundRow>('SELECT * FROM vote_rounds WHERE board = ? AND id = ?').get(boardId, roundId);
    return row ? toRound(row) : null;
  }

  async openRound(r: StoredRound): Promise<{ opened: StoredRound } | { busy: StoredRound }> {
    return this.db.transaction(() => {
      const current = this.currentSync(r.boardId);
      if (current?.status === 'open') return { busy: current };
      this.db
        .prepare(
          `INSERT INTO vote_rounds (board, id, status, dots, equal_weight, anonymous_names, opened_at, closed_at, revealed_at, rev)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.boardId, r.id, r.status, r.dots, r.equalWeight ? 1 : 0, r.anonymousNames ? 1 : 0, r.openedAt, r.closedAt, r.revealedAt, r.rev);
      return { opened: r };
    })();
  }

  async updateRound(boardId: string, roundId: string, change: (r: StoredRound) => RoundChange | null): Promise<StoredRound | null> {
    return this.db.transaction(() => {
      const r = this.roundSync(boardId, roundId);
      if (!r) return null;
      const c = change(r);
      if (!c) return r;
      const next: StoredRound = { ...r, ...c, rev: r.rev + 1 };
      this.db
        .prepare('UPDATE vote_rounds SET status = ?, closed_at = ?, revealed_at = ?, rev = ? WHERE board = ? AND id = ?')
        .run(next.status, next.closedAt, next.revealedAt, next.rev, boardId, roundId);
      return next;
    })();
  }

  async castBallot(boardId: string, roundId: string, make: (r: StoredRound) => StoredBallot): Promise<StoredRound | null> {
    return this.db.transaction(() => {
      const r = this.roundSync(boardId, roundId);
      if (!r) return null;
      const b = make(r);
      this.db
        .prepare(
          `INSERT INTO ballots (board, round, voter, role, votes, updated_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (board, round, voter) DO UPDATE SET role = excluded.role, votes = excluded.votes, updated_at = excluded.updated_at`,
        )
        .run(boardId, roundId, b.voter, b.role, JSON.stringify(b.votes), b.updatedAt);
      this.db.prepare('UPDATE vote_rounds SET rev = rev + 1 WHERE board = ? AND id = ?').run(boardId, roundId);
      return { ...r, rev: r.rev + 1 };
    })();
  }

  async ballot(boardId: string, roundId: string, voter: string): Promise<StoredBallot | null> {
    const row = this.db.prepare<[string, string, string], BallotRow>('SELECT voter, role, votes, updated_at FROM ballots WHERE board = ? AND round = ? AND voter = ?').get(boardId, roundId, voter);
    return row ? toBallot(row) : null;
  }

  async ballots(boardId: string, roundId: string): Promise<StoredBallot[]> {
    return this.db.prepare<[string, string], BallotRow>('SELECT voter, role, votes, updated_at FROM ballots WHERE board = ? AND round = ?').all(boardId, roundId).map(toBallot);
  }

  async deleteBoard(boardId: string): Promise<void> {
    // Nothing to erase when this server never stored a vote.
    if (!this.handle && !fs.existsSync(path.join(this.dataDir, FILE))) return;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM ballots WHERE board = ?').run(boardId);
      this.db.prepare('DELETE FROM vote_rounds WHERE board = ?').run(boardId);
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handle?.close();
    this.handle = null;
  }
}
