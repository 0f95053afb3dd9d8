import type * as Y from 'yjs';
import { pluralForm } from '../plural';
import { escapeMarkdown, inlineMarkdown } from './escape';
import { projectReport, type ReportIdea } from './projection';
import { commentLines } from './sections/comments';
import { evaluationMarkdown } from './sections/evaluation';
import { goalsMarkdown } from './sections/goals';
import { valueLines } from './sections/value';

export { escapeMarkdown };

const T = {
  da: {
    untitled: 'Tavle uden titel',
    exported: 'Referat eksporteret',
    summary: (p: number, i: number, v: number) =>
      `${p} ${pluralForm('da', p, { one: 'problem', other: 'problemer' })}, ${v} ${pluralForm('da', v, { one: 'perspektiv', other: 'perspektiver' })} og ${i} ${pluralForm('da', i, { one: 'idé', other: 'idéer' })}.`,
    quote: (text: string) => `»${text}«`,
    problems: 'Problemer og visioner',
    problem: 'Problem',
    raisedBy: 'Rejst af',
    perspectives: 'Perspektiver',
    noPerspectives: 'Ingen perspektiver endnu.',
    ideas: 'Idéer til løsning',
    noIdeas: 'Ingen idéer endnu.',
    buildsOn: 'bygger på',
    builtOn: (n: number) => (n === 1 ? 'én idé bygger videre på den' : `${n} idéer bygger videre på den`),
    otherIdeas: 'Andre idéer',
    otherPerspectives: 'Perspektiver uden problem',
    idea: 'Idé',
  },
  en: {
    untitled: 'Untitled board',
    exported: 'Minutes exported',
    summary: (p: number, i: number, v: number) =>
      `${p} ${pluralForm('en', p, { one: 'problem', other: 'problems' })}, ${v} ${pluralForm('en', v, { one: 'perspective', other: 'perspectives' })} and ${i} ${pluralForm('en', i, { one: 'idea', other: 'ideas' })}.`,
    quote: (text: string) => `“${text}”`,
    problems: 'Problems and visions',
    problem: 'Problem',
    raisedBy: 'Raised by',
    perspectives: 'Perspectives',
    noPerspectives: 'No perspectives yet.',
    ideas: 'Ideas for solutions',
    noIdeas: 'No ideas yet.',
    buildsOn: 'builds on',
    builtOn: (n: number) => (n === 1 ? 'one idea builds on it' : `${n} ideas build on it`),
    otherIdeas: 'Other ideas',
    otherPerspectives: 'Perspectives without a problem',
    idea: 'Idea',
  },
};


const firstLine = (text: string) => text.split('\n')[0] ?? '';
const rest = (text: string) => text.split('\n').slice(1).filter((l) => l.trim() !== '');

/**
 * The board as minutes a municipality can circulate: problems → perspectives
 * by role → ideas ranked → other ideas.
 */
/** "Name (Role)", or only the role when the name is hidden (shared/cocreation/anonymity.ts). */
const byline = (name: string, role: string) => (name ? `${escapeMarkdown(name)} (${escapeMarkdown(role)})` : escapeMarkdown(role));

export function boardToMarkdown(doc: Y.Doc, lang: 'da' | 'en', now = new Date()): string {
  const t = T[lang];
  const r = projectReport(doc, lang);
  const out: string[] = [];
  const perspectiveCount = r.problems.reduce((n, p) => n + p.perspectives.length, 0) + r.loosePerspectives.length;
  out.push(`# ${escapeMarkdown(r.title || t.untitled)}`, '');
  out.push(`*${t.exported} ${now.toISOString().slice(0, 10)}. ${t.summary(r.problems.length, r.ideaCount, perspectiveCount)}*`, '');
  const value = valueLines(doc, lang);
  const discussion = commentLines(doc, lang);
  const ideaLine = (i: ReportIdea, n: number, titles: Map<string, string>) => {
    const builds = i.buildsOn.map((id) => titles.get(id)).filter((x): x is string => !!x);
    const extra = [
      i.builtOnBy > 0 ? t.builtOn(i.builtOnBy) : '',
      builds.length > 0 ? `${t.buildsOn}: ${builds.map((b) => t.quote(escapeMarkdown(b))).join(', ')}` : '',
    ].filter(Boolean);
    const lines = [`${n}. **${escapeMarkdown(firstLine(i.text))}** — ${byline(i.authorName, i.roleLabel)}${extra.length ? `; ${extra.join('; ')}` : ''}`];
    for (const l of rest(i.text)) lines.push(`   ${escapeMarkdown(l)}`);
    lines.push(...value(i.id), ...discussion(i.id));
    return lines.join('\n');
  };
  const titles = new Map<string, string>();
  for (const p of r.problems) for (const i of p.ideas) titles.set(i.id, firstLine(i.text));
  for (const i of r.looseIdeas) titles.set(i.id, firstLine(i.text));

  if (r.problems.length > 0) out.push(`## ${t.problems}`, '');
  r.problems.forEach((p, idx) => {
    out.push(`### ${idx + 1}. ${escapeMarkdown(firstLine(p.text))}`, '');
    for (const l of rest(p.text)) out.push(escapeMarkdown(l), '');
    out.push(`*${t.raisedBy} ${byline(p.authorName, p.roleLabel)}*`, '');
    const talk = discussion(p.id);
    if (talk.length) out.push(...talk.map((l) => l.slice(3)), '');
    out.push(`#### ${t.perspectives}`, '');
    if (p.perspectives.length === 0) out.push(t.noPerspectives, '');
    for (const v of p.perspectives) {
      out.push(`- **${escapeMarkdown(v.roleLabel)}**${v.authorName ? ` (${escapeMarkdown(v.authorName)})` : ''}: ${inlineMarkdown(v.text, ' ')}`);
    }
    if (p.perspectives.length > 0) out.push('');
    out.push(`#### ${t.ideas}`, '');
    if (p.ideas.length === 0) out.push(t.noIdeas, '');
    p.ideas.forEach((i, n) => out.push(ideaLine(i, n + 1, titles)));
    if (p.ideas.length > 0) out.push('');
  });
  if (r.looseIdeas.length > 0) {
    out.push(`## ${t.otherIdeas}`, '');
    r.looseIdeas.forEach((i, n) => out.push(ideaLine(i, n + 1, titles)));
    out.push('');
  }
  if (r.loosePerspectives.length > 0) {
    out.push(`## ${t.otherPerspectives}`, '');
    for (const v of r.loosePerspectives) out.push(`- **${escapeMarkdown(v.roleLabel)}**${v.authorName ? ` (${escapeMarkdown(v.authorName)})` : ''}: ${inlineMarkdown(v.text, ' ')}`);
    out.push('');
  }
  // Why some value ratings have no row of their own (small roles), once.
  out.push(...value.note());
  // What the group agreed and how it evaluates (empty sections give no lines).
  out.push(...goalsMarkdown(doc, lang), ...evaluationMarkdown(doc, lang));
  return out.join('\n');
}
