import type * as Y from 'yjs';
import {
  compareIndicators,
  decidedIdeas,
  EVAL_QUESTIONS,
  readEvaluation,
  STORY_KINDS,
  type Indicator,
  type IndicatorStatus,
  type StoryKind,
} from '../../cocreation/evaluation';
import { groupEntries, groupLabel, smallRolesNote } from '../../cocreation/smallRoles';
import { roleLabel } from '../../roles';
import { escapeMarkdown, inlineMarkdown } from '../escape';

const T = {
  da: {
    heading: 'Evaluering',
    decided: 'Det besluttede (afstemningens resultat)',
    dots: (n: number) => `${n} ${n === 1 ? 'prik' : 'prikker'}`,
    deleted: '(slettet)',
    indicators: 'Indikatorer',
    indicator: 'Indikator',
    baseline: 'Udgangspunkt',
    target: 'Mål',
    direction: { higher: 'højere er bedre', lower: 'lavere er bedre' },
    status: { met: 'mål nået', improved: 'bedre', 'not-yet': 'ikke endnu', worse: 'dårligere' } as Record<IndicatorStatus, string>,
    answers: 'Svar på spørgsmålene',
    stories: 'Fortællinger',
    kinds: { good: 'God erfaring', bad: 'Dårlig erfaring', learning: 'Læring' } as Record<StoryKind, string>,
  },
  en: {
    heading: 'Evaluation',
    decided: 'What was decided (the vote result)',
    dots: (n: number) => `${n} ${n === 1 ? 'dot' : 'dots'}`,
    deleted: '(deleted)',
    indicators: 'Indicators',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    direction: { higher: 'higher is better', lower: 'lower is better' },
    status: { met: 'target met', improved: 'better', 'not-yet': 'not yet', worse: 'worse' } as Record<IndicatorStatus, string>,
    answers: 'Answers to the questions',
    stories: 'Stories',
    kinds: { good: 'Good experience', bad: 'Bad experience', learning: 'Learning' } as Record<StoryKind, string>,
  },
};

const inline = (text: string) => inlineMarkdown(text);
const num = (n: number, lang: 'da' | 'en') => n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 });
const withUnit = (n: number, ind: Indicator, lang: 'da' | 'en') => (ind.unit.trim() ? `${num(n, lang)} ${escapeMarkdown(ind.unit.trim())}` : num(n, lang));

/**
 * The evaluation for the minutes (docs/cocreation-goals-evaluation.md): what
 * was decided in the vote, the indicators across sessions (a table: baseline,
 * target, each session's value and status), then per session the answers to
 * the Appendix 1 questions and the stories (roles only, never names). Returns
 * no lines when there is no evaluation on the board.
 */
export function evaluationMarkdown(doc: Y.Doc, lang: 'da' | 'en'): string[] {
  const t = T[lang];
  const state = readEvaluation(doc);
  if (state.sessions.length === 0 && state.indicators.length === 0) return [];
  const out: string[] = [`## ${t.heading}`, ''];

  const decided = decidedIdeas(doc);
  if (decided.ideas.length > 0) {
    out.push(`### ${t.decided}`, '');
    decided.ideas.forEach((i, n) => {
      const roles = groupEntries(i.byRole)
        .map(([id, n]) => `${groupLabel(id, lang)} ${n}`)
        .join(', ');
      out.push(`${n + 1}. **${inline(i.text) || '—'}**${i.deleted ? ` ${t.deleted}` : ''} — ${t.dots(i.dots)}${i.broad ? ' ★' : ''}${roles ? ` (${roles})` : ''}`);
    });
    out.push('');
    // Why a role has no count of its own (small roles; shared/cocreation/smallRoles.ts).
    const note = smallRolesNote(lang, decided.merged, decided.withheld);
    if (note) out.push(`*${escapeMarkdown(note)}*`, '');
  }

  if (state.indicators.length > 0) {
    out.push(`### ${t.indicators}`, '');
    const sessions = state.sessions.map((s) => `${inline(s.label)} (${s.date})`);
    out.push(`| ${[t.indicator, t.baseline, t.target, ...sessions].join(' | ')} |`);
    out.push(`|${' --- |'.repeat(3 + sessions.length)}`);
    for (const row of compareIndicators(state)) {
      const ind = row.indicator;
      const cells = row.points.map((p) => (p.value === null || !p.status ? '—' : `${withUnit(p.value, ind, lang)} (${t.status[p.status]})`));
      out.push(`| ${[`${inline(ind.name)} (${t.direction[ind.direction]})`, withUnit(ind.baseline, ind, lang), withUnit(ind.target, ind, lang), ...cells].join(' | ')} |`);
    }
    out.push('');
  }

  for (const s of state.sessions) {
    const answers = state.answers.get(s.id);
    const stories = state.stories.filter((x) => x.session === s.id);
    const answered = EVAL_QUESTIONS.filter((q) => answers?.get(q.id)?.text.trim());
    if (answered.length === 0 && stories.length === 0) continue;
    out.push(`### ${inline(s.label)} (${s.date})`, '');
    if (answered.length > 0) {
      out.push(`**${t.answers}**`, '');
      for (const q of answered) out.push(`- *${escapeMarkdown(q[lang])}*`, `  ${inline(answers?.get(q.id)?.text ?? '')}`);
      out.push('');
    }
    if (stories.length > 0) {
      out.push(`**${t.stories}**`, '');
      for (const k of STORY_KINDS) for (const x of stories.filter((y) => y.kind === k)) out.push(`- ${t.kinds[k]} (${escapeMarkdown(roleLabel(x.role, lang, x.roleText))}): ${inline(x.text)}`);
      out.push('');
    }
  }
  return out;
}
