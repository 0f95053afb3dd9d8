import { describe, expect, it } from 'vitest';
import { LocalConnectionCounts } from '../../server/limits/connectionCounts';
import { KeyedCounter } from '../../server/limits/counter';

describe('LocalConnectionCounts', () => {
  it('admits up to max per key; a removal frees one slot; 0 means no limit', async () => {
    const c = new LocalConnectionCounts();
    expect(await c.tryAdd('board:a', 2)).toBe(true);
    expect(await c.tryAdd('board:a', 2)).toBe(true);
    expect(await c.tryAdd('board:a', 2)).toBe(false);
    expect(await c.tryAdd('ip:1', 2)).toBe(true);
    c.remove('board:a');
    expect(await c.tryAdd('board:a', 2)).toBe(true);
    expect(await c.tryAdd('board:a', 2)).toBe(false);
    for (let i = 0; i < 100; i++) expect(await c.tryAdd('ip:2', 0)).toBe(true);
  });
});

describe('KeyedCounter.entries', () => {
  it('lists the keys above zero with their counts (what is written back to Redis after an outage)', () => {
    const c = new KeyedCounter();
    c.tryAdd('a', 0);
    c.tryAdd('a', 0);
    c.tryAdd('b', 0);
    c.remove('b');
    expect([...c.entries()]).toEqual([['a', 2]]);
  });
});
