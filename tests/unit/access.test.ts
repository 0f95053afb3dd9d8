import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { accessOptionsFromEnv } from '../../server/accessOptions';
import { PasscodeLimiter } from '../../server/access/ratelimit';
import { LocalWindows } from '../../server/limits/slidingWindow';
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
  it('allows max failures per device and board, then says how long to wait; other devices on the address go on', async () => {
    let now = 1_000_000;
    const l = new PasscodeLimiter(new LocalWindows(() => now), { perDevice: 5, perAddress: 12, windowMs: 60_000 }, () => now);
    const hall = '10.0.0.1';
    for (let i = 0; i < 5; i++) {
      expect(await l.retryAfter('b', 'deviceAAAAAAAAAAAA', hall)).toBe(0);
      await l.fail('b', 'deviceAAAAAAAAAAAA', hall);
      now += 1000;
    }
    expect(await l.retryAfter('b', 'deviceAAAAAAAAAAAA', hall)).toBe(55);
    // The person next to her, on the same network, is not locked out; nor is another board.
    expect(await l.retryAfter('b', 'deviceBBBBBBBBBBBB', hall)).toBe(0);
    expect(await l.retryAfter('other', 'deviceAAAAAAAAAAAA', hall)).toBe(0);
    now += 55_000;
    expect(await l.retryAfter('b', 'deviceAAAAAAAAAAAA', hall)).toBe(0);
  });

  it('a whole address has a ceiling, whatever device ids it sends; no device id means the address is the device', async () => {
    const now = 0;
    const l = new PasscodeLimiter(new LocalWindows(() => now), { perDevice: 5, perAddress: 12, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 12; i++) {
      expect(await l.retryAfter('b', `fresh-device-${String(i).padStart(4, '0')}`, '1.2.3.4')).toBe(0);
      await l.fail('b', `fresh-device-${String(i).padStart(4, '0')}`, '1.2.3.4');
    }
    expect(await l.retryAfter('b', 'yet-another-device-id', '1.2.3.4')).toBe(60);
    expect(await l.retryAfter('b', 'yet-another-device-id', '5.6.7.8')).toBe(0);
    for (let i = 0; i < 5; i++) await l.fail('b', null, '5.6.7.8');
    expect(await l.retryAfter('b', null, '5.6.7.8')).toBe(60);
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
