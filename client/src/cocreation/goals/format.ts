import type { RevisitStatus } from '../../../../shared/cocreation/goals';
import type { StringKey } from '../../i18n/strings';

/** Text key of each revisit status (keys cannot hold the hyphen of `not-met` nicely). */
export const STATUS_KEY: Record<RevisitStatus, StringKey> = {
  met: 'goalsStatus_met',
  partly: 'goalsStatus_partly',
  'not-met': 'goalsStatus_notMet',
  changed: 'goalsStatus_changed',
};

export function shortDate(ms: number, lang: 'da' | 'en'): string {
  return new Date(ms).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** The message of a refused write (GoalsError / EvaluationError), for the error line. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
