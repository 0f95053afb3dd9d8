import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { dispatch, type Route, type RouteRequest } from '../../server/http/router';

const request = (method: string, path: string): RouteRequest => ({
  req: { method } as IncomingMessage,
  res: {} as ServerResponse,
  url: new URL(path, 'http://localhost'),
  ip: '127.0.0.1',
});

describe('route table', () => {
  const seen: string[] = [];
  const routes: Route[] = [
    { method: 'GET', path: '/a', handle: () => void seen.push('get /a') },
    { method: 'POST', path: '/a', handle: () => (seen.push('limit'), false) },
    { method: 'POST', path: '/a', handle: () => void seen.push('post /a') },
    { prefix: '/api/', handle: ({ url }) => (seen.push(`maybe ${url.pathname}`), url.pathname === '/api/x') },
    { prefix: '/api/', handle: () => void seen.push('api 404') },
  ];

  it('answers with the first matching row; method, exact path and prefix all count', async () => {
    seen.length = 0;
    expect(await dispatch(routes, request('GET', '/a'))).toBe(true);
    expect(await dispatch(routes, request('POST', '/a'))).toBe(true);
    expect(await dispatch(routes, request('GET', '/api/x'))).toBe(true);
    expect(await dispatch(routes, request('GET', '/api/y'))).toBe(true);
    expect(await dispatch(routes, request('GET', '/b'))).toBe(false);
    expect(seen).toEqual(['get /a', 'limit', 'post /a', 'maybe /api/x', 'maybe /api/y', 'api 404']);
  });

  it('a throwing row stops the table (a refusal is an answer)', async () => {
    const stop: Route[] = [{ path: '/a', handle: () => { throw new Error('429'); } }, { path: '/a', handle: () => undefined }];
    await expect(dispatch(stop, request('POST', '/a'))).rejects.toThrow('429');
  });
});
