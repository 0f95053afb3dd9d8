import { describe, expect, it } from 'vitest';
import { diffMaps, PersistentMap } from '../../client/src/board/persistentMap';
import { ItemIndex } from '../../client/src/board/spatial';

type Box = { id: string; x: number; y: number; w: number; h: number };
const box = (id: string, x: number, y: number): Box => ({ id, x, y, w: 100, h: 50 });
const board = (n: number) => PersistentMap.from(Array.from({ length: n }, (_, i) => [`c${i}`, box(`c${i}`, (i % 100) * 200, Math.floor(i / 100) * 100)] as const));

describe('PersistentMap (issue 19: one changed card costs O(1))', () => {
  it('reads like a Map, and a new version leaves the old one as it was', () => {
    const a = PersistentMap.from([['x', 1], ['y', 2]]);
    const b = a.withChanges([['x', 10], ['y', undefined], ['z', 3]]);
    expect([...a].sort()).toEqual([['x', 1], ['y', 2]]);
    expect(a.size).toBe(2);
    expect(new Map(b)).toEqual(new Map([['x', 10], ['z', 3]]));
    expect(b.size).toBe(2);
    expect(b.has('y')).toBe(false);
    expect([...b.keys()].sort()).toEqual(['x', 'z']);
    expect([...b.values()].sort()).toEqual([10, 3].sort());
    const seen: string[] = [];
    b.forEach((_v, k) => seen.push(k));
    expect(seen.sort()).toEqual(['x', 'z']);
  });

  it('a one-card change shares every other bucket with the previous version', () => {
    const a = board(5000);
    const b = a.withChanges([['c42', box('c42', 1, 1)]]);
    const ba = PersistentMap.bucketsOf(a);
    const bb = PersistentMap.bucketsOf(b);
    const copied = ba.filter((bucket, i) => bucket !== bb[i]).length;
    expect(copied).toBe(1);
  });

  it('diffMaps reports exactly what changed, between versions and between plain maps', () => {
    const a = board(3000);
    const moved = box('c7', 5, 5);
    const b = a.withChanges([['c7', moved], ['c8', undefined], ['new', box('new', 0, 0)]]);
    const got: Array<[string, Box | undefined]> = [];
    diffMaps(a, b, (id, v) => got.push([id, v]));
    expect(got.sort((p, q) => (p[0] < q[0] ? -1 : 1))).toEqual([['c7', moved], ['c8', undefined], ['new', box('new', 0, 0)]]);
    const plain: string[] = [];
    diffMaps(new Map(a), new Map(b), (id) => plain.push(id));
    expect(plain.sort()).toEqual(['c7', 'c8', 'new']);
  });
});

describe('ItemIndex follows the item map incrementally', () => {
  it('a changed card moves in the index, a deleted one leaves it, and nothing else is touched', () => {
    const index = new ItemIndex();
    const a = board(5000);
    index.sync(a);
    expect(index.grid.size).toBe(5000);
    expect(index.grid.query({ x: 0, y: 0, w: 50, h: 40 })).toEqual(['c0']);

    const touched: string[] = [];
    const b = a.withChanges([['c0', box('c0', 90_000, 90_000)], ['c1', undefined]]);
    index.sync(b, (id) => touched.push(id));
    expect(touched.sort()).toEqual(['c0', 'c1']);
    expect(index.grid.query({ x: 0, y: 0, w: 50, h: 40 })).toEqual([]);
    expect(index.grid.query({ x: 89_990, y: 89_990, w: 20, h: 20 })).toEqual(['c0']);
    expect(index.grid.get('c1')).toBeUndefined();
    expect(index.grid.query({ x: 200, y: 0, w: 50, h: 40 })).toEqual([]);
    expect(index.grid.size).toBe(4999);
  });
});
