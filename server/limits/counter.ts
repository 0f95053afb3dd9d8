/** Live counts per key (connections per board, per address); keys at 0 are forgotten. */
export class KeyedCounter {
  private readonly counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Adds one unless that would exceed `max` (0 = no limit); says whether it did. */
  tryAdd(key: string, max: number): boolean {
    const n = this.get(key);
    if (max > 0 && n >= max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  /** Every key above 0 with its count (what scale-out writes back to Redis after an outage). */
  entries(): IterableIterator<[string, number]> {
    return this.counts.entries();
  }

  remove(key: string): void {
    const n = this.get(key) - 1;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}
