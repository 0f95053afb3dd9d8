import { describe, expect, it } from 'vitest';
import { mountShare } from '../../client/src/board/canvas/useMountBudget';
import type { ItemView } from '../../client/src/board/useBoardData';

const card = (id: string) => ({ id, kind: 'idea', x: 0, y: 0, w: 100, h: 50, role: 'citizen', z: 0 }) as unknown as ItemView;
const damaged = (id: string) => ({ id, damaged: true, x: 0, y: 0, problems: [] }) as unknown as ItemView;
const ids = (xs: readonly ItemView[]) => xs.map((x) => x.id);

describe('mountShare (issue 19: no frame mounts hundreds of cards)', () => {
  const wanted = Array.from({ length: 100 }, (_, i) => card(`c${i}`));

  it('mounts the cards already mounted, those always wanted and at most the budget more, in reading order; the rest wait as placeholders', () => {
    const committed = new Set(['c50', 'c51']);
    const { mounted, pending } = mountShare(wanted, committed, new Set(['c99']), 10);
    expect(ids(mounted)).toEqual([...Array.from({ length: 10 }, (_, i) => `c${i}`), 'c50', 'c51', 'c99']);
    expect(pending).toHaveLength(100 - 13);
    expect(ids(pending)).not.toContain('c50');
  });

  it('completes the view within ceil(new ÷ budget) rounds, each adding at most the budget', () => {
    let committed = new Set<string>();
    let rounds = 0;
    for (;;) {
      const { mounted, pending } = mountShare(wanted, committed, new Set(), 40);
      expect(mounted.length - committed.size).toBeLessThanOrEqual(40);
      committed = new Set(ids(mounted));
      rounds++;
      if (pending.length === 0 || rounds > 10) break;
    }
    expect(rounds).toBe(3);
    expect(committed.size).toBe(100);
  });

  it('cards no longer wanted are dropped; a damaged card waits without a placeholder', () => {
    const { mounted, pending } = mountShare([damaged('d1'), card('c1'), card('c2')], new Set(['gone', 'c2']), new Set(), 1);
    expect(ids(mounted)).toEqual(['d1', 'c2']);
    expect(ids(pending)).toEqual(['c1']);
  });
});
