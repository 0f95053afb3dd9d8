import { describe, expect, it } from 'vitest';
import { KeyedCounter } from '../../server/limits/counter';
import { createRateGuard } from '../../server/limits/rate';
import { TokenBucket } from '../../server/limits/tokenBucket';
import { LocalWindows, retryAfterSeconds } from '../../server/limits/slidingWindow';
import { configFromEnv, LIMIT_DEFAULTS } from '../../server/config';
import { Metrics } from '../../server/metrics';
import { CloseCode } from '../../shared/protocol';

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const b = new TokenBucket(10, 5, () => now);
    expect(Array.from({ length: 6 }, () => b.take())).toEqual([true, true, true, true, true, false]);
    now += 100; // one token per 100 ms at 10/s
    expect(b.take()).toBe(true);
    expect(b.take()).toBe(false);
    now += 10_000; // refills only up to the burst
    expect(Array.from({ length: 6 }, () => b.take()).filter(Boolean)).toHaveLength(5);
  });

  it('a rate of 0 means no limit', () => {
    const b = new TokenBucket(0, 0);
    for (let i = 0; i < 10_000; i++) expect(b.take()).toBe(true);
  });
});

describe('createRateGuard', () => {
  it('counts sync and saved messages in one bucket; presence queries and own presence in another', () => {
    const guard = createRateGuard({ updatesPerSecond: 1, updateBurst: 2, awarenessPerSecond: 1, awarenessBurst: 2 });
    expect(guard.check(new Uint8Array([0, 2]))).toBeNull();
    expect(guard.check(new Uint8Array([4, 1]))).toBeNull();
    expect(guard.check(new Uint8Array([0, 2]))).toEqual({ code: CloseCode.UpdateRateExceeded, limit: 'updates_per_second' });
    // Presence messages are counted by the room (own changes only), not on arrival.
    for (let i = 0; i < 10; i++) expect(guard.check(new Uint8Array([1, 0]))).toBeNull();
    expect(guard.check(new Uint8Array([3]))).toBeNull();
    expect(guard.takePresence()).toBe(true);
    expect(guard.takePresence()).toBe(false);
    expect(guard.check(new Uint8Array([3]))).toEqual({ code: CloseCode.AwarenessRateExceeded, limit: 'awareness_per_second' });
    // Unknown types are left to the decoder (which closes with 4001).
    expect(guard.check(new Uint8Array([9]))).toBeNull();
  });

  it('limits requests for the whole board (sync step 1) separately', () => {
    const guard = createRateGuard({ updatesPerSecond: 0, updateBurst: 0, awarenessPerSecond: 0, awarenessBurst: 0, fullSyncsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect(guard.check(new Uint8Array([0, 0, 1, 0]))).toBeNull();
    expect(guard.check(new Uint8Array([0, 0, 1, 0]))).toEqual({ code: CloseCode.UpdateRateExceeded, limit: 'full_syncs_per_minute' });
    // Updates are not affected.
    for (let i = 0; i < 100; i++) expect(guard.check(new Uint8Array([0, 2, 0]))).toBeNull();
  });
});

describe('KeyedCounter', () => {
  it('admits up to max per key and forgets keys at zero', () => {
    const c = new KeyedCounter();
    expect(c.tryAdd('a', 2)).toBe(true);
    expect(c.tryAdd('a', 2)).toBe(true);
    expect(c.tryAdd('a', 2)).toBe(false);
    expect(c.tryAdd('b', 2)).toBe(true);
    c.remove('a');
    expect(c.tryAdd('a', 2)).toBe(true);
    c.remove('b');
    expect(c.get('b')).toBe(0);
    expect(c.tryAdd('z', 0)).toBe(true);
  });
});

describe('LocalWindows', () => {
  it("'below' records while there is room, says when the next is allowed, and keys are apart", async () => {
    let now = 0;
    const w = new LocalWindows(() => now);
    expect((await w.take('ip', 60_000, 2, 'below')).recorded).toBe(true);
    now = 10_000;
    expect((await w.take('ip', 60_000, 2, 'below')).recorded).toBe(true);
    const full = await w.take('ip', 60_000, 2, 'below');
    expect(full).toEqual({ count: 2, oldest: 0, recorded: false });
    expect(retryAfterSeconds(full, 60_000, now)).toBe(50);
    expect((await w.take('other', 60_000, 2, 'below')).recorded).toBe(true);
    now = 60_001;
    expect(await w.take('ip', 60_000, 2, 'never')).toEqual({ count: 1, oldest: 10_000, recorded: false });
    expect((await w.take('ip', 60_000, 2, 'below')).recorded).toBe(true);
  });

  it('pruning many keys keeps an hour-window key alive while a minute-window caller prunes', async () => {
    let now = 0;
    const w = new LocalWindows(() => now);
    await w.take('boards:ip', 3_600_000, 1, 'below');
    for (let i = 0; i < 1000; i++) await w.take(`pass:${i}`, 60_000, 5, 'always');
    now = 120_000; // the minute keys have expired, the hour key has not
    await w.take('pass:new', 60_000, 5, 'always');
    expect((await w.take('boards:ip', 3_600_000, 1, 'below')).recorded).toBe(false);
  });

  it("'always' records past max (failures are counted even when already over)", async () => {
    const w = new LocalWindows(() => 5);
    for (let i = 0; i < 4; i++) await w.take('k', 1000, 2, 'always');
    expect((await w.take('k', 1000, 2, 'never')).count).toBe(3);
  });
});

describe('limits configuration', () => {
  it('reads every limit from the environment, with defaults, and rejects junk', () => {
    const d = configFromEnv({});
    for (const [k, v] of Object.entries(LIMIT_DEFAULTS)) expect(d[k as keyof typeof d]).toEqual(v);
    const c = configFromEnv({ MAX_BOARD_BYTES: '1000', UPDATES_PER_SECOND: '0', TRUST_PROXY: 'true', MAX_PRESENCE_IDS: '2' });
    expect([c.maxBoardBytes, c.updatesPerSecond, c.trustProxy, c.maxPresenceIds]).toEqual([1000, 0, true, 2]);
    expect(() => configFromEnv({ MAX_CONNECTIONS_PER_IP: '-1' })).toThrow(/MAX_CONNECTIONS_PER_IP/);
    expect(() => configFromEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/);
  });
});

describe('Metrics', () => {
  it('renders the Prometheus text format', async () => {
    const m = new Metrics();
    m.gauge('samskab_connections', 'Open connections.', () => 3);
    m.rejected.inc({ reason: 'malformed' });
    m.rejected.inc({ reason: 'malformed' });
    m.limitHits.inc({ limit: 'we"ird\\label' });
    m.persistSeconds.observe(0.003);
    m.persistSeconds.observe(2);
    const text = await m.render();
    expect(m.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE samskab_connections gauge\nsamskab_connections 3\n');
    expect(text).toContain('samskab_rejected_messages_total{reason="malformed"} 2\n');
    expect(text).toContain('samskab_limit_hits_total{limit="we\\"ird\\\\label"} 1\n');
    expect(text).toContain('samskab_persist_duration_seconds_bucket{le="0.005"} 1\n');
    expect(text).toContain('samskab_persist_duration_seconds_bucket{le="2.5"} 2\n');
    expect(text).toContain('samskab_persist_duration_seconds_bucket{le="+Inf"} 2\n');
    expect(text).toContain('samskab_persist_duration_seconds_count 2\n');
    expect(text).toContain('samskab_updates_total 0\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('reads counters synchronously, the same values it exports', async () => {
    const m = new Metrics();
    m.limitHits.inc({ limit: 'board_bytes' });
    m.limitHits.inc({ limit: 'board_bytes' }, 2);
    m.bytesIn.inc({}, 10);
    expect(m.limitHits.get({ limit: 'board_bytes' })).toBe(3);
    expect(m.limitHits.get({ limit: 'pending_bytes' })).toBe(0);
    expect(m.bytesIn.get()).toBe(10);
    const text = await m.render();
    expect(text).toContain('samskab_limit_hits_total{limit="board_bytes"} 3\n');
    expect(text).toContain('samskab_received_bytes_total 10\n');
  });

  it('keeps each instance in its own registry (several servers in one process)', async () => {
    const a = new Metrics();
    const b = new Metrics();
    a.updates.inc();
    expect(await a.render()).toContain('samskab_updates_total 1\n');
    expect(await b.render()).toContain('samskab_updates_total 0\n');
  });
});
