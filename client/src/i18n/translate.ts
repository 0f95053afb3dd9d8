import { formatCount, pluralCategory } from '../../../shared/plural';
import { STRINGS, type Lang, type StringKey } from './strings';

export type Vars = Record<string, string>;

/** `base` for every pair of texts `base_one` / `base_other` (a count's singular and plural form). */
type Base<K, S extends string> = K extends `${infer B}_${S}` ? B : never;
export type PluralKey = Base<StringKey, 'one'> & Base<StringKey, 'other'>;

function fill(text: string, vars: Vars | undefined): string {
  // A function replacement: a name like "a$&b" must come out as typed, not as a replace pattern.
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, () => v);
  return text;
}

/** Text of `key` with its {placeholders} filled in. */
export function translate(lang: Lang, key: StringKey, vars?: Vars): string {
  return fill(STRINGS[lang][key], vars);
}

/**
 * The form of `key` that fits the count `n`, chosen by the language's plural
 * rules (Intl.PluralRules): `key_one` or `key_other`, with {n} filled in as the
 * language writes numbers. Any category a language has beyond one/other falls
 * back to `_other`, so adding a language never shows a missing text.
 */
export function translatePlural(lang: Lang, key: PluralKey, n: number, vars?: Vars): string {
  const texts: Record<string, string> = STRINGS[lang];
  const text = texts[`${key}_${pluralCategory(lang, n)}`] ?? texts[`${key}_other`] ?? key;
  return fill(text, { ...vars, n: formatCount(lang, n) });
}
