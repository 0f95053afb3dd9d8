import { formatScore, VALUE_LEVELS, type RoleValue, type ValueLevel } from '../../../../shared/cocreation/value';
import { roleLabel } from '../../../../shared/roles';
import type { StringKey } from '../../i18n/strings';
import type { T } from '../../i18n/useT';

export const LEVEL_KEYS: Record<ValueLevel, { name: StringKey; abbr: StringKey; help: StringKey }> = {
  personal: { name: 'valuePersonal', abbr: 'valueAbbrPersonal', help: 'valuePersonalHelp' },
  collective: { name: 'valueCollective', abbr: 'valueAbbrCollective', help: 'valueCollectiveHelp' },
  societal: { name: 'valueSocietal', abbr: 'valueAbbrSocietal', help: 'valueSocietalHelp' },
};

export const ratingsText = (t: T, n: number) => t.plural('valueRatingsN', n);

/** "Borger: personlig 4,5 · kollektiv 3 · samfund 5 (2 vurderinger)" — the text alternative of one heatmap row. */
export function roleRowText(t: T, lang: 'da' | 'en', r: RoleValue): string {
  const [p, c, s] = VALUE_LEVELS.map((l) => formatScore(r.levels[l].mean, lang));
  return t('valueRowLabel', { role: roleLabel(r.role, lang), p: p ?? '–', c: c ?? '–', s: s ?? '–', ratings: ratingsText(t, r.raters) });
}
