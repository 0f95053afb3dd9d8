import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadRedis } from '../scale/drivers';
import type { Logger } from '../log';
import type { ConnectionCounts } from './connectionCounts';
import { KeyedCounter } from './counter';

/**
 * How long an instance's liveness key outlives its last heartbeat: the
 * connections of a SIGKILLed instance stop counting at most this long after
 * its death. Five heartbeats fit in it, so a busy event loop does not expire a
 * live instance.
 */
export const LIVENESS_TTL_MS = 10_000;
const HEARTBEAT_MS = 2_000;
/** A count hash that nobody writes expires (keys only dead instances held); live instances rewrite theirs every quarter of it. */
const KEY_TTL_MS = 60 * 60 * 1000;

/**
 * Check and add in one step on the Redis server, so two instances cannot both
 * take the last slot. A hash per key holds a count per instance; fields of
 * instances whose liveness key is gone are deleted, not counted.
 * KEYS[1] count hash; ARGV instance, max (0 = no limit), liveness key prefix, hash TTL (ms).
 */
const TRY_ADD = `
local fields = redis.call('HGETALL', KEYS[1])
local total = 0
for i = 1, #fields, 2 do
  local inst = fields[i]
  if inst == ARGV[1] or redis.call('EXISTS', ARGV[3] .. inst) == 1 then
    total = total + tonumber(fields[i + 1])
  else
    redis.call('HDEL', KEYS[1], inst)
  end
end
local max = tonumber(ARGV[2])
if max > 0 and total >= max then return 0 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** KEYS[1] count hash; ARGV instance. Returns what the instance still holds under the key. */
const REMOVE = `
local n = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if n <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return n
`;

/**
 * Connection counts shared by every instance through Redis (scale-out).
 * This instance's own connections are always counted here too: they answer
 * while Redis is unreachable (the limit then holds per instance, it is never
 * lifted), and they are written back as this instance's fields whenever its
 * Redis view may be wrong — after a reconnect, a failed call, an expired
 * liveness key — and every 15 minutes (which also keeps the hashes from expiring).
 *
 * Keys under `prefix`: `count:<key>` (hash: instance → connections) and
 * `alive:<instance>` (PX LIVENESS_TTL_MS, refreshed every HEARTBEAT_MS). The
 * script reads liveness keys it is not given in KEYS: one Redis server, not Redis Cluster.
 */
export class RedisConnectionCounts implements ConnectionCounts {
  private readonly redis: Redis;
  private readonly local = new KeyedCounter();
  /** Keys under which Redis may hold a field of this instance (a superset of the local keys). */
  private written = new Set<string>();
  private readonly instance = randomBytes(8).toString('hex');
  /** True until this instance's fields in Redis are known to match its local counts. */
  private stale = true;
  private syncing: Promise<void> | null = null;
  private lastSync = 0;
  /** An add counted only here since the last rewrite began: that rewrite may not hold it. */
  private addedLocally = false;
  private inflight = 0;
  private waitingForIdle: (() => void)[] = [];
  private closed = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = 'samskab:conn:',
  ) {
    // No offline queue: while Redis is down a call fails at once and the local count answers.
    // A command timeout so a Redis that stopped answering does not hold up admissions.
    this.redis = new (loadRedis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2_000 });
    this.redis.on('error', () => undefined);
    this.redis.on('ready', () => {
      this.stale = true;
      void this.resync();
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private get aliveKey(): string {
    return `${this.prefix}alive:${this.instance}`;
  }

  private countKey(key: string): string {
    return `${this.prefix}count:${key}`;
  }

  private get usable(): boolean {
    return !this.closed && this.redis.status === 'ready';
  }

  async tryAdd(key: string, max: number): Promise<boolean> {
    // A rewrite of a healthy view takes a snapshot of the local counts: no add through Redis may be under way meanwhile.
    while (this.syncing && !this.stale) await this.syncing;
    if (this.stale || !this.usable) {
      // Counted here only, at once (no waiting on a Redis that may not answer); the next rewrite (heartbeat, reconnect) writes it.
      this.addedLocally = true;
      return this.local.tryAdd(key, max);
    }
    this.inflight++;
    try {
      const added = (await this.redis.eval(TRY_ADD, 1, this.countKey(key), this.instance, max, `${this.prefix}alive:`, KEY_TTL_MS)) === 1;
      if (added) {
        this.local.tryAdd(key, 0);
        this.written.add(key);
      }
      return added;
    } catch (err) {
      // Whether the script ran is unknown: the rewrite after this failure sets the field right.
      this.written.add(key);
      this.failed(err);
      return this.local.tryAdd(key, max);
    } finally {
      if (--this.inflight === 0) for (const wake of this.waitingForIdle.splice(0)) wake();
    }
  }

  remove(key: string): void {
    this.local.remove(key);
    if (!this.usable) {
      this.stale = true;
      return;
    }
    // Sent at once, in order with any rewrite: one sent before the rewrite is overwritten by a snapshot that already left it out.
    this.redis.eval(REMOVE, 1, this.countKey(key), this.instance).then(
      (left) => {
        if (Number(left) <= 0 && this.local.get(key) === 0) this.written.delete(key);
      },
      (err: unknown) => this.failed(err),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    await this.syncing;
    if (this.redis.status === 'ready') {
      const m = this.redis.multi();
      for (const key of new Set([...this.written, ...[...this.local.entries()].map(([k]) => k)])) m.hdel(this.countKey(key), this.instance);
      m.del(this.aliveKey);
      await m.exec().catch(() => undefined);
    }
    this.redis.disconnect();
  }

  private failed(err: unknown): void {
    // Replies cut off by close() are expected, not an outage.
    if (this.closed) return;
    if (!this.stale) this.log.warn({ err: (err as Error).message }, 'shared connection counts unavailable; counting on this instance');
    this.stale = true;
  }

  private beat(): void {
    if (!this.usable) return;
    if (this.stale || Date.now() - this.lastSync > KEY_TTL_MS / 4) {
      void this.resync();
      return;
    }
    // GET returns the old value: none means the key had expired and other instances may have dropped our fields.
    this.redis.set(this.aliveKey, '1', 'PX', LIVENESS_TTL_MS, 'GET').then(
      (was) => {
        if (was === null) {
          this.stale = true;
          void this.resync();
        }
      },
      (err: unknown) => this.failed(err),
    );
  }

  /** Rewrites this instance's liveness key and every field from the local counts. */
  private resync(): Promise<void> {
    this.syncing ??= (async () => {
      try {
        while (this.inflight > 0) await new Promise<void>((wake) => this.waitingForIdle.push(wake));
        if (!this.usable) return;
        this.addedLocally = false;
        // Snapshot and send in one synchronous step: removes sent before it are overwritten by counts that already left them out.
        const counts = new Map(this.local.entries());
        const m = this.redis.multi();
        m.set(this.aliveKey, '1', 'PX', LIVENESS_TTL_MS);
        for (const key of new Set([...this.written, ...counts.keys()])) {
          const n = counts.get(key) ?? 0;
          if (n > 0) m.hset(this.countKey(key), this.instance, n).pexpire(this.countKey(key), KEY_TTL_MS);
          else m.hdel(this.countKey(key), this.instance);
        }
        const replies = await m.exec();
        const failure = replies?.find(([err]) => err !== null)?.[0];
        if (!replies || failure) throw failure ?? new Error('transaction discarded');
        this.written = new Set(counts.keys());
        this.stale = this.addedLocally;
        this.lastSync = Date.now();
      } catch (err) {
        this.failed(err);
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }
}
