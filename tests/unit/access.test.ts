import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { accessOptionsFromEnv } from '../../server/accessOptions';
import { PasscodeLimiter } from '../../server/access/ratelimit';
import { hashPasscode, newToken, secretEquals, verifyPasscode } from '../../server/access/secrets';
import { originAllowed } from '../../server/access/upgrade';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('originAllowed', () => {
  it('default: same host as the Host header; no Origin is allowed; "null" and garbage are not', () => {
    expect(originAllowed(req({ host: 'tavle.dk' }), [])).toBe(true);
    expect(originAllowed(req({ host: 'tavle.dk', origin: 'https://tavle.dk' }), [])).toBe(true);
    expect(originAllowed(req({ host: 'tavle.dk:8080', origin: 'http://tavle.dk:8080' }), [])).toBe(true);
    expect(originAllowed(req({ host: 'tavle.dk:8080', origin: 'http://tavle.dk' }), [])).toBe(false);
    expect(originAllowed(req({ host: 'tavle.dk', origin: 'https://tavle.dk.evil.example' }), [])).toBe(false);
    expect(originAllowed(req({ host: 'tavle.dk', origin: 'null' }), [])).toBe(false);
    expect(originAllowed(req({ host: 'tavle.dk', origin: 'not a url' }), [])).toBe(false);
  });

  it('an allow-list replaces the same-host rule and compares whole origins', () => {
    const allowed = accessOptionsFromEnv({ ALLOWED_ORIGINS: ' https://a.dk , https://b.dk:8443/ ' }).allowedOrigins;
    expect(allowed).toEqual(['https://a.dk', 'https://b.dk:8443']);
    expect(originAllowed(req({ host: 'x', origin: 'https://a.dk' }), allowed)).toBe(true);
    expect(originAllowed(req({ host: 'x', origin: 'https://b.dk:8443' }), allowed)).toBe(true);
    expect(originAllowed(req({ host: 'a.dk', origin: 'http://a.dk' }), allowed)).toBe(false);
    expect(() => accessOptionsFromEnv({ ALLOWED_ORIGINS: 'a.dk' })).toThrow(/ALLOWED_ORIGINS/);
  });
});

describe('PasscodeLimiter', () => {
  it('allows max failures per window per IP and board, then says how long to wait', () => {
    let now = 1_000_000;
    const l = new PasscodeLimiter(5, 60_000, () => now);
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfter('1.2.3.4', 'b')).toBe(0);
      l.fail('1.2.3.4', 'b');
      now += 1000;
    }
    expect(l.retryAfter('1.2.3.4', 'b')).toBe(55);
    expect(l.retryAfter('1.2.3.4', 'other')).toBe(0);
    expect(l.retryAfter('5.6.7.8', 'b')).toBe(0);
    now += 55_000;
    expect(l.retryAfter('1.2.3.4', 'b')).toBe(0);
  });
});

describe('secrets', () => {
  it('tokens have at least 128 bits and differ', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(newToken());
    expect(secretEquals(a, a)).toBe(true);
    expect(secretEquals(a, a.slice(1))).toBe(false);
  });

  it('passcodes are salted scrypt hashes that verify only the right passcode', async () => {
    const h1 = await hashPasscode('Ærø 2026');
    const h2 = await hashPasscode('Ærø 2026');
    expect(h1).not.toBe(h2);
    expect(await verifyPasscode('Ærø 2026', h1)).toBe(true);
    // NFC and NFD spellings of the same text are the same passcode.
    expect(await verifyPasscode('Ærø 2026'.normalize('NFD'), h1)).toBe(true);
    expect(await verifyPasscode('Ærø 2027', h1)).toBe(false);
    expect(await verifyPasscode('x', 'garbage')).toBe(false);
  });
});
