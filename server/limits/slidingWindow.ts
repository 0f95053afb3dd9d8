/**
 * "How many events under this key in the last `windowMs`", as a sliding log
 * of timestamps. Two places keep the log: this process (one instance), or
 * Redis (scale-out), where every instance counts the same events — so three
 * instances do not give an abuser three allowances.
 */
export interface WindowCount {
  /** Events in the window (after the call's own event, if it recorded one). */
  count: number;
  /** Time of the oldest event in the window (ms since the epoch), or 0 when there is none. */
  oldest: number;
  /** Whether this call recorded an event. */
  recorded: boolean;
}

export interface SlidingWindows {
  /**
   * Counts the events of `key` in the window; records one more when `record`
   * is 'always', or 'below' and the count is below `max` (check and record are
   * one step, so two instances cannot both take the last slot).
   */
  take(key: string, windowMs: number, max: number, record: 'always' | 'below' | 'never'): Promise<WindowCount>;
}

const PRUNE_EVERY_MS = 60_000;

/** The log in this process; memory is bounded by pruning keys whose events have all expired (each by its own window). */
export class LocalWindows implements SlidingWindows {
  // Each key keeps its own window: keys of minute and hour limits share this map.
  private readonly stamps = new Map<string, { windowMs: number; list: number[] }>();
  private lastPrune = 0;

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, windowMs: number, max: number, record: 'always' | 'below' | 'never'): Promise<WindowCount> {
    return Promise.resolve(this.takeNow(key, windowMs, max, record));
  }

  takeNow(key: string, windowMs: number, max: number, record: 'always' | 'below' | 'never'): WindowCount {
    const t = this.now();
    this.prune(t);
    const list = (this.stamps.get(key)?.list ?? []).filter((s) => t - s < windowMs);
    const recorded = record === 'always' || (record === 'below' && list.length < max);
    if (recorded) list.push(t);
    // At most max + 1 stamps matter for any question asked of this key.
    const kept = list.slice(-Math.max(1, max + 1));
    if (kept.length === 0) this.stamps.delete(key);
    else this.stamps.set(key, { windowMs, list: kept });
    return { count: list.length, oldest: list[0] ?? 0, recorded };
  }

  private prune(t: number): void {
    if (t - this.lastPrune < PRUNE_EVERY_MS || this.stamps.size < 1000) return;
    this.lastPrune = t;
    for (const [key, { windowMs, list }] of this.stamps) if (list.every((s) => t - s >= windowMs)) this.stamps.delete(key);
  }
}

/** Seconds until the window has room again, given `max` allowed events (at least 1). */
export function retryAfterSeconds(c: WindowCount, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((c.oldest + windowMs - now) / 1000));
}
