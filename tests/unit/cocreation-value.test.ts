import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  aggregateBoard,
  aggregateIdea,
  clearRating,
  myRating,
  parseRatingKey,
  ratingKey,
  readRating,
  readRatings,
  setRating,
  sortValue,
  valueMap,
  ValueError,
} from '../../shared/cocreation/value';
import { createItem, deleteItem } from '../../shared/model/board';
import { valueLines } from '../../shared/export/sections/value';
import { valueStore } from '../../client/src/cocreation/value/store';
import { author } from '../helpers/board';

const P = (n: number) => `person-${String(n).padStart(12, '0')}`;

function board() {
  const doc = new Y.Doc();
  const i1 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd' });
  const i2 = createItem(doc, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Bo'), text: 'Gratis bus' });
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 300, author: author('citizen', 'Ann'), text: 'Unge dropper ud' });
  return { doc, i1, i2, problem };
}

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('value triad: aggregation per role with equal weight', () => {
  it('gives per role the mean of each level and the raters, and an overall where each role weighs the same', () => {
    const { doc, i1 } = board();
    // Four politicians rate low societal value, one citizen rates high.
    for (let n = 1; n <= 4; n++) setRating(doc, i1, P(n), 'politician', { personal: 2, collective: 3, societal: 1 });
    setRating(doc, i1, P(5), 'citizen', { personal: 5, collective: 4, societal: 5 });
    setRating(doc, i1, P(6), 'citizen', { personal: 4, collective: null, societal: 4 });
    const v = aggregateBoard(doc).get(i1);
    expect(v?.raters).toBe(6);
    expect(v?.byRole.map((r) => r.role)).toEqual(['politician', 'citizen']);
    const citizen = v?.byRole.find((r) => r.role === 'citizen');
    expect(citizen?.raters).toBe(2);
    expect(citizen?.levels).toEqual({ personal: { mean: 4.5, n: 2 }, collective: { mean: 4, n: 1 }, societal: { mean: 4.5, n: 2 } });
    // Equal weight: (1 + 4.5) / 2, not (4·1 + 5 + 4) / 6.
    expect(v?.overall).toEqual({ personal: 3.25, collective: 3.5, societal: 2.75 });
    expect(v?.score).toBeCloseTo((3.25 + 3.5 + 2.75) / 3, 10);
    expect(v?.broad).toBe(false);
  });

  it('flags broad value only for value at all three levels, from several roles, and low for none', () => {
    // Two raters per role, so every role has its own row (one-person roles: cocreation-small-roles.test.ts).
    const { doc, i1, i2 } = board();
    for (const n of [1, 4]) setRating(doc, i1, P(n), 'citizen', { personal: 4, collective: 4, societal: 5 });
    for (const n of [2, 5]) setRating(doc, i1, P(n), 'business', { personal: 4, collective: 4, societal: 4 });
    // One role alone is never "broad", however high.
    for (const n of [1, 4]) setRating(doc, i2, P(n), 'citizen', { personal: 5, collective: 5, societal: 5 });
    let agg = aggregateBoard(doc);
    expect(agg.get(i1)?.broad).toBe(true);
    expect(agg.get(i2)?.broad).toBe(false);
    // A third role that sees little value in it takes the flag away.
    for (const n of [3, 6]) setRating(doc, i1, P(n), 'politician', { personal: 2, collective: 2, societal: 3 });
    agg = aggregateBoard(doc);
    expect(agg.get(i1)?.broad).toBe(false);
    // A missing level (nobody rated societal value) is not broad value either.
    expect(aggregateIdea('x', [
      { ideaId: 'x', personKey: P(1), role: 'citizen', personal: 5, collective: 5, societal: null, at: 0 },
      { ideaId: 'x', personKey: P(3), role: 'citizen', personal: 5, collective: 5, societal: null, at: 0 },
      { ideaId: 'x', personKey: P(2), role: 'business', personal: 5, collective: 5, societal: null, at: 0 },
      { ideaId: 'x', personKey: P(4), role: 'business', personal: 5, collective: 5, societal: null, at: 0 },
    ]).broad).toBe(false);
  });

  it('sorts by overall score or one level, unrated ideas last', () => {
    const { doc, i1, i2 } = board();
    setRating(doc, i1, P(1), 'citizen', { personal: 5, collective: 2, societal: 2 });
    setRating(doc, i2, P(1), 'citizen', { personal: 1, collective: 4, societal: 3 });
    const agg = aggregateBoard(doc);
    const ids = [i1, i2, 'nope'];
    expect([...ids].sort((a, b) => sortValue(agg.get(b), 'collective') - sortValue(agg.get(a), 'collective'))).toEqual([i2, i1, 'nope']);
    expect([...ids].sort((a, b) => sortValue(agg.get(b), 'score') - sortValue(agg.get(a), 'score'))).toEqual([i1, i2, 'nope']);
  });
});

