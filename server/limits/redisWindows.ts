import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadRedis } from '../scale/drivers';
import type { Logger } from '../log';
import { LocalWindows, type SlidingWindows, type WindowCount } from './slidingWindow';

/**
 * Count, maybe record, in one step on the Redis server: a sorted set per key
 * (score = time), expired members removed first. Check and record being one
 * script is what keeps two instances from both taking the last slot.
 * KEYS[1] key; ARGV now, windowMs, max, mode (0 never, 1 below, 2 always), member.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
local mode = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local n = redis.call('ZCARD', KEYS[1])
local recorded = 0
if mode == 2 or (mode == 1 and n < max) then
  recorded = 1
  redis.call('ZADD', KEYS[1], now, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], window)
  n = n + 1
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local oldest = 0
if first[2] then oldest = tonumber(first[2]) end
return {n, oldest, recorded}
`;

const MODE = { never: 0, below: 1, always: 2 } as const;

/**
 * Sliding windows in Redis, shared by every instance (scale-out). While Redis
 * is unreachable the instance counts on its own (LocalWindows), so a Redis
 * outage never turns the limits off — it only makes them per instance again.
 */
export class RedisWindows implements SlidingWindows {
  private readonly redis: Redis;
  private readonly local: LocalWindows;
  private seq = 0;
  private readonly instance = randomBytes(6).toString('hex');

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = 'samskab:limit:',
    private readonly now: () => number = Date.now,
  ) {
    // No offline queue: a command while Redis is down fails at once and the local count answers.
    this.redis = new (loadRedis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    this.local = new LocalWindows(now);
  }

  async take(key: string, windowMs: number, max: number, record: 'always' | 'below' | 'never'): Promise<WindowCount> {
    if (this.redis.status === 'ready') {
      try {
        const member = `${this.instance}:${++this.seq}`;
        const [count, oldest, recorded] = (await this.redis.eval(TAKE, 1, this.prefix + key, this.now(), windowMs, max, MODE[record], member)) as [number, number, number];
        // The local log keeps what this instance recorded: it is what answers during an outage.
        if (recorded === 1) this.local.takeNow(key, windowMs, max, 'always');
        return { count: Number(count), oldest: Number(oldest), recorded: recorded === 1 };
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'shared limit unavailable; counting on this instance');
      }
    }
    return this.local.takeNow(key, windowMs, max, record);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
