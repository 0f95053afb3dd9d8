import type * as Y from 'yjs';
import { readSettings } from '../../cocreation/doc';
import { hasContent, PERSON_FIELDS, readGoals, revisitSummary, type Horizon, type PersonField, type Revisit, type RevisitStatus } from '../../cocreation/goals';
import { roleLabel } from '../../roles';
import { escapeMarkdown, inlineMarkdown } from '../escape';

const T = {
  da: {
    heading: 'Mål og forventninger',
    agreed: 'Fælles mål',
    horizon: { short: 'Kort sigt', long: 'Lang sigt' } as Record<Horizon, string>,
    proposedBy: 'foreslået af',
    summary: (met: number, total: number) => `${met} af ${total} fælles mål nået.`,
    people: 'Deltagernes forventninger og mål',
    fields: { brings: 'Bringer ind', expects: 'Forventer', short: 'Kort sigt', long: 'Lang sigt' } as Record<PersonField, string>,
    status: { met: 'nået', partly: 'delvist nået', 'not-met': 'ikke nået', changed: 'ændret undervejs' } as Record<RevisitStatus, string>,
    now: 'Nu',
  },
  en: {
    heading: 'Goals and expectations',
    agreed: 'Agreed goals',
    horizon: { short: 'Short term', long: 'Long term' } as Record<Horizon, string>,
    proposedBy: 'proposed by',
    summary: (met: number, total: number) => `${met} of ${total} agreed goals met.`,
    people: 'Participants’ expectations and goals',
    fields: { brings: 'Brings', expects: 'Expects', short: 'Short term', long: 'Long term' } as Record<PersonField, string>,
    status: { met: 'met', partly: 'partly met', 'not-met': 'not met', changed: 'changed along the way' } as Record<RevisitStatus, string>,
    now: 'Now',
  },
};

const inline = (text: string) => inlineMarkdown(text);

/**
 * Goals and expectations for the minutes (docs/cocreation-goals-evaluation.md):
 * the agreed goals with their revisit ("then → now") and a summary, then each
 * participant's entry. Names are left out (roles kept) when the board hides
 * names, unless `names` says otherwise. Returns no lines when nothing was written.
 */
export function goalsMarkdown(doc: Y.Doc, lang: 'da' | 'en', opts: { names?: boolean } = {}): string[] {
  const t = T[lang];
  const state = readGoals(doc);
  const people = state.people.filter(hasContent);
  if (state.agreed.length === 0 && people.length === 0) return [];
  const names = opts.names ?? !readSettings(doc).anonymousNames;
  const now = (r: Revisit | null | undefined) => (r ? ` → **${t.now}: ${t.status[r.status]}**${r.note.trim() ? ` (${inline(r.note)})` : ''}` : '');
  const out: string[] = [`## ${t.heading}`, ''];

  if (state.agreed.length > 0) {
    out.push(`### ${t.agreed}`, '');
    const sum = revisitSummary(state).agreed;
    if (sum.revisited > 0) out.push(`*${t.summary(sum.met, sum.total)}*`, '');
    for (const g of state.agreed) {
      out.push(`- **${t.horizon[g.horizon]}:** ${inline(g.text)} — ${t.proposedBy} ${escapeMarkdown(roleLabel(g.role, lang, g.roleText))}${now(g.revisit)}`);
    }
    out.push('');
  }

  if (people.length > 0) {
    out.push(`### ${t.people}`, '');
    for (const p of people) {
      const role = escapeMarkdown(roleLabel(p.role, lang, p.roleText));
      out.push(`- **${names && p.name.trim() ? `${escapeMarkdown(p.name.trim())} (${role})` : role}**`);
      for (const f of PERSON_FIELDS) {
        const text = p.fields[f]?.text ?? '';
        if (!text.trim()) continue;
        const revisit = f === 'brings' ? null : p.revisits[f];
        out.push(`  - ${t.fields[f]}: ${inline(text)}${now(revisit)}`);
      }
    }
    out.push('');
  }
  return out;
}