describe('value triad: one rating per person', () => {
  it('a second level set later keeps the first; null un-rates one level; clearing removes the rating', () => {
    const { doc, i1 } = board();
    setRating(doc, i1, P(1), 'citizen', { personal: 4 }, undefined, 1000);
    setRating(doc, i1, P(1), 'citizen', { societal: 5 }, undefined, 2000);
    expect(myRating(doc, i1, P(1))).toEqual({ ideaId: i1, personKey: P(1), role: 'citizen', personal: 4, collective: null, societal: 5, at: 2000 });
    setRating(doc, i1, P(1), 'citizen', { personal: null });
    expect(myRating(doc, i1, P(1))?.personal).toBeNull();
    setRating(doc, i1, P(1), 'citizen', { societal: null });
    expect(valueMap(doc).size).toBe(0);
    setRating(doc, i1, P(1), 'citizen', { collective: 3 });
    clearRating(doc, i1, P(1));
    expect(myRating(doc, i1, P(1))).toBeNull();
    expect(aggregateBoard(doc).size).toBe(0);
  });

  it('two tabs (two synced docs) with the same person key hold one rating, also when they write concurrently', () => {
    const { doc: a, i1 } = board();
    const b = new Y.Doc();
    sync(a, b);
    setRating(a, i1, P(1), 'citizen', { personal: 2, collective: 2, societal: 2 });
    sync(a, b);
    setRating(b, i1, P(1), 'citizen', { personal: 5 });
    sync(a, b);
    expect(aggregateBoard(a).get(i1)?.raters).toBe(1);
    expect(myRating(a, i1, P(1))).toMatchObject({ personal: 5, collective: 2, societal: 2 });
    // Both tabs change the rating while offline from each other: one rating survives, the same in both.
    setRating(a, i1, P(1), 'citizen', { personal: 1, collective: 1, societal: 1 });
    setRating(b, i1, P(1), 'citizen', { personal: 4, collective: 4, societal: 4 });
    sync(a, b);
    expect(readRatings(a)).toHaveLength(1);
    expect(readRatings(b)).toEqual(readRatings(a));
    expect(aggregateBoard(b)).toEqual(aggregateBoard(a));
  });

  it('two people rating the same idea concurrently both count', () => {
    const { doc: a, i1 } = board();
    const b = new Y.Doc();
    sync(a, b);
    setRating(a, i1, P(1), 'citizen', { personal: 5, collective: 5, societal: 5 });
    setRating(b, i1, P(2), 'business', { personal: 3, collective: 3, societal: 3 });
    sync(a, b);
    expect(aggregateBoard(a).get(i1)?.raters).toBe(2);
    expect(aggregateBoard(b).get(i1)?.overall).toEqual({ personal: 4, collective: 4, societal: 4 });
  });
});

