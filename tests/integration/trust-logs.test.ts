import { Writable } from 'node:stream';
import { pino } from 'pino';
import { expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { createItem } from '../../shared/model/board';
import { CloseCode } from '../../shared/protocol';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { openRawSocket } from '../helpers/raw';
import { useScope } from '../helpers/scope';
import { testConfig, wsBaseUrl } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/** Structured JSON logs: a connection id on connection lines, a request id on HTTP lines, no document content. */

const scope = useScope();

it('logs JSON lines with conn and req ids and never the document content', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = testConfig(scope.tempDir());
  const server = await startServer(config, pino({ level: 'info', base: { service: 'samskab' } }, sink));
  scope.defer(() => server.close());
  const wsUrl = wsBaseUrl(server.port);
  const http = `http://127.0.0.1:${server.port}`;

  const SECRET = 'Borgerens-hemmelige-tekst-42';
  const a = connectClient(scope, wsUrl, 'logs-board');
  await a.waitSynced();
  createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Karen Hemmelig'), text: SECRET });
  await a.waitSaved();
  const raw = await openRawSocket(scope, `${wsUrl}/logs-board`);
  raw.sendBinary(new Uint8Array([0, 2, 5, 1, 2]));
  expect((await withTimeout(raw.closed, 5_000, 'close')).code).toBe(CloseCode.BadMessage);
  const res = await api(http, 'GET', '/b/logs-board', { headers: { 'X-Request-Id': 'trace-abc.123' } });
  expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
  const res2 = await api(http, 'GET', '/healthz');
  const generated = res2.headers.get('x-request-id');
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);

  await waitFor(() => lines.some((l) => l.includes('closing connection after bad message')));
  await waitFor(() => lines.filter((l) => l.includes('"http request"')).length >= 2);
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const connLines = records.filter((r) => typeof r.msg === 'string' && /connection|websocket|bad message|update/.test(r.msg));
  expect(connLines.length).toBeGreaterThanOrEqual(3);
  for (const r of connLines) expect(typeof r.conn).toBe('number');
  const httpLines = records.filter((r) => r.msg === 'http request');
  expect(httpLines.map((r) => r.req)).toEqual(expect.arrayContaining(['trace-abc.123', generated]));
  // The board link in a page URL is a secret: the path is logged as /b/:board.
  expect(httpLines.find((r) => r.req === 'trace-abc.123')?.path).toBe('/b/:board');
  const all = lines.join('\n');
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain('Karen');
});
