import { describe, expect, it } from 'vitest';
import { createProtectedBoard, syncUrl, tryUpgrade } from '../helpers/access';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

const scope = useScope();

describe('Origin of websocket upgrades', () => {
  it('by default only pages of the same host may open a websocket; clients without Origin may', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv);
    const url = syncUrl(srv, board.id, { k: board.editorKey });
    expect((await tryUpgrade(url)).status).toBe(101);
    expect((await tryUpgrade(url, { Origin: srv.httpUrl })).status).toBe(101);
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null', `http://127.0.0.1:${srv.port + 1}`]) {
      const refused = await tryUpgrade(url, { Origin: origin });
      expect(refused, origin).toMatchObject({ status: 403, body: { reason: 'origin-not-allowed', error: expect.any(String) } });
    }
    // Also for open boards, before anything else.
    expect((await tryUpgrade(syncUrl(srv, 'open-one'), { Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('ALLOWED_ORIGINS replaces the same-host rule', async () => {
    const srv = await startTestServer(scope, {
      config: { access: { allowedOrigins: ['https://samskab.example.dk'], passcodeAttempts: 5, passcodeAddressAttempts: 100, passcodeWindowMs: 60_000 } },
    });
    const url = syncUrl(srv, 'open-board');
    expect((await tryUpgrade(url, { Origin: 'https://samskab.example.dk' })).status).toBe(101);
    expect((await tryUpgrade(url, { Origin: srv.httpUrl })).status).toBe(403);
    expect((await tryUpgrade(url)).status).toBe(101);
  });
});

describe('security headers', () => {
  it('every HTTP response carries CSP without inline scripts, frame-ancestors, nosniff and no-referrer', async () => {
    const srv = await startTestServer(scope);
    const responses = [
      await api(srv, 'GET', '/healthz'),
      await api(srv, 'POST', '/api/boards'),
      await api(srv, 'GET', '/api/nope'),
      await api(srv, 'GET', '/b/whatever'),
      await api(srv, 'GET', '/api/boards/x/access'),
      await api(srv, 'PUT', '/healthz'),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});