describe('value triad: bad input and untrusted data', () => {
  it('refuses bad scores, levels, roles, person keys and non-ideas, and changes nothing', () => {
    const { doc, i1, problem } = board();
    const bad: Array<() => void> = [
      () => setRating(doc, i1, P(1), 'citizen', { personal: 0 }),
      () => setRating(doc, i1, P(1), 'citizen', { personal: 6 }),
      () => setRating(doc, i1, P(1), 'citizen', { personal: 2.5 }),
      () => setRating(doc, i1, P(1), 'citizen', { personal: Number.NaN }),
      () => setRating(doc, i1, P(1), 'citizen', { societal: '4' as unknown as number }),
      () => setRating(doc, i1, P(1), 'citizen', { global: 3 } as never),
      () => setRating(doc, i1, P(1), 'king' as never, { personal: 3 }),
      () => setRating(doc, i1, 'short', 'citizen', { personal: 3 }),
      () => setRating(doc, i1, 'has|bar-in-the-key-x', 'citizen', { personal: 3 }),
      () => setRating(doc, problem, P(1), 'citizen', { personal: 3 }),
      () => setRating(doc, 'no-such-idea', P(1), 'citizen', { personal: 3 }),
      () => setRating(doc, 'bad|id', P(1), 'citizen', { personal: 3 }),
    ];
    for (const f of bad) expect(f).toThrow(ValueError);
    expect(() => setRating(doc, i1, P(1), 'citizen', { personal: 6 })).toThrow(/whole number from 1 to 5/);
    expect(() => setRating(doc, problem, P(1), 'citizen', { personal: 3 })).toThrow(/not an idea/);
    expect(valueMap(doc).size).toBe(0);
  });

  it('skips malformed entries, clamps out-of-range numbers, never throws', () => {
    const { doc, i1 } = board();
    const m = valueMap(doc);
    doc.transact(() => {
      m.set(ratingKey(i1, P(1)), { personal: 9, collective: -3, societal: 3.6, role: 'citizen', at: 5 }); // clamped: 5, 1, 4
      m.set(ratingKey(i1, P(2)), { personal: 4, role: 'nobody' }); // unknown role
      m.set(ratingKey(i1, P(3)), { personal: '4', role: 'citizen' }); // wrong type
      m.set(ratingKey(i1, P(4)), { role: 'citizen' }); // nothing rated
      m.set(ratingKey(i1, P(5)), [4, 4, 4]);
      m.set(ratingKey(i1, P(6)), null);
      m.set(ratingKey(i1, P(7)), { personal: Infinity, role: 'citizen' });
      m.set(`${i1}|short`, { personal: 4, role: 'citizen' });
      m.set('no-bar-at-all', { personal: 4, role: 'citizen' });
      m.set(`${i1}|${P(8)}`, { personal: 2, role: 'business', at: 'yesterday' }); // valid, at → 0
    });
    expect(readRatings(doc).map((r) => [r.personKey, r.role, r.personal, r.collective, r.societal, r.at])).toEqual([
      [P(1), 'citizen', 5, 1, 4, 5],
      [P(8), 'business', 2, null, null, 0],
    ]);
    expect(readRating('x|y', undefined)).toBeNull();
    expect(parseRatingKey(`${i1}|${P(1)}|extra`)).toBeNull();
    // The two valid ratings count (one person per role: no row per role, only the total; smallRoles.ts).
    expect(aggregateBoard(doc).get(i1)).toMatchObject({ raters: 2, withheld: true, byRole: [] });
  });

  it('ignores ratings of deleted ideas and of items that are not ideas', () => {
    const { doc, i1, i2, problem } = board();
    setRating(doc, i1, P(1), 'citizen', { personal: 4 });
    setRating(doc, i2, P(1), 'citizen', { personal: 2 });
    // A peer writes a rating for a problem directly (bypassing setRating).
    valueMap(doc).set(ratingKey(problem, P(1)), { personal: 5, role: 'citizen', at: 0 });
    deleteItem(doc, i2);
    expect([...aggregateBoard(doc).keys()]).toEqual([i1]);
  });
});

