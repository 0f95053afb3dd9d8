import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../client/src/i18n/strings';
import { translate, translatePlural } from '../../client/src/i18n/translate';
import { pluralCategory } from '../../shared/plural';

describe('plural forms (Intl.PluralRules)', () => {
  it('Danish: 1 prik, 2 prikker, 0 prikker', () => {
    expect(translatePlural('da', 'voteDotsN', 1)).toBe('1 prik');
    expect(translatePlural('da', 'voteDotsN', 2)).toBe('2 prikker');
    expect(translatePlural('da', 'voteDotsN', 0)).toBe('0 prikker');
    expect(translatePlural('da', 'voiceEdits', 1)).toBe('1 redigering');
    expect(translatePlural('da', 'voiceEdits', 4)).toBe('4 redigeringer');
  });

  it('English: 1 dot, 2 dots, 0 dots', () => {
    expect(translatePlural('en', 'voteDotsN', 1)).toBe('1 dot');
    expect(translatePlural('en', 'voteDotsN', 2)).toBe('2 dots');
    expect(translatePlural('en', 'voteDotsN', 0)).toBe('0 dots');
    expect(translatePlural('en', 'voteParticipation', 1)).toBe('1 has voted so far');
  });

  it('fills the other placeholders too, and writes the count as the language does', () => {
    expect(translatePlural('da', 'voteYourDots', 1, { used: '0' })).toBe('Du har brugt 0 af din 1 prik.');
    expect(translatePlural('da', 'voteYourDots', 3, { used: '3' })).toBe('Du har brugt 3 af dine 3 prikker.');
    expect(translatePlural('da', 'voteDotsN', 1200)).toBe('1.200 prikker');
    expect(translatePlural('en', 'voteDotsN', 1200)).toBe('1,200 dots');
    expect(translate('da', 'voteSummary', { voters: translatePlural('da', 'participantsN', 1), dots: translatePlural('da', 'voteDotsN', 1) })).toBe('1 deltager fordelte 1 prik.');
  });

  it('uses the languages’ own rules', () => {
    expect([0, 1, 2, 21].map((n) => pluralCategory('da', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2, 21].map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
  });

  it('every count text has both forms in both languages, and no plain text of the same name', () => {
    for (const lang of ['da', 'en'] as const) {
      const keys = new Set(Object.keys(STRINGS[lang]));
      for (const k of keys) {
        const m = /^(.*)_(one|other)$/.exec(k);
        if (!m) continue;
        expect(keys.has(`${m[1]}_one`) && keys.has(`${m[1]}_other`), `${lang}.${k}`).toBe(true);
        expect(keys.has(m[1] ?? ''), `${lang}.${m[1]} next to its plural forms`).toBe(false);
      }
    }
  });
});

describe('wording', () => {
  it('no "(er)" / "(s)" plurals: counts use plural forms', () => {
    for (const lang of ['da', 'en'] as const)
      for (const [key, text] of Object.entries(STRINGS[lang])) expect(text, `${lang}.${key}`).not.toMatch(/\((er|e|r|s)\)/);
  });

  it('Danish texts quote with »…«, not "…", “…” or „…“', () => {
    for (const [key, text] of Object.entries(STRINGS.da)) expect(text, `da.${key}`).not.toMatch(/["“”„]/);
  });
});
