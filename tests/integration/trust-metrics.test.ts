import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * GET /metrics: Prometheus text format (written by prom-client) with connections, boards,
 * updates, bytes, persistence and board-load latency, rejections, and the process metrics.
 */

const scope = useScope();

async function scrape(url: string): Promise<{ type: string; samples: Map<string, number>; text: string }> {
  const res = await api(url, 'GET', '/metrics');
  expect(res.status).toBe(200);
  const text = res.text;
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    // name{labels} value — the whole exposition must parse. Values as Go's ParseFloat reads them
    // (Prometheus does): prom-client writes NaN as `Nan`, e.g. an event-loop mean with no samples yet.
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})?) (-?[0-9.]+(?:e[+-]?[0-9]+)?|[+-]Inf|NaN|Nan)$/.exec(line);
    if (!m) throw new Error(`not Prometheus text format: ${JSON.stringify(line)}`);
    samples.set(m[1] as string, Number(m[2]));
  }
  return { type: res.type, samples, text };
}

it('exposes live gauges and counters in Prometheus text format', async () => {
  const srv = await startTestServer(scope);
  const before = await scrape(srv.httpUrl);
  expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(before.samples.get('samskab_connections')).toBe(0);
  expect(before.samples.get('samskab_boards_loaded')).toBe(0);

  const a = connectClient(scope, srv.wsUrl, 'metrics');
  const b = connectClient(scope, srv.wsUrl, 'metrics');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  a.doc.getMap('m').set('x', 'y');
  await waitFor(() => b.doc.getMap('m').get('x') === 'y');
  await a.waitSaved();
  const raw = await openRawSocket(scope, `${srv.wsUrl}/metrics`);
  raw.sendBinary(new Uint8Array([9, 9, 9]));
  expect((await withTimeout(raw.closed, 5_000, 'close')).code).toBe(CloseCode.BadMessage);

  const after = await waitFor(async () => {
    const s = await scrape(srv.httpUrl);
    return s.samples.get('samskab_connections') === 2 ? s : null;
  });
  const v = (k: string) => after.samples.get(k) ?? -1;
  expect(v('samskab_boards_loaded')).toBe(1);
  expect(v('samskab_connections_opened_total')).toBe(3);
  expect(v('samskab_updates_total')).toBeGreaterThanOrEqual(1);
  expect(v('samskab_received_bytes_total')).toBeGreaterThan(0);
  expect(v('samskab_sent_bytes_total')).toBeGreaterThan(0);
  expect(v('samskab_persist_duration_seconds_count')).toBeGreaterThanOrEqual(1);
  expect(v('samskab_persist_duration_seconds_bucket{le="+Inf"}')).toBe(v('samskab_persist_duration_seconds_count'));
  expect(v('samskab_rejected_messages_total{reason="malformed"}')).toBe(1);
  expect(v('samskab_http_requests_total{status="200"}')).toBeGreaterThanOrEqual(1);
  expect(after.text).toContain('# TYPE samskab_persist_duration_seconds histogram');
  // No board ids or content in metrics.
  expect(after.text).not.toContain('metrics"');
});

/** Every name and type served before prom-client (dashboards and alerts depend on them). */
const SAMSKAB_TYPES: Record<string, string> = {
  samskab_connections: 'gauge',
  samskab_boards_loaded: 'gauge',
  samskab_connections_opened_total: 'counter',
  samskab_updates_total: 'counter',
  samskab_messages_received_total: 'counter',
  samskab_received_bytes_total: 'counter',
  samskab_sent_bytes_total: 'counter',
  samskab_rejected_messages_total: 'counter',
  samskab_limit_hits_total: 'counter',
  samskab_http_requests_total: 'counter',
  samskab_persist_duration_seconds: 'histogram',
};

/** The `# TYPE` of every metric in an exposition. */
function types(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) out.set(m[1] as string, m[2] as string);
  return out;
}