describe('value triad: minutes', () => {
  it('writes a value summary per idea in Danish and English, nothing for unrated ideas', () => {
    const { doc, i1, i2 } = board();
    setRating(doc, i1, P(1), 'citizen', { personal: 5, collective: 4, societal: 4 });
    setRating(doc, i1, P(2), 'citizen', { personal: 4, collective: 4, societal: 5 });
    setRating(doc, i1, P(3), 'business', { personal: 4, collective: null, societal: 4 });
    const da = valueLines(doc, 'da');
    expect(da(i2)).toEqual([]);
    // The one business rater gets no row (it would be their rating); with the citizens it would be
    // everyone, so there is no row per role at all, only all ratings together (smallRoles.ts).
    expect(da(i1)).toEqual(['   *Alle roller: personlig 4,3 · kollektiv 4 · samfund 4,3 — 3 vurderinger; ingen opdeling pr. rolle (færre end 2 deltagere i hver rolle).*']);
    expect(valueLines(doc, 'en')(i1)[0]).toBe('   *All roles: personal 4.3 · collective 4 · societal 4.3 — 3 ratings; no breakdown by role (fewer than 2 participants in each role).*');
    // A second business rater: each role has its own row again.
    setRating(doc, i1, P(4), 'business', { personal: 4, collective: null, societal: 4 });
    expect(valueLines(doc, 'da')(i1)).toEqual([
      '   *Værdi (lige vægt pr. rolle): personlig 4,3 · kollektiv 4 · samfund 4,3 — 4 vurderinger fra 2 roller. ★ Bred værdi*',
      '   - Borger (2): personlig 4,5 · kollektiv 4 · samfund 4,5',
      '   - Virksomhed (2): personlig 4 · kollektiv – · samfund 4',
    ]);
    expect(valueLines(doc, 'en')(i1)[0]).toBe('   *Value (equal weight per role): personal 4.3 · collective 4 · societal 4.3 — 4 ratings from 2 roles. ★ Broad value*');
  });
});

describe('value triad: the client store (one observer per board, per-idea updates)', () => {
  it('keeps per-idea aggregates equal to a full recount and notifies only the changed idea', () => {
    const { doc, i1, i2 } = board();
    setRating(doc, i1, P(1), 'citizen', { personal: 4 });
    const store = valueStore(doc);
    expect(valueStore(doc)).toBe(store);
    expect(store.get(i1)).toEqual(aggregateIdea(i1, readRatings(doc)));
    let calls1 = 0;
    let calls2 = 0;
    let callsAll = 0;
    const off1 = store.subscribe(i1, () => calls1++);
    store.subscribe(i2, () => calls2++);
    store.subscribeAll(() => callsAll++);
    const before1 = store.get(i1);
    setRating(doc, i2, P(1), 'citizen', { societal: 5 });
    setRating(doc, i2, P(2), 'business', { personal: 2, collective: 3 });
    expect([calls1, calls2, callsAll]).toEqual([0, 2, 2]);
    // Unchanged ideas keep the same snapshot object (their cards do not re-render).
    expect(store.get(i1)).toBe(before1);
    valueMap(doc).set(ratingKey(i2, P(3)), { personal: 'bad', role: 'citizen' });
    valueMap(doc).set('junk', 1);
    clearRating(doc, i2, P(1));
    off1();
    setRating(doc, i1, P(2), 'business', { personal: 1 });
    expect(calls1).toBe(0);
    for (const id of [i1, i2]) expect(store.get(id)).toEqual(aggregateIdea(id, readRatings(doc)));
    clearRating(doc, i2, P(2));
    expect(store.get(i2)).toBeUndefined();
    expect([...store.all().keys()]).toEqual([i1]);
  });
});
