/**
 * "At most `max` events per key per window" (e.g. boards created per address
 * per hour), as a sliding log of timestamps per key. Memory is bounded: at
 * most `max` stamps per key, and keys with no recent event are pruned.
 */
export class WindowLimiter {
  private readonly stamps = new Map<string, number[]>();
  private lastPrune = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records an event if allowed; otherwise returns the seconds until one is allowed again. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.max <= 0) return { ok: true };
    const t = this.now();
    this.prune(t);
    const recent = (this.stamps.get(key) ?? []).filter((s) => t - s < this.windowMs);
    if (recent.length >= this.max) {
      this.stamps.set(key, recent);
      const oldest = recent[0] as number;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - t) / 1000)) };
    }
    recent.push(t);
    this.stamps.set(key, recent);
    return { ok: true };
  }

  private prune(t: number): void {
    if (t - this.lastPrune < this.windowMs) return;
    this.lastPrune = t;
    for (const [key, list] of this.stamps) {
      if (list.every((s) => t - s >= this.windowMs)) this.stamps.delete(key);
    }
  }
}
