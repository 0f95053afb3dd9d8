import { describe, expect, it } from 'vitest';
import { SpatialGrid } from '../../client/src/board/spatial';
import { mulberry32 } from '../../shared/prng';

const brute = (rects: Map<string, { x: number; y: number; w: number; h: number }>, q: { x: number; y: number; w: number; h: number }) =>
  [...rects].filter(([, b]) => q.x < b.x + b.w && b.x < q.x + q.w && q.y < b.y + b.h && b.y < q.y + q.h).map(([id]) => id).sort();

describe('SpatialGrid', () => {
  it('finds items by rectangle, across cell borders and negative coordinates', () => {
    const g = new SpatialGrid(100);
    g.set('a', { x: 0, y: 0, w: 50, h: 50 });
    g.set('b', { x: 90, y: 90, w: 30, h: 30 });
    g.set('c', { x: -250, y: -10, w: 20, h: 20 });
    expect(g.query({ x: 95, y: 95, w: 10, h: 10 })).toEqual(['b']);
    expect(g.query({ x: -300, y: -50, w: 100, h: 100 })).toEqual(['c']);
    expect(g.query({ x: -1000, y: -1000, w: 2000, h: 2000 }).sort()).toEqual(['a', 'b', 'c']);
    // Touching edges are not an intersection.
    expect(g.query({ x: 50, y: 0, w: 10, h: 10 })).toEqual([]);
  });

  it('moves and removes items', () => {
    const g = new SpatialGrid(100);
    g.set('a', { x: 0, y: 0, w: 50, h: 50 });
    g.set('a', { x: 1000, y: 1000, w: 50, h: 50 });
    expect(g.query({ x: 0, y: 0, w: 60, h: 60 })).toEqual([]);
    expect(g.query({ x: 990, y: 990, w: 20, h: 20 })).toEqual(['a']);
    g.remove('a');
    expect(g.query({ x: 990, y: 990, w: 20, h: 20 })).toEqual([]);
    expect(g.size).toBe(0);
  });

  it('agrees with a linear scan on 5,000 random rectangles and queries', () => {
    const rnd = mulberry32(7);
    const g = new SpatialGrid(256);
    const rects = new Map<string, { x: number; y: number; w: number; h: number }>();
    for (let i = 0; i < 5000; i++) {
      const r = { x: rnd() * 20000 - 10000, y: rnd() * 20000 - 10000, w: 40 + rnd() * 400, h: 40 + rnd() * 300 };
      rects.set(`i${i}`, r);
      g.set(`i${i}`, r);
    }
    // Move a tenth of them.
    for (let i = 0; i < 500; i++) {
      const id = `i${Math.floor(rnd() * 5000)}`;
      const r = { x: rnd() * 20000 - 10000, y: rnd() * 20000 - 10000, w: 220, h: 160 };
      rects.set(id, r);
      g.set(id, r);
    }
    for (let i = 0; i < 200; i++) {
      const q = { x: rnd() * 24000 - 12000, y: rnd() * 24000 - 12000, w: rnd() * 3000, h: rnd() * 3000 };
      expect(g.query(q).sort()).toEqual(brute(rects, q));
    }
    const all = { x: -20000, y: -20000, w: 40000, h: 40000 };
    expect(g.query(all).length).toBe(5000);
  });
});
