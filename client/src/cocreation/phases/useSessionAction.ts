import { useCallback, useState } from 'react';
import { SessionError } from '../../../../shared/cocreation/session';
import { useT } from '../../i18n/useT';
import { ERROR_TEXT } from './format';

/**
 * Runs session writes: a refused one (SessionError) becomes a clear message in
 * the person's language and changes nothing; `run` says whether it went through.
 */
export function useSessionAction(): { error: string | null; clearError(): void; run(fn: () => void): boolean } {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (fn: () => void): boolean => {
      try {
        fn();
        setError(null);
        return true;
      } catch (e) {
        if (!(e instanceof SessionError)) throw e;
        setError(t(ERROR_TEXT[e.code]));
        return false;
      }
    },
    [t],
  );
  return { error, clearError: useCallback(() => setError(null), []), run };
}
