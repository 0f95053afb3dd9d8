import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { cocreationMap, readRoundOf, ROUND_KEY } from '../../shared/cocreation/doc';
import { openSession } from '../../shared/cocreation/evaluation';
import { groupRoles, MERGED, MIN_ROLE_GROUP, regroup } from '../../shared/cocreation/smallRoles';
import { aggregateIdea, setRating, type ValueRating } from '../../shared/cocreation/value';
import { BallotBox, readRound, tally, type Ballot } from '../../shared/cocreation/votes';
import { boardToMarkdown } from '../../shared/export/markdown';
import { createItem, initBoard } from '../../shared/model/board';
import type { RoleId } from '../../shared/roles';

/**
 * Small roles (issue 13 item 5): no result row may be one person's choice.
 * Each test here goes red with MIN_ROLE_GROUP = 1 (nothing merged).
 */

const V = (n: number) => `voter-${String(n).padStart(12, '0')}`;
const P = (n: number) => `person-${String(n).padStart(12, '0')}`;
const ideas = new Map([
  ['i1', 'Ungeråd'],
  ['i2', 'Bedre busser'],
  ['i3', 'Lektiecafé'],
]);
const isIdea = (id: string) => ideas.has(id);

describe('the rule: groups of at least MIN_ROLE_GROUP people', () => {
  it('is 2 by default', () => {
    expect(MIN_ROLE_GROUP).toBe(2);
  });

  it('merges every role with one person into "other roles"; roles with two or more stay as they are', () => {
    const g = groupRoles({ citizen: 3, 'public-employee': 2, politician: 1, business: 1 });
    expect(g.groups).toEqual([
      { id: 'public-employee', roles: ['public-employee'], people: 2 },
      { id: 'citizen', roles: ['citizen'], people: 3 },
      { id: MERGED, roles: ['politician', 'business'], people: 2 },
    ]);
    expect(g).toMatchObject({ merged: ['politician', 'business'], withheld: false });
    expect(regroup({ citizen: 7, 'public-employee': 4, politician: 3, business: 1 }, g)).toEqual({ 'public-employee': 4, citizen: 7, merged: 4 });
  });

  it('leaves roles of two or more people unchanged when no role is small', () => {
    const g = groupRoles({ citizen: 2, politician: 5 });
    expect(g).toMatchObject({ merged: [], withheld: false });
    expect(g.groups.map((x) => [x.id, x.people])).toEqual([
      ['politician', 5],
      ['citizen', 2],
    ]);
    expect(regroup({ citizen: 3, politician: 9 }, g)).toEqual({ citizen: 3, politician: 9 });
  });

  it('never leaves a merged group of one: the smallest role joins it, or there is no breakdown at all', () => {
    // One politician among citizens and employees: the employees (the smaller role) join "other roles",
    // since the total minus the rows shown would otherwise give the politician's numbers back.
    const g = groupRoles({ citizen: 5, 'public-employee': 2, politician: 1 });
    expect(g.groups.map((x) => [x.id, x.roles, x.people])).toEqual([
      ['citizen', ['citizen'], 5],
      [MERGED, ['politician', 'public-employee'], 3],
    ]);
    // One politician and citizens only: a single group would be everyone, so it is withheld.
    expect(groupRoles({ citizen: 3, politician: 1 })).toMatchObject({ groups: [], merged: [], withheld: true });
    // A merged group of one and nothing else: withheld.
    expect(groupRoles({ politician: 1 })).toMatchObject({ groups: [], withheld: true });
    expect(regroup({ politician: 3 }, groupRoles({ politician: 1 }))).toEqual({});
  });

  it('grouping grouped counts again changes nothing', () => {
    const g = groupRoles({ citizen: 3, politician: 1, business: 1 });
    const counts = regroup({ citizen: 3, politician: 1, business: 1 }, g);
    expect(counts).toEqual({ citizen: 3, merged: 2 });
    const again = groupRoles(counts, g.merged);
    expect(again.groups).toEqual(g.groups);
    expect(regroup(counts, again)).toEqual(counts);
  });
});

