import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../client/src/i18n/strings';
import { AccessCloseCode, CloseCode, CloseReason } from '../../shared/protocol';

/**
 * The close codes live in one file (shared/protocol.ts). Every one needs a
 * reason sent with the close, a text in both languages for the person, and a
 * line in the operator documentation.
 */
describe('named close codes', () => {
  const codes = [...Object.values(CloseCode), ...Object.values(AccessCloseCode)] as number[];
  const ops = fs.readFileSync(path.resolve('docs/operations.md'), 'utf8');

  it('are unique and in the application range', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c >= 4000 && c <= 4999).toBe(true);
  });

  it.each(Object.values(CloseCode))('%i has a close reason within the 123-byte limit of a close frame', (code) => {
    const reason = CloseReason[code];
    expect(reason).toBeTruthy();
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
  });

  it.each(codes)('%i is explained to the person in Danish and English', (code) => {
    const key = `closed_${code}`;
    expect((STRINGS.da as Record<string, string>)[key]).toBeTruthy();
    expect((STRINGS.en as Record<string, string>)[key]).toBeTruthy();
  });

  it.each(codes)('%i is documented in docs/operations.md', (code) => {
    expect(ops).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });
});
