import { expect, it } from 'vitest';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

/** BOARDS_PER_IP_PER_HOUR: POST /api/boards beyond the limit answers 429 with a JSON reason and Retry-After. */

const scope = useScope();

it('the board beyond the hourly limit per address is refused with 429', async () => {
  const srv = await startTestServer(scope, { config: { boardsPerIpPerHour: 3 } });
  for (let i = 0; i < 3; i++) expect((await api(srv, 'POST', '/api/boards', { body: {} })).status).toBe(201);
  const refused = await api(srv, 'POST', '/api/boards', { body: {}, headers: { 'X-Forwarded-For': '203.0.113.7' } });
  expect(refused.status).toBe(429);
  expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
  const retry = Number(refused.headers.get('retry-after'));
  expect(retry).toBeGreaterThan(3000);
  expect(retry).toBeLessThanOrEqual(3600);
  expect(refused.json).toEqual({ error: expect.stringMatching(/too many boards/) });
  expect(srv.server.metrics.limitHits.get({ limit: 'boards_per_ip_per_hour' })).toBe(1);
  // Other routes are not limited by it.
  expect((await api(srv, 'GET', '/healthz')).status).toBe(200);
});

it('behind a trusted proxy each forwarded address has its own allowance', async () => {
  const srv = await startTestServer(scope, { config: { boardsPerIpPerHour: 1, trustProxy: true } });
  expect((await api(srv, 'POST', '/api/boards', { body: {}, headers: { 'X-Forwarded-For': '198.51.100.1' } })).status).toBe(201);
  expect((await api(srv, 'POST', '/api/boards', { body: {}, headers: { 'X-Forwarded-For': '198.51.100.1' } })).status).toBe(429);
  expect((await api(srv, 'POST', '/api/boards', { body: {}, headers: { 'X-Forwarded-For': '198.51.100.2' } })).status).toBe(201);
});
