import { KeyedCounter } from './counter';

/**
 * Live connection counts (connections per board, per address). One instance
 * counts in this process; in scale-out mode every instance counts in Redis
 * (redisConnectionCounts.ts), so N instances give one allowance, not N.
 */
export interface ConnectionCounts {
  /** Adds one connection under `key` unless that would exceed `max` (0 = no limit); says whether it did. */
  tryAdd(key: string, max: number): Promise<boolean>;
  /** Removes one connection that tryAdd added (call exactly once per `true`). */
  remove(key: string): void;
  /** Gives back what this instance holds (shutdown). */
  close(): Promise<void>;
}

export class LocalConnectionCounts implements ConnectionCounts {
  private readonly counter = new KeyedCounter();

  tryAdd(key: string, max: number): Promise<boolean> {
    return Promise.resolve(this.counter.tryAdd(key, max));
  }

  remove(key: string): void {
    this.counter.remove(key);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
