import { expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** GET /metrics: Prometheus text format with connections, boards, updates, bytes, persistence latency, rejections. */

const scope = useScope();

async function scrape(url: string): Promise<{ type: string; samples: Map<string, number>; text: string }> {
  const res = await api(url, 'GET', '/metrics');
  expect(res.status).toBe(200);
  const text = res.text;
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    // name{labels} value — the whole exposition must parse.
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})?) (-?[0-9.e+]+|\+Inf|NaN)$/.exec(line);
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
