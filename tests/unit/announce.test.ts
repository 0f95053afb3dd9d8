import { describe, expect, it } from 'vitest';
import { AnnounceQueue, phrase, type Change } from '../../client/src/board/announce';

/** The live region tells others' changes at a calm rate (issue 17): at most one message per 5 s, summarised. */
const opts = { minGap: 5000, settle: 1500 };
const added = (id: string, who = 'Bo (Politiker)'): Change => ({ kind: 'added', itemId: id, itemKind: 'idea', who });
const edited = (id: string): Change => ({ kind: 'edited', itemId: id, who: 'Bo (Politiker)' });

describe('the announcement queue', () => {
  it('waits for the text to settle, then tells one change', () => {
    const q = new AnnounceQueue(opts);
    expect(q.dueAt()).toBeNull();
    q.push(added('a'), 1000);
    q.push(edited('a'), 1200); // typing into the new card: still one "added"
    expect(q.take(2000)).toBeNull();
    expect(q.dueAt()).toBe(2500);
    expect(q.take(2500)).toEqual([added('a')]);
    expect(q.dueAt()).toBeNull();
  });

  it('never tells more than once per 5 s, however many changes arrive', () => {
    const q = new AnnounceQueue(opts);
    const told: number[] = [];
    // A change every 100 ms for 30 s; the clock is polled as often.
    for (let now = 0; now <= 30_000; now += 100) {
      q.push(edited(`c${now % 700}`), now);
      if (q.take(now)) told.push(now);
    }
    for (let i = 1; i < told.length; i++) expect((told[i] as number) - (told[i - 1] as number)).toBeGreaterThanOrEqual(5000);
    expect(told.length).toBeGreaterThanOrEqual(5);
    expect(told.length).toBeLessThanOrEqual(7);
  });

  it('summarises several cards as a count, one card per card however often it changed', () => {
    const q = new AnnounceQueue(opts);
    q.push(edited('a'), 0);
    q.push(edited('a'), 10);
    q.push(edited('b'), 20);
    q.push(added('c'), 30);
    const batch = q.take(10_000) ?? [];
    expect(batch).toHaveLength(3);
    expect(phrase(batch, () => 'x')).toEqual({ key: 'a11yChanges', n: 3 });
  });

  it('a card added and deleted again before it was told is not told at all', () => {
    const q = new AnnounceQueue(opts);
    q.push(added('a'), 0);
    q.push({ kind: 'removed', itemId: 'a', who: null }, 100);
    expect(q.dueAt()).toBeNull();
    expect(q.take(10_000)).toBeNull();
  });

  it('phrases one change by its kind, with or without text', () => {
    expect(phrase([added('a')], () => 'Gratis bus')).toEqual({ key: 'a11yAdded', who: 'Bo (Politiker)', itemKind: 'idea', itemId: 'a' });
    expect(phrase([added('a')], () => '  ')).toMatchObject({ key: 'a11yAddedEmpty' });
    expect(phrase([edited('a')], () => 'x')).toMatchObject({ key: 'a11yEdited' });
    expect(phrase([{ kind: 'removed', itemId: 'a', who: null }], () => '')).toEqual({ key: 'a11yRemoved', who: null });
    expect(phrase([], () => '')).toBeNull();
  });
});
