import type { RoleCounts } from '../../../../shared/cocreation/votes';
import { ROLE_IDS, roleLabel, type RoleId } from '../../../../shared/roles';

/** A date and time in the reader's language: "4. dec. 2026 09.15" / "4 Dec 2026, 09:15". */
export function whenText(ms: number, lang: 'da' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** "Borger: 2, Politiker: 1", in the roles' fixed order. */
export function roleCountsText(counts: RoleCounts, lang: 'da' | 'en'): string {
  return (Object.entries(counts) as Array<[RoleId, number]>)
    .sort((a, b) => ROLE_IDS.indexOf(a[0]) - ROLE_IDS.indexOf(b[0]))
    .map(([role, n]) => `${roleLabel(role, lang)}: ${n}`)
    .join(', ');
}
