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
  // 4 politicians all for i1, 1 citizen all for i2, 1 business for i2/i3.
  const box = new BallotBox(3);
  for (let n = 0; n < 4; n++) box.cast(V(n), 'politician', { i1: 3 }, isIdea);
  box.cast(V(10), 'citizen', { i2: 3 }, isIdea);
  box.cast(V(11), 'business', { i2: 2, i3: 1 }, isIdea);
  box.cast(V(12), 'business', {}, isIdea); // opened the ballot, spent nothing

  it('counts dots overall and per role', () => {
    const r = tally(box.all(), ideas, false);
    expect(r.dots).toBe(18);
    expect(r.voters).toBe(6);
    expect(r.votersByRole).toEqual({ politician: 4, citizen: 1, business: 1 });
    expect(r.dotsByRole).toEqual({ politician: 12, citizen: 3, business: 3 });
    const i1 = r.ideas.find((i) => i.ideaId === 'i1');
    expect(i1).toMatchObject({ dots: 12, byRole: { politician: 12 }, roles: 1, broad: false, text: 'Ungeråd' });
    expect(r.ideas.find((i) => i.ideaId === 'i2')).toMatchObject({ dots: 5, byRole: { citizen: 3, business: 2 }, roles: 2, broad: true });
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i1', 'i2', 'i3']);
    expect(participation(box.all())).toEqual({ voters: 6, votersByRole: { politician: 4, citizen: 1, business: 1 } });
  });

  it('equal weight per role: a role with many people carries no more weight than a role with one', () => {
    const r = tally(box.all(), ideas, true);
    // Each of the 3 roles carries 18 / 3 = 6 weighted dots.
    const w = Object.fromEntries(r.ideas.map((i) => [i.ideaId, i.weighted]));
    expect(w.i1).toBeCloseTo(6, 2); // all of the politicians' 6
    expect(w.i2).toBeCloseTo(6 + (6 * 2) / 3, 2); // all of the citizen's 6 + 2/3 of business's 6
    expect(w.i3).toBeCloseTo(2, 2);
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i2', 'i1', 'i3']);
    expect(r.ideas.reduce((a, i) => a + i.weighted, 0)).toBeCloseTo(18, 1);
    const i2 = r.ideas.find((i) => i.ideaId === 'i2');
    expect(i2?.broad).toBe(true);
    expect(r.ideas.find((i) => i.ideaId === 'i3')?.broad).toBe(false);
  });

  it('drops dots for ideas that no longer exist', () => {
    const r = tally(box.all(), new Map([['i2', 'Bedre busser']]), false);
    expect(r.ideas.map((i) => i.ideaId)).toEqual(['i2']);
    expect(r.dots).toBe(5);
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
