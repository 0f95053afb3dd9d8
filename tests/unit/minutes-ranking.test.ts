import { describe, expect, it } from 'vitest';
import { BallotBox, tally, type IdeaResult, type RoundResults } from '../../shared/cocreation/votes';
import type { RoleId } from '../../shared/roles';
import { rankIdeas } from '../../shared/export/minutes/ranking';

const voter = (n: number) => `ranking-voter-${String(n).padStart(6, '0')}`;
const IDEAS = new Map([
  ['idea-a', 'A'],
  ['idea-b', 'B'],
  ['idea-c', 'C'],
  ['idea-d', 'D'],
]);
const BOARD = ['idea-a', 'idea-b', 'idea-c', 'idea-d'];

function results(ballots: Array<[RoleId, Record<string, number>]>, equalWeight: boolean): RoundResults {
  const box = new BallotBox(5);
  ballots.forEach(([role, votes], n) => box.cast(voter(n), role, votes));
  return tally(box.all(), IDEAS, equalWeight);
}

/**
 * Four citizens give A all their dots; two politicians and two businesses
 * share theirs between B and C. By dots A wins (12); with equal weight per
 * role the citizens' 12 dots weigh as much as each other role's 6, and B,
 * supported by two roles, wins.
 */
const MANY_CITIZENS: Array<[RoleId, Record<string, number>]> = [
  ...[1, 2, 3, 4].map((): [RoleId, Record<string, number>] => ['citizen', { 'idea-a': 3 }]),
  ['politician', { 'idea-b': 3 }],
  ['politician', { 'idea-b': 3 }],
  ['business', { 'idea-b': 1, 'idea-c': 2 }],
  ['business', { 'idea-b': 1, 'idea-c': 2 }],
];

describe('minutes: ranking ideas by the group’s votes', () => {
  it('ranks by dots in a plain round, with the dots of each role group', () => {
    const r = rankIdeas({ equalWeight: false, results: results(MANY_CITIZENS, false) }, BOARD);
    expect(r.ranked.map((i) => [i.rank, i.ideaId, i.dots])).toEqual([
      [1, 'idea-a', 12],
      [2, 'idea-b', 8],
      [3, 'idea-c', 4],
    ]);
    expect(r.ranked[0]?.byRole).toEqual({ citizen: 12 });
    expect(r.ranked[1]?.byRole).toEqual({ politician: 6, business: 2 });
    expect(r.ranked[1]).toMatchObject({ roles: 2, broad: true });
    // D got no dot: after the ranked ideas, in board order.
    expect(r.unvoted).toEqual(['idea-d']);
  });

  it('with equal weight per role, one role with many voters does not decide alone', () => {
    const r = rankIdeas({ equalWeight: true, results: results(MANY_CITIZENS, true) }, BOARD);
    expect(r.ranked.map((i) => i.ideaId)).toEqual(['idea-b', 'idea-a', 'idea-c']);
    expect(r.ranked.map((i) => i.weighted)).toEqual([10.67, 8, 5.33]);
  });

  it('breaks ties the same way whatever order the results come in: groups, then board order, then id', () => {
    // A and C: 2 dots each from the citizens → tied on everything; B has as many dots but a better score (a smaller group).
    const tied = results(
      [
        ['citizen', { 'idea-c': 1, 'idea-a': 1 }],
        ['citizen', { 'idea-a': 1, 'idea-c': 1 }],
        ['politician', { 'idea-b': 1 }],
        ['politician', { 'idea-b': 1 }],
      ],
      false,
    );
    const orders = [tied.ideas, [...tied.ideas].reverse(), [tied.ideas[1], tied.ideas[2], tied.ideas[0]] as IdeaResult[]];
    const rankings = orders.map((ideas) => rankIdeas({ equalWeight: false, results: { ...tied, ideas } }, BOARD).ranked.map((i) => i.ideaId));
    for (const r of rankings) expect(r).toEqual(['idea-b', 'idea-a', 'idea-c']);
    // Another board order changes the tie, and only the tie.
    expect(rankIdeas({ equalWeight: false, results: tied }, ['idea-c', 'idea-b', 'idea-a']).ranked.map((i) => i.ideaId)).toEqual(['idea-b', 'idea-c', 'idea-a']);
    // Tied ideas no longer on the board go after those on it, by id.
    const gone = rankIdeas({ equalWeight: false, results: tied }, ['idea-b']).ranked;
    expect(gone.map((i) => [i.ideaId, i.deleted])).toEqual([
      ['idea-b', false],
      ['idea-a', true],
      ['idea-c', true],
    ]);
  });

  it('more supporting groups win a tie on dots and score', () => {
    const idea = (ideaId: string, roles: number): IdeaResult => ({ ideaId, text: ideaId, dots: 4, byRole: {}, weighted: 4, roles, broad: roles >= 2 });
    const res: RoundResults = { voters: 4, votersByRole: {}, dots: 8, dotsByRole: {}, merged: [], withheld: false, ideas: [idea('idea-a', 1), idea('idea-c', 2)] };
    // A is first on the board, but C has support from two groups.
    expect(rankIdeas({ equalWeight: false, results: res }, BOARD).ranked.map((i) => i.ideaId)).toEqual(['idea-c', 'idea-a']);
    expect(rankIdeas({ equalWeight: true, results: res }, BOARD).ranked.map((i) => i.ideaId)).toEqual(['idea-c', 'idea-a']);
  });

  it('a round without results ranks nothing: every idea is listed in board order', () => {
    expect(rankIdeas({ equalWeight: false, results: null }, BOARD)).toEqual({ ranked: [], unvoted: BOARD });
  });
});
