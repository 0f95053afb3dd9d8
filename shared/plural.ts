/**
 * Plural categories of a count, by the language's own CLDR rules
 * (Intl.PluralRules), so "1 prik / 2 prikker" and "1 dot / 2 dots" come from
 * one place instead of hand-written `n === 1` tests or "prik(ker)". Danish and
 * English cardinals only have 'one' and 'other'; other categories are still
 * returned as the rules give them, and callers fall back to 'other'.
 */
export type PluralLang = 'da' | 'en';

const rules = new Map<PluralLang, Intl.PluralRules>();
const numbers = new Map<PluralLang, Intl.NumberFormat>();

export function pluralCategory(lang: PluralLang, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

/** A count as the language writes it ("1.234" in Danish, "1,234" in English). */
export function formatCount(lang: PluralLang, n: number): string {
  let f = numbers.get(lang);
  if (!f) numbers.set(lang, (f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })));
  return f.format(n);
}

/** Picks the form for `n`: `forms.one` when the language says 'one', else `forms.other`. */
export function pluralForm<T>(lang: PluralLang, n: number, forms: { one: T; other: T }): T {
  return pluralCategory(lang, n) === 'one' ? forms.one : forms.other;
}
