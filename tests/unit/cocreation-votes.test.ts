import { describe, expect, it } from 'vitest';
import { BallotBox, checkAllocation, participation, readRound, tally, VoteError } from '../../shared/cocreation/votes';

const V = (n: number) => `voter-${String(n).padStart(12, '0')}`;
const ideas = new Map([
  ['i1', 'Ungeråd'],
  ['i2', 'Bedre busser'],
  ['i3', 'Lektiecafé'],
]);
const isIdea = (id: string) => ideas.has(id);

describe('dot voting: one set of dots per voter id', () => {
  it('a second tab or a reconnect with the same voter id replaces the ballot instead of adding dots', () => {
    const box = new BallotBox(3);
    box.cast(V(1), 'citizen', { i1: 3 }, isIdea);
    // Second tab (same voter id from localStorage) tries to spend 3 more dots.
    box.cast(V(1), 'citizen', { i2: 3 }, isIdea);
    // Reconnect: the same id again.
    box.cast(V(1), 'citizen', { i2: 2, i3: 1 }, isIdea);
    expect(box.all()).toHaveLength(1);
    const r = tally(box.all(), ideas, false);
    expect(r.dots).toBe(3);
    expect(r.voters).toBe(1);
    expect(r.ideas.find((i) => i.ideaId === 'i1')).toBeUndefined();
  });

  it('refuses more dots than the round gives, unknown ideas, negative and fractional dots', () => {
    expect(() => checkAllocation({ i1: 2, i2: 2 }, 3, isIdea)).toThrow(VoteError);
    expect(() => checkAllocation({ nope: 1 }, 3, isIdea)).toThrow(/not an idea/);
    expect(() => checkAllocation({ i1: -1 }, 3, isIdea)).toThrow(VoteError);
    expect(() => checkAllocation({ i1: 1.5 }, 3, isIdea)).toThrow(VoteError);
    expect(() => checkAllocation([1], 3, isIdea)).toThrow(VoteError);
    expect(checkAllocation({ i1: 0, i2: 3 }, 3, isIdea)).toEqual({ i2: 3 });
    const box = new BallotBox(3);
    expect(() => box.cast('short', 'citizen', {}, isIdea)).toThrow(/voter id/);
  });
});

describe('tally: overall, per role, equal weight per role, broad support', () => {
  // 4 politicians all for i1, 2 citizens all for i2, 2 businesses for i2/i3. Every role has at least
  // MIN_ROLE_GROUP voters, so each keeps its own row (one-person roles: cocreation-small-roles.test.ts).
  const box = new BallotBox(3);
  for (let n = 0; n < 4; n++) box.cast(V(n), 'politician', { i1: 3 }, isIdea);
  for (let n = 10; n < 12; n++) box.cast(V(n), 'citizen', { i2: 3 }, isIdea);
  for (let n = 20; n < 22; n++) box.cast(V(n), 'business', { i2: 2, i3: 1 }, isIdea);
  box.cast(V(22), 'business', {}, isIdea); // opened the ballot, spent nothing

  it('counts dots overall and per role', () => {
    const r = tally(box.all(), ideas, false);
    expect(r.dots).toBe(24);
    expect(r.voters).toBe(8);
    expect(r.votersByRole).toEqual({ politician: 4, citizen: 2, business: 2 });
    expect(r.dotsByRole).toEqual({ politician: 12, citizen: 6, business: 6 });
    const i1 = r.ideas.find((i) => i.ideaId === 'i1');
    expect(i1).toMatchObject({ dots: 12, byRole: { politician: 12 }, roles: 1, broad: false, text: 'Ungeråd' });
    expect(r.ideas.find((i) => i.ideaId === 'i2')).toMatchObject({ dots: 10, byRole: { citizen: 6, business: 4 }, roles: 2, broad: true });
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i1', 'i2', 'i3']);
    expect(participation(box.all())).toEqual({ voters: 8, votersByRole: { politician: 4, citizen: 2, business: 2 } });
  });

  it('equal weight per role: a role with many people carries no more weight than a role with two', () => {
    const r = tally(box.all(), ideas, true);
    // Each of the 3 roles carries 24 / 3 = 8 weighted dots.
    const w = Object.fromEntries(r.ideas.map((i) => [i.ideaId, i.weighted]));
    expect(w.i1).toBeCloseTo(8, 2); // all of the politicians' 8
    expect(w.i2).toBeCloseTo(8 + (8 * 4) / 6, 2); // all of the citizens' 8 + 4/6 of the businesses' 8
    expect(w.i3).toBeCloseTo((8 * 2) / 6, 2);
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i2', 'i1', 'i3']);
    expect(r.ideas.reduce((a, i) => a + i.weighted, 0)).toBeCloseTo(24, 1);
    const i2 = r.ideas.find((i) => i.ideaId === 'i2');
    expect(i2?.broad).toBe(true);
    expect(r.ideas.find((i) => i.ideaId === 'i3')?.broad).toBe(false);
  });

  it('drops dots for ideas that no longer exist', () => {
    const r = tally(box.all(), new Map([['i2', 'Bedre busser']]), false);
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i2']);
    expect(r.dots).toBe(10);
  });

  it('reads round state from the document defensively', () => {
    const results = tally(box.all(), ideas, true);
    const state = { id: 'r1', status: 'revealed', dots: 3, equalWeight: true, anonymousNames: false, openedAt: 1, closedAt: 2, revealedAt: 3, rev: 9, participation: { voters: 6, votersByRole: {} }, results };
    expect(readRound(JSON.parse(JSON.stringify(state)))).toEqual(state);
    // Rounds written before revisions existed read as rev 0; a junk rev too.
    const { rev: _rev, ...old } = state;
    expect(readRound(old)?.rev).toBe(0);
    expect(readRound({ ...state, rev: 'x' })?.rev).toBe(0);
    expect(readRound({ ...state, status: 'weird' })).toBeNull();
    expect(readRound({ ...state, dots: 1e9 })).toBeNull();
    expect(readRound({ ...state, results: { voters: 'x' } })).toBeNull();
    expect(readRound({ ...state, results: { ...results, votersByRole: { king: 1 } } })).toBeNull();
    expect(readRound(null)).toBeNull();
  });
});
