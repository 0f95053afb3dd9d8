import { retryAfterSeconds, type SlidingWindows } from '../limits/slidingWindow';

export interface PasscodeLimits {
  /** Wrong passcodes per device (browser) and board within the window. */
  perDevice: number;
  /** Wrong passcodes per address and board: a ceiling well above perDevice, so one person's typos on a town hall's network do not lock out the hall. */
  perAddress: number;
  windowMs: number;
}

/**
 * Counts wrong passcodes per (board, device) and per (board, address) in
 * sliding windows. Once either is full, every passcode attempt from that
 * device (or address) on that board is refused — a right one too — until the
 * window has room. A client that sends no device id is its address: it gets
 * the per-device allowance for the whole address. The windows are in Redis
 * in scale-out mode, so every instance counts the same attempts.
 */
export class PasscodeLimiter {
  constructor(
    private readonly windows: SlidingWindows,
    private readonly limits: PasscodeLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private keys(boardId: string, device: string | null, ip: string): [string, string] {
    return [`pass:dev:${boardId}:${device ?? `addr:${ip}`}`, `pass:addr:${boardId}:${ip}`];
  }

  /** Seconds to wait before the next attempt, or 0 if an attempt is allowed now. */
  async retryAfter(boardId: string, device: string | null, ip: string): Promise<number> {
    const [dev, addr] = this.keys(boardId, device, ip);
    const { windowMs, perDevice, perAddress } = this.limits;
    const [d, a] = await Promise.all([this.windows.take(dev, windowMs, perDevice, 'never'), this.windows.take(addr, windowMs, perAddress, 'never')]);
    const t = this.now();
    return Math.max(d.count >= perDevice ? retryAfterSeconds(d, windowMs, t) : 0, a.count >= perAddress ? retryAfterSeconds(a, windowMs, t) : 0);
  }

  async fail(boardId: string, device: string | null, ip: string): Promise<void> {
    const [dev, addr] = this.keys(boardId, device, ip);
    const { windowMs, perDevice, perAddress } = this.limits;
    await Promise.all([this.windows.take(dev, windowMs, perDevice, 'always'), this.windows.take(addr, windowMs, perAddress, 'always')]);
  }
}
