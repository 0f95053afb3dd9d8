import { formatScore, VALUE_LEVELS, type IdeaValue, type RoleValue, type ValueLevel } from '../../../../shared/cocreation/value';
import { groupLabel, MERGED } from '../../../../shared/cocreation/smallRoles';
import { roleLabel } from '../../../../shared/roles';
import type { StringKey } from '../../i18n/strings';
import type { T } from '../../i18n/useT';

export const LEVEL_KEYS: Record<ValueLevel, { name: StringKey; abbr: StringKey; help: StringKey }> = {
  personal: { name: 'valuePersonal', abbr: 'valueAbbrPersonal', help: 'valuePersonalHelp' },
  collective: { name: 'valueCollective', abbr: 'valueAbbrCollective', help: 'valueCollectiveHelp' },
  societal: { name: 'valueSocietal', abbr: 'valueAbbrSocietal', help: 'valueSocietalHelp' },
};

export const ratingsText = (t: T, n: number) => t.plural('valueRatingsN', n);

/** "Borger: personlig 4,5 · kollektiv 3 · samfund 5 (2 vurderinger)" — the text alternative of one heatmap row (a role or "Andre roller"). */
export function roleRowText(t: T, lang: 'da' | 'en', r: RoleValue): string {
  const [p, c, s] = VALUE_LEVELS.map((l) => formatScore(r.levels[l].mean, lang));
  // The merged row names its roles, so nobody has to guess who "other roles" are.
  const role = r.role === MERGED ? `${groupLabel(r.role, lang)} (${r.roles.map((x) => roleLabel(x, lang)).join(', ')})` : groupLabel(r.role, lang);
  return t('valueRowLabel', { role, p: p ?? '–', c: c ?? '–', s: s ?? '–', ratings: ratingsText(t, r.raters) });
}

/** The one row a card shows when there is no breakdown by role (withheld): all ratings together. */
export function allRowText(t: T, lang: 'da' | 'en', v: IdeaValue): string {
  const [p, c, s] = VALUE_LEVELS.map((l) => formatScore(v.overall[l], lang));
  return t('valueRowLabel', { role: t('smallRolesAll'), p: p ?? '–', c: c ?? '–', s: s ?? '–', ratings: ratingsText(t, v.raters) });
}
