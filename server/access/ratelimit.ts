/**
 * Counts wrong passcodes per (IP, board) in a sliding window. Once `max`
 * failures fall within `windowMs`, every passcode attempt from that IP on that
 * board is refused (also a right one) until the oldest failure leaves the window.
 */
export class PasscodeLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  /** Seconds to wait before the next attempt, or 0 if an attempt is allowed now. */
  retryAfter(ip: string, boardId: string): number {
    const list = this.recent(`${ip}|${boardId}`);
    if (list.length < this.max) return 0;
    const oldest = list[list.length - this.max] as number;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  fail(ip: string, boardId: string): void {
    const key = `${ip}|${boardId}`;
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list.slice(-this.max));
    // Keep memory bounded: sweep expired keys once the map gets large.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.recent(k);
  }
}
