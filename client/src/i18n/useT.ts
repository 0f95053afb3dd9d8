import { useCallback } from 'react';
import { useUi } from '../state/ui';
import { STRINGS, type StringKey } from './strings';

/** Translate with optional {placeholders}. */
export function useT(): (key: StringKey, vars?: Record<string, string>) => string {
  const lang = useUi((s) => s.lang);
  return useCallback(
    (key, vars) => {
      let text: string = STRINGS[lang][key];
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, v);
      return text;
    },
    [lang],
  );
}
