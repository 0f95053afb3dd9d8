import { useCallback, useState } from 'react';
import { DecisionError, MAX_WORDING, type DecisionErrorCode } from '../../../../shared/cocreation/decisions';
import type { StringKey } from '../../i18n/strings';
import { useT } from '../../i18n/useT';

export const ERROR_TEXT: Record<DecisionErrorCode, StringKey> = {
  'wording-empty': 'decisionsErrWordingEmpty',
  'wording-long': 'decisionsErrWordingLong',
  'no-ideas': 'decisionsErrNoIdeas',
  'unknown-idea': 'decisionsErrUnknownIdea',
  'too-many-open': 'decisionsErrTooManyOpen',
  'not-open': 'decisionsErrNotOpen',
  'unknown-decision': 'decisionsErrUnknownDecision',
  person: 'decisionsErrPerson',
  time: 'decisionsErrTime',
};

/**
 * Runs a decision write: a refused one (DecisionError; the model wrote
 * nothing) becomes a clear message in the person's language. `run` says
 * whether it went through.
 */
export function useDecisionAction(): { error: string | null; clearError(): void; run(fn: () => void): boolean } {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (fn: () => void): boolean => {
      try {
        fn();
        setError(null);
        return true;
      } catch (e) {
        if (!(e instanceof DecisionError)) throw e;
        setError(t(ERROR_TEXT[e.code], { n: String(MAX_WORDING) }));
        return false;
      }
    },
    [t],
  );
  return { error, clearError: useCallback(() => setError(null), []), run };
}