describe('dot voting with one politician', () => {
  // Three citizens, one politician, one business; each spends 3 dots.
  const ballots = (politician: Record<string, number>, business: Record<string, number>): Ballot[] => {
    const box = new BallotBox(3);
    box.cast(V(1), 'citizen', { i1: 3 }, isIdea);
    box.cast(V(2), 'citizen', { i1: 2, i2: 1 }, isIdea);
    box.cast(V(3), 'citizen', { i3: 3 }, isIdea);
    box.cast(V(4), 'politician', politician, isIdea);
    box.cast(V(5), 'business', business, isIdea);
    return box.all();
  };

  it('has no politician row: the politician and the business are "other roles", also in the equal-weight numbers', () => {
    const r = tally(ballots({ i2: 3 }, { i1: 1, i3: 2 }), ideas, true);
    expect(r.votersByRole).toEqual({ citizen: 3, merged: 2 });
    expect(r.dotsByRole).toEqual({ citizen: 9, merged: 6 });
    expect(r.merged).toEqual(['politician', 'business']);
    for (const i of r.ideas) expect(Object.keys(i.byRole).filter((k) => k === 'politician' || k === 'business')).toEqual([]);
    expect(r.ideas.find((i) => i.ideaId === 'i2')).toMatchObject({ dots: 4, byRole: { citizen: 1, merged: 3 }, roles: 2, broad: true });
  });

  it('counts people, not dots: one politician with three dots is still one person', () => {
    const r = tally(ballots({ i1: 3 }, { i1: 3 }), ideas, false);
    expect(r.votersByRole).toEqual({ citizen: 3, merged: 2 });
    expect(r.ideas.find((i) => i.ideaId === 'i1')?.byRole).toEqual({ citizen: 5, merged: 6 });
  });

  it('shows the same results whichever of the two in "other roles" chose what (equal weight included)', () => {
    // The politician uses 3 dots, the business 2: weighting them as two roles would tell them apart.
    const a = tally(ballots({ i2: 3 }, { i3: 2 }), ideas, true);
    const b = tally(ballots({ i2: 1, i3: 2 }, { i2: 2 }), ideas, true);
    expect(b).toEqual(a);
  });

  it('gives no breakdown at all when the politician would be the only one left out', () => {
    const box = new BallotBox(3);
    box.cast(V(1), 'citizen', { i1: 3 }, isIdea);
    box.cast(V(2), 'citizen', { i1: 1, i3: 2 }, isIdea);
    box.cast(V(3), 'politician', { i2: 3 }, isIdea);
    const r = tally(box.all(), ideas, true);
    expect(r).toMatchObject({ voters: 3, dots: 9, votersByRole: {}, dotsByRole: {}, merged: [], withheld: true });
    // Only overall totals; with no groups, equal weight is plain dots (citizens' rows alone would give
    // the politician's dots back as total minus citizens).
    expect(r.ideas.map((i) => [i.ideaId, i.dots, i.weighted, i.byRole, i.broad])).toEqual([
      ['i1', 4, 4, {}, false],
      ['i2', 3, 3, {}, false],
      ['i3', 2, 2, {}, false],
    ]);
  });

  it('groups results written before the rule (a row per role) when reading them from the document', () => {
    const doc = new Y.Doc();
    cocreationMap(doc).set(ROUND_KEY, {
      id: 'r1', status: 'revealed', dots: 3, equalWeight: true, anonymousNames: false, openedAt: 1, closedAt: 2, revealedAt: 3, rev: 4,
      participation: { voters: 4, votersByRole: { citizen: 3, politician: 1 } },
      results: {
        voters: 4, votersByRole: { citizen: 3, politician: 1 }, dots: 12, dotsByRole: { citizen: 9, politician: 3 },
        ideas: [{ ideaId: 'i1', text: 'Ungeråd', dots: 12, byRole: { citizen: 9, politician: 3 }, weighted: 12, roles: 2, broad: true }],
      },
    });
    const results = readRoundOf(doc)?.results;
    expect(results).toMatchObject({ votersByRole: {}, withheld: true });
    expect(results?.ideas[0]).toMatchObject({ byRole: {}, roles: 0, broad: false });
    // Reading what was read changes nothing.
    expect(readRound(JSON.parse(JSON.stringify(readRoundOf(doc))))?.results).toEqual(results);
  });
});

