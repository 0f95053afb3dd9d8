import { describe, expect, it } from 'vitest';
import { clashingKeys, STRINGS } from '../../client/src/i18n/strings';

describe('UI texts', () => {
  it('no feature part shadows another text', () => {
    expect(clashingKeys()).toEqual([]);
  });
  it('every text is non-empty in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      for (const [key, text] of Object.entries(STRINGS[lang])) expect(text.trim(), `${lang}.${key}`).not.toBe('');
    }
  });
});
