import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresBallotStore } from '../../server/votes/postgres-store';
import { SqliteBallotStore } from '../../server/votes/sqlite-store';
import type { BallotStore, StoredRound } from '../../server/votes/store';
import { DATABASE_URL } from '../helpers/postgres';
import { useScope, type Scope } from '../helpers/scope';

/** The same contract for both ballot stores: atomic, revisioned, erasable. */
describe.each([
  ['SQLite', (s: Scope): BallotStore => {
    const store = new SqliteBallotStore(s.tempDir());
    s.defer(() => store.close());
    return store;
  }],
  ['PostgreSQL', (s: Scope): BallotStore => {
    const prefix = `b_${randomBytes(5).toString('hex')}`;
    const store = new PostgresBallotStore(DATABASE_URL, prefix);
    s.defer(async () => {
      await store.close();
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP TABLE IF EXISTS ${prefix}_vote_rounds; DROP TABLE IF EXISTS ${prefix}_ballots`);
      await c.end();
    });
    return store;
  }],
])('ballot store: %s', (_name, make) => {
  const scope = useScope();
  const round = (boardId: string, id: string): StoredRound => ({ boardId, id, status: 'open', dots: 3, equalWeight: false, anonymousNames: false, openedAt: Date.now(), closedAt: null, revealedAt: null, rev: 1 });

  it('opens one round at a time, and every change bumps the revision', async () => {
    const store = make(scope);
    expect('opened' in (await store.openRound(round('b1', 'r1')))).toBe(true);
    const busy = await store.openRound(round('b1', 'r2'));
    expect('busy' in busy && busy.busy.id).toBe('r1');
    expect(await store.round('b1', 'r2')).toBeNull();

    const after = await store.castBallot('b1', 'r1', () => ({ voter: 'v1', role: 'citizen', votes: { i1: 2 }, updatedAt: 1 }));
    expect(after?.rev).toBe(2);
    await store.castBallot('b1', 'r1', () => ({ voter: 'v1', role: 'citizen', votes: { i2: 3 }, updatedAt: 2 }));
    expect(await store.ballots('b1', 'r1')).toEqual([{ voter: 'v1', role: 'citizen', votes: { i2: 3 }, updatedAt: 2 }]);
    expect((await store.round('b1', 'r1'))?.rev).toBe(3);

    // A refused ballot stores nothing and leaves the revision alone.
    await expect(store.castBallot('b1', 'r1', () => { throw new Error('too many dots'); })).rejects.toThrow('too many dots');
    expect((await store.round('b1', 'r1'))?.rev).toBe(3);
    expect(await store.ballot('b1', 'r1', 'v1')).toMatchObject({ votes: { i2: 3 } });

    // No change → same revision; a change → the next one; a missing round → null.
    expect((await store.updateRound('b1', 'r1', () => null))?.rev).toBe(3);
    const closed = await store.updateRound('b1', 'r1', () => ({ status: 'closed', closedAt: 10 }));
    expect(closed).toMatchObject({ status: 'closed', closedAt: 10, rev: 4 });
    expect(await store.updateRound('b1', 'nope', () => ({ status: 'closed' }))).toBeNull();
    expect('opened' in (await store.openRound(round('b1', 'r2')))).toBe(true);
    expect((await store.currentRound('b1'))?.id).toBe('r2');
    // Every round stays listed, oldest first; another board's are not among them.
    await store.openRound(round('b2', 'r9'));
    expect((await store.allRounds('b1')).map((r) => [r.id, r.status])).toEqual([['r1', 'closed'], ['r2', 'open']]);
  });

  it('ballots racing a close: each is either stored before the close or refused after it', async () => {
    const store = make(scope);
    await store.openRound(round('b2', 'r1'));
    const cast = (n: number) =>
      store
        .castBallot('b2', 'r1', (r) => {
          if (r.status !== 'open') throw new Error('closed');
          return { voter: `v${n}`, role: 'citizen', votes: { i1: 1 }, updatedAt: n };
        })
        .then(() => 'stored' as const, () => 'refused' as const);
    const outcomes = await Promise.all([...Array.from({ length: 12 }, (_, n) => cast(n)), store.updateRound('b2', 'r1', () => ({ status: 'closed', closedAt: 1 })).then(() => 'close' as const)]);
    const stored = outcomes.filter((o) => o === 'stored').length;
    expect(await store.ballots('b2', 'r1')).toHaveLength(stored);
    // Revision: 1 at opening + one per stored ballot + one for the close.
    expect((await store.round('b2', 'r1'))?.rev).toBe(1 + stored + 1);
    expect(await cast(99)).toBe('refused');
  });

  it('erasing a board removes only its rounds and ballots', async () => {
    const store = make(scope);
    await store.openRound(round('gone', 'r1'));
    await store.openRound(round('kept', 'r1'));
    await store.castBallot('gone', 'r1', () => ({ voter: 'v', role: 'citizen', votes: { a: 1 }, updatedAt: 1 }));
    await store.castBallot('kept', 'r1', () => ({ voter: 'v', role: 'citizen', votes: { a: 1 }, updatedAt: 1 }));
    await store.deleteBoard('gone');
    expect(await store.round('gone', 'r1')).toBeNull();
    expect(await store.ballots('gone', 'r1')).toEqual([]);
    expect(await store.ballots('kept', 'r1')).toHaveLength(1);
  });
});