describe('value ratings with one politician', () => {
  const r = (n: number, role: RoleId, personal: number, collective: number | null, societal: number): ValueRating => ({ ideaId: 'x', personKey: P(n), role, personal, collective, societal, at: 0 });

  it('has no politician row; "other roles" is one row, and the overall weighs the rows shown', () => {
    const v = aggregateIdea('x', [r(1, 'citizen', 4, 4, 4), r(2, 'citizen', 2, 4, 4), r(3, 'politician', 1, 1, 1), r(4, 'business', 5, 5, 5)]);
    expect(v.byRole.map((x) => [x.role, x.roles, x.raters])).toEqual([
      ['citizen', ['citizen'], 2],
      [MERGED, ['politician', 'business'], 2],
    ]);
    expect(v.byRole[1]?.levels.personal).toEqual({ mean: 3, n: 2 });
    // (citizens 3 + other roles 3) / 2, not (3 + 1 + 5) / 3 per role.
    expect(v.overall.personal).toBe(3);
    expect(v).toMatchObject({ raters: 4, merged: ['politician', 'business'], withheld: false });
  });

  it('counts people, not levels: one politician rating all three levels is one rater', () => {
    const v = aggregateIdea('x', [r(1, 'citizen', 4, 4, 4), r(2, 'citizen', 4, 4, 4), r(3, 'politician', 1, 1, 1)]);
    expect(v).toMatchObject({ byRole: [], withheld: true, raters: 3 });
    expect(v.overall).toEqual({ personal: 3, collective: 3, societal: 3 });
    expect(v.broad).toBe(false);
  });

  it('shows the same rows, overall and broad mark whichever of the two in "other roles" gave which rating', () => {
    const base = [r(1, 'citizen', 4, 4, 4), r(2, 'citizen', 5, 4, 4)];
    const a = aggregateIdea('x', [...base, r(3, 'politician', 2, 3, 3), r(4, 'business', 5, 5, 5)]);
    const b = aggregateIdea('x', [...base, r(3, 'politician', 5, 5, 5), r(4, 'business', 2, 3, 3)]);
    expect(b).toEqual(a);
  });
});

describe('the minutes with one politician', () => {
  it('never give the only politician a row of their own, in the value ratings or the vote results', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Ungepolitik');
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Ann', role: 'citizen' }, text: 'Ungeråd' });
    setRating(doc, idea, P(1), 'citizen', { personal: 5, collective: 4, societal: 4 });
    setRating(doc, idea, P(2), 'citizen', { personal: 4, collective: 4, societal: 4 });
    setRating(doc, idea, P(3), 'citizen', { personal: 3, collective: 4, societal: 4 });
    setRating(doc, idea, P(4), 'politician', { personal: 1, collective: 1, societal: 1 });
    setRating(doc, idea, P(5), 'business', { personal: 5, collective: 5, societal: 5 });
    // A revealed round: three citizens, the politician and two businesses; the vote results are in the evaluation section.
    const box = new BallotBox(3);
    for (let n = 1; n <= 3; n++) box.cast(V(n), 'citizen', { [idea]: 3 }, () => true);
    box.cast(V(4), 'politician', { [idea]: 3 }, () => true);
    for (let n = 5; n <= 6; n++) box.cast(V(n), 'business', { [idea]: 1 }, () => true);
    const results = tally(box.all(), new Map([[idea, 'Ungeråd']]), true);
    cocreationMap(doc).set(ROUND_KEY, { id: 'r1', status: 'revealed', dots: 3, equalWeight: true, anonymousNames: false, openedAt: 1, closedAt: 2, revealedAt: 3, rev: 5, participation: { voters: 6, votersByRole: {} }, results });
    openSession(doc, { label: 'Start', date: '2025-01-10', role: 'citizen' });

    const da = boardToMarkdown(doc, 'da');
    expect(da).not.toMatch(/Politiker \(\d/); // no "Politiker (1): …" value row
    expect(da).not.toMatch(/Politiker \d/); // no "Politiker 3" vote count
    expect(da).toContain('   - Borger (3): personlig 4 · kollektiv 4 · samfund 4');
    expect(da).toContain('   - Andre roller: Politiker, Virksomhed (2): personlig 3 · kollektiv 3 · samfund 3');
    expect(da).toContain('*Roller med færre end 2 deltagere er slået sammen med andre under »Andre roller«, så ingen enkeltpersons valg kan ses.*');
    // Votes: the politician joins the businesses as other roles (3 people), with the rule and its roles named.
    expect(da).toContain('— 14 prikker ★ (Borger 9, Andre roller 5)');
    expect(da).toContain('*Roller med færre end 2 deltagere er slået sammen med andre under »Andre roller« (Politiker, Virksomhed), så ingen enkeltpersons valg kan ses.*');
    const en = boardToMarkdown(doc, 'en');
    expect(en).not.toMatch(/Politician \(?\d/);
    expect(en).toContain('   - Other roles: Politician, Business (2): personal 3 · collective 3 · societal 3');
  });
});