it('keeps every metric name and type, and adds the process and event-loop metrics', async () => {
  const srv = await startTestServer(scope);
  // An HTTP answer is counted once it is sent, so the second scrape shows the first; the
  // event-loop monitor (10 ms resolution) gets 100 ms of samples between the two.
  await scrape(srv.httpUrl);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const s = await scrape(srv.httpUrl);
  const t = types(s.text);
  for (const [name, type] of Object.entries(SAMSKAB_TYPES)) expect(t.get(name), name).toBe(type);
  // The label sets: the counters by reason / limit / status carry that one label.
  expect(s.samples.get('samskab_http_requests_total{status="200"}')).toBeGreaterThanOrEqual(1);
  // prom-client's default metrics, in this server's registry.
  for (const [name, type] of [
    ['process_cpu_seconds_total', 'counter'],
    ['process_resident_memory_bytes', 'gauge'],
    ['process_start_time_seconds', 'gauge'],
    ['nodejs_heap_size_used_bytes', 'gauge'],
    ['nodejs_eventloop_lag_seconds', 'gauge'],
    ['nodejs_eventloop_lag_p99_seconds', 'gauge'],
    ['nodejs_gc_duration_seconds', 'histogram'],
  ] as const) {
    expect(t.get(name), name).toBe(type);
  }
  expect(s.samples.get('process_resident_memory_bytes')).toBeGreaterThan(0);
  expect(s.samples.get('process_cpu_seconds_total')).toBeGreaterThan(0);
  // Lags are durations measured since the first scrape: present, not negative, some ticks seen.
  expect(s.samples.get('nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
  expect(s.samples.get('nodejs_eventloop_lag_max_seconds')).toBeGreaterThan(0);
});

/** A histogram's samples: the cumulative buckets in order, sum and count. */
function histogram(s: { samples: Map<string, number> }, name: string): { buckets: [string, number][]; sum: number; count: number } {
  const buckets: [string, number][] = [];
  for (const [k, v] of s.samples) {
    const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`).exec(k);
    if (m) buckets.push([m[1] as string, v]);
  }
  return { buckets, sum: s.samples.get(`${name}_sum`) ?? -1, count: s.samples.get(`${name}_count`) ?? -1 };
}

it('moves the persistence and board-load histograms when a board is opened and an edit is stored', async () => {
  const srv = await startTestServer(scope);
  const before = await scrape(srv.httpUrl);
  const load0 = histogram(before, 'samskab_board_load_duration_seconds');
  expect(load0.count).toBe(0);
  expect(types(before.text).get('samskab_board_load_duration_seconds')).toBe('histogram');

  const a = connectClient(scope, srv.wsUrl, 'histogram');
  await a.waitSynced();
  const opened = await scrape(srv.httpUrl);
  const load1 = histogram(opened, 'samskab_board_load_duration_seconds');
  expect(load1.count).toBe(1);
  expect(load1.sum).toBeGreaterThan(0);
  const p0 = histogram(opened, 'samskab_persist_duration_seconds');

  a.doc.getMap('m').set('x', 'y');
  await a.waitSaved();
  const after = await waitFor(async () => {
    const s = await scrape(srv.httpUrl);
    return histogram(s, 'samskab_persist_duration_seconds').count > p0.count ? s : null;
  });
  const p1 = histogram(after, 'samskab_persist_duration_seconds');
  expect(p1.sum).toBeGreaterThan(p0.sum);
  // The buckets as before (dashboards use their le values), cumulative, ending in +Inf = count.
  expect(p1.buckets.map(([le]) => le)).toEqual(['0.0005', '0.001', '0.0025', '0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '+Inf']);
  for (let i = 1; i < p1.buckets.length; i++) expect(p1.buckets[i]?.[1]).toBeGreaterThanOrEqual(p1.buckets[i - 1]?.[1] as number);
  expect(p1.buckets.at(-1)?.[1]).toBe(p1.count);
  // A local SQLite append takes far less than 5 s: the edit landed in a finite bucket.
  expect(p1.buckets.find(([le]) => le === '5')?.[1]).toBeGreaterThan(p0.buckets.find(([le]) => le === '5')?.[1] as number);
});
