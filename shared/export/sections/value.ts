import type * as Y from 'yjs';
import { aggregateBoard, formatScore, VALUE_LEVELS, type ValueLevel } from '../../cocreation/value';
import { roleLabel } from '../../roles';

const T = {
  da: {
    heading: 'Værdi (lige vægt pr. rolle)',
    levels: { personal: 'personlig', collective: 'kollektiv', societal: 'samfund' } as Record<ValueLevel, string>,
    ratings: (n: number, roles: number) => `${n} ${n === 1 ? 'vurdering' : 'vurderinger'} fra ${roles} ${roles === 1 ? 'rolle' : 'roller'}`,
    broad: 'Bred værdi',
  },
  en: {
    heading: 'Value (equal weight per role)',
    levels: { personal: 'personal', collective: 'collective', societal: 'societal' } as Record<ValueLevel, string>,
    ratings: (n: number, roles: number) => `${n} ${n === 1 ? 'rating' : 'ratings'} from ${roles} ${roles === 1 ? 'role' : 'roles'}`,
    broad: 'Broad value',
  },
};

/**
 * The value triad in the minutes (docs/cocreation-value.md). Aggregates the
 * whole board once and returns a function giving the Markdown lines for one
 * idea: the equal-weight summary and one line per role that rated it. The
 * lines are indented by three spaces so they sit under a numbered idea line;
 * an unrated (or deleted) idea gives no lines. Only role labels and numbers
 * are written (no participant text), so nothing needs escaping.
 */
export function valueLines(doc: Y.Doc, lang: 'da' | 'en'): (ideaId: string) => string[] {
  const t = T[lang];
  const all = aggregateBoard(doc);
  const levels = (get: (l: ValueLevel) => number | null) => VALUE_LEVELS.map((l) => `${t.levels[l]} ${formatScore(get(l), lang)}`).join(' · ');
  return (ideaId) => {
    const v = all.get(ideaId);
    if (!v) return [];
    const summary = `${t.heading}: ${levels((l) => v.overall[l])} — ${t.ratings(v.raters, v.byRole.length)}.${v.broad ? ` ★ ${t.broad}` : ''}`;
    return [`   *${summary}*`, ...v.byRole.map((r) => `   - ${roleLabel(r.role, lang)} (${r.raters}): ${levels((l) => r.levels[l].mean)}`)];
  };
}
