/**
 * A token bucket: `burst` tokens, refilled at `perSecond`. take() spends one
 * and says whether there was one. A rate of 0 means "no limit".
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = Math.max(burst, 1);
    this.last = now();
  }

  take(): boolean {
    if (this.perSecond <= 0) return true;
    const t = this.now();
    this.tokens = Math.min(Math.max(this.burst, 1), this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
