import { mulberry32 } from '../../shared/prng';

/** mulberry32 (shared with the seed tool): a tiny seeded PRNG, so a failing random run can be replayed from its seed. */
export { mulberry32 };

export class Rng {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Random word of lowercase letters (and some Danish ones). */
  word(maxLen = 6): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzæøå ';
    let s = '';
    const n = this.range(1, maxLen);
    for (let i = 0; i < n; i++) s += letters[this.int(letters.length)];
    return s;
  }
}
