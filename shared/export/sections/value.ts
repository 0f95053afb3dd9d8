import type * as Y from 'yjs';
import { aggregateBoard, formatScore, VALUE_LEVELS, type ValueLevel } from '../../cocreation/value';
import { groupLabel, MERGED, MIN_ROLE_GROUP, SMALL_ROLES_TEXT } from '../../cocreation/smallRoles';
import { roleLabel } from '../../roles';

const T = {
  da: {
    heading: 'Værdi (lige vægt pr. rolle)',
    levels: { personal: 'personlig', collective: 'kollektiv', societal: 'samfund' } as Record<ValueLevel, string>,
    ratings: (n: number, roles: number) => `${n} ${n === 1 ? 'vurdering' : 'vurderinger'} fra ${roles} ${roles === 1 ? 'rolle' : 'roller'}`,
    ratingsOnly: (n: number) => `${n} ${n === 1 ? 'vurdering' : 'vurderinger'}`,
    all: 'Alle roller',
    withheld: `ingen opdeling pr. rolle (færre end ${MIN_ROLE_GROUP} deltagere i hver rolle)`,
    broad: 'Bred værdi',
  },
  en: {
    heading: 'Value (equal weight per role)',
    levels: { personal: 'personal', collective: 'collective', societal: 'societal' } as Record<ValueLevel, string>,
    ratings: (n: number, roles: number) => `${n} ${n === 1 ? 'rating' : 'ratings'} from ${roles} ${roles === 1 ? 'role' : 'roles'}`,
    ratingsOnly: (n: number) => `${n} ${n === 1 ? 'rating' : 'ratings'}`,
    all: 'All roles',
    withheld: `no breakdown by role (fewer than ${MIN_ROLE_GROUP} participants in each role)`,
    broad: 'Broad value',
  },
};

/**
 * The value triad in the minutes (docs/cocreation-value.md). Aggregates the
 * whole board once and returns a function giving the Markdown lines for one
 * idea: the equal-weight summary and one line per row (a role, or "Andre
 * roller" for roles with too few raters, naming them; no lines per role when
 * the breakdown is withheld — shared/cocreation/smallRoles.ts). The lines are
 * indented by three spaces so they sit under a numbered idea line; an unrated
 * (or deleted) idea gives no lines. `note()` gives, once, the sentence that
 * says why rows were merged or withheld (nothing when none were), for the end
 * of the minutes. Only role labels and numbers are written (no participant
 * text), so nothing needs escaping.
 */
export function valueLines(doc: Y.Doc, lang: 'da' | 'en'): ((ideaId: string) => string[]) & { note: () => string[] } {
  const t = T[lang];
  const all = aggregateBoard(doc);
  const levels = (get: (l: ValueLevel) => number | null) => VALUE_LEVELS.map((l) => `${t.levels[l]} ${formatScore(get(l), lang)}`).join(' · ');
  const lines = (ideaId: string): string[] => {
    const v = all.get(ideaId);
    if (!v) return [];
    if (v.withheld) {
      const summary = `${t.all}: ${levels((l) => v.overall[l])} — ${t.ratingsOnly(v.raters)}; ${t.withheld}.`;
      return [`   *${summary}*`];
    }
    const roles = v.byRole.reduce((n, r) => n + r.roles.length, 0);
    const summary = `${t.heading}: ${levels((l) => v.overall[l])} — ${t.ratings(v.raters, roles)}.${v.broad ? ` ★ ${t.broad}` : ''}`;
    const label = (r: (typeof v.byRole)[number]) => (r.role === MERGED ? `${groupLabel(r.role, lang)}: ${r.roles.map((x) => roleLabel(x, lang)).join(', ')}` : groupLabel(r.role, lang));
    return [`   *${summary}*`, ...v.byRole.map((r) => `   - ${label(r)} (${r.raters}): ${levels((l) => r.levels[l].mean)}`)];
  };
  const note = (): string[] => {
    const merged = [...all.values()].some((v) => v.merged.length > 0);
    if (!merged) return [];
    // Once, without the roles of one idea (each merged line names its own).
    return [`*${SMALL_ROLES_TEXT[lang].rule.replace('{min}', String(MIN_ROLE_GROUP))}*`, ''];
  };
  return Object.assign(lines, { note });
}
