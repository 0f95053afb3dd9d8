import { useMemo } from 'react';
import { useUi } from '../state/ui';
import type { StringKey } from './strings';
import { translate, translatePlural, type PluralKey, type Vars } from './translate';

/** Translate a text with optional {placeholders}; `t.plural` picks the form that fits a count. */
export interface T {
  (key: StringKey, vars?: Vars): string;
  /** `t.plural('voteDotsN', 1)` → "1 prik"; `t.plural('voteDotsN', 3)` → "3 prikker" ({n} is filled in). */
  plural(key: PluralKey, n: number, vars?: Vars): string;
}

export function useT(): T {
  const lang = useUi((s) => s.lang);
  return useMemo(() => Object.assign((key: StringKey, vars?: Vars) => translate(lang, key, vars), { plural: (key: PluralKey, n: number, vars?: Vars) => translatePlural(lang, key, n, vars) }), [lang]);
}
