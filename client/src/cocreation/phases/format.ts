import type { Person, SessionErrorCode } from '../../../../shared/cocreation/session';
import { roleLabel } from '../../../../shared/roles';
import type { StringKey } from '../../i18n/strings';

/** "Ann (Borger)", or only the role while names are hidden. */
export function personLabel(p: Person, lang: 'da' | 'en', anonymous: boolean): string {
  const role = roleLabel(p.role, lang, p.roleText);
  return anonymous || !p.name ? role : `${p.name} (${role})`;
}

/** 754 000 ms → "12:34"; an hour or more → "1:02:34". */
export function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export const ERROR_TEXT: Record<SessionErrorCode, StringKey> = {
  'label-empty': 'phasesErrLabelEmpty',
  'label-long': 'phasesErrLabelLong',
  'too-many-steps': 'phasesErrTooMany',
  'unknown-step': 'phasesErrUnknownStep',
  'remove-current': 'phasesErrRemoveCurrent',
  'cannot-move': 'phasesErrCannotMove',
  'no-next': 'phasesErrNoNext',
  'already-current': 'phasesErrAlreadyCurrent',
  minutes: 'phasesErrMinutes',
  person: 'phasesErrPerson',
  time: 'phasesErrTime',
  'not-open': 'phasesErrNotOpen',
};
