import type * as Y from 'yjs';
import { progressOf, readActions, type ActionProgress, type ActionStatus, type OwnerKind } from '../../cocreation/actions';
import { readDecisions } from '../../cocreation/decisions';
import { namesHidden } from '../../cocreation/names';
import { stepLabel } from '../../cocreation/session';
import { latestRevealed, readRoundHistory } from '../../cocreation/rounds';
import { groupEntries, groupLabel, smallRolesNote } from '../../cocreation/smallRoles';
import type { RoleCounts, RoundState, RoundStatus } from '../../cocreation/votes';
import { readWorkLog, type StepRun } from '../../cocreation/worklog';
import { getItem, listItems, readMeta } from '../../model/board';
import { readPlainText } from '../../model/richtext';
import { isDamaged } from '../../model/validate';
import { ROLE_IDS, roleLabel, type RoleId } from '../../roles';
import { projectReport, type ReportIdea, type ReportProblem } from '../projection';
import { commentLines } from '../sections/comments';
import { evaluationMarkdown } from '../sections/evaluation';
import { goalsMarkdown } from '../sections/goals';
import { valueLines } from '../sections/value';
import { rankIdeas } from './ranking';
import { dayIn, formatDay, formatTime, DEFAULT_TIME_ZONE } from './time';

/**
 * The minutes model (issue 16): everything the minutes say, read once from a
 * board's Y.Doc, as plain data. Markdown, the print view and DOCX all render
 * from it, so they say the same. It is made from the doc the export gets —
 * exportView's copy without names while names are hidden — and, as a second
 * guard, leaves names out of its own sections whenever the doc hides names.
 * Texts from the older minutes sections (value, comments, goals, evaluation)
 * are kept as their Markdown lines; the other renderers read those lines.
 */

export interface MinutesIdea {
  id: string;
  title: string;
  /** Lines after the first. */
  rest: string[];
  authorName: string;
  roleLabel: string;
  buildsOn: string[];
  builtOnBy: number;
  /** Titles of the problems it addresses. */
  problems: string[];
  /** Markdown lines (value triad, comments) to sit under the idea. */
  value: string[];
  comments: string[];
}

export interface GroupCount {
  label: string;
  n: number;
}

export interface RankedIdea {
  rank: number;
  /** Null when the idea was deleted after the round (only the result's text is left). */
  idea: MinutesIdea | null;
  title: string;
  dots: number;
  byGroup: GroupCount[];
  weighted: number;
  groups: number;
  broad: boolean;
}

export interface MinutesRound {
  n: number;
  status: RoundStatus;
  openedAt: number;
  revealedAt: number | null;
  dotsPerPerson: number;
  equalWeight: boolean;
  voters: number;
  /** Revealed rounds: voters per role group (small roles merged); else empty. */
  votersByGroup: GroupCount[];
  totalDots: number | null;
  top: Array<{ title: string; dots: number }>;
}

export interface MinutesDecision {
  wording: string;
  original: string;
  decidedAt: number;
  ideas: string[];
  frame: string | null;
  present: GroupCount[];
  names: string[];
  revoked: boolean;
  revisions: Array<{ wording: string; at: number; present: GroupCount[]; names: string[] }>;
}

export interface MinutesAction {
  id: string;
  what: string;
  who: string;
  whoKind: OwnerKind;
  due: string;
  status: ActionStatus;
  progress: ActionProgress;
  /** The decision's wording or the idea's first line it came from ('' when gone). */
  source: string;
}

export interface Minutes {
  lang: 'da' | 'en';
  title: string;
  /** YYYY-MM-DD in the export's time zone. */
  exportedOn: string;
  timeZone: string;
  counts: { problems: number; perspectives: number; ideas: number };
  sessions: Array<{ day: string; from: string; to: string }>;
  /** The board's creation day, for when no session is logged ('' when unknown). */
  createdOn: string;
  namesHidden: boolean;
  participants: { total: number; byRole: Array<{ role: RoleId; label: string; count: number; names: string[] }> };
  agenda: Array<{ day: string; steps: string[] }>;
  problems: Array<Omit<ReportProblem, 'ideas'> & { title: string; rest: string[]; comments: string[]; ideas: Array<{ title: string; rank: number | null }> }>;
  loosePerspectives: ReportProblem['perspectives'];
  goals: string[];
  ranking: {
    round: { revealedOn: string; equalWeight: boolean; voters: number; dots: number; note: string | null } | null;
    ranked: RankedIdea[];
    /** Not voted on (or no round revealed): board order. */
    others: MinutesIdea[];
  };
  rounds: MinutesRound[];
  decisions: MinutesDecision[];
  actions: MinutesAction[];
  valueNote: string[];
  evaluation: string[];
}

export interface MinutesOptions {
  /** IANA time zone for times and "today" (late actions); default Europe/Copenhagen. */
  timeZone?: string;
}

const firstLine = (text: string) => (text.split('\n')[0] ?? '').trim();
const restLines = (text: string) => text.split('\n').slice(1).filter((l) => l.trim() !== '');

function counts(byRole: RoleCounts, lang: 'da' | 'en'): GroupCount[] {
  return ROLE_IDS.filter((r) => (byRole[r] ?? 0) > 0).map((r) => ({ label: roleLabel(r, lang), n: byRole[r] ?? 0 }));
}

export function projectMinutes(doc: Y.Doc, lang: 'da' | 'en', now: Date = new Date(), opts: MinutesOptions = {}): Minutes {
  const tz = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const hidden = namesHidden(doc);
  const name = (n: string) => (hidden ? '' : n.trim());
  const r = projectReport(doc, lang);
  const today = dayIn(now, tz);
  const meta = readMeta(doc);

  // Ideas in board order (the order the report reads the board), each once.
  const all = new Map<string, ReportIdea>();
  for (const i of [...r.problems.flatMap((p) => p.ideas), ...r.looseIdeas]) if (!all.has(i.id)) all.set(i.id, i);
  const pos = boardPositions(doc);
  const place = (id: string) => pos.get(id) ?? Number.MAX_SAFE_INTEGER;
  const boardOrder = [...all.values()].sort((a, b) => place(a.id) - place(b.id)).map((i) => i.id);
  const problemTitle = new Map(r.problems.map((p) => [p.id, firstLine(p.text)]));
  const ideaTitle = new Map([...all.values()].map((i) => [i.id, firstLine(i.text)]));
  const value = valueLines(doc, lang);
  const discussion = commentLines(doc, lang);
  const ideaOf = (i: ReportIdea): MinutesIdea => ({
    id: i.id,
    title: firstLine(i.text),
    rest: restLines(i.text),
    authorName: i.authorName,
    roleLabel: i.roleLabel,
    buildsOn: i.buildsOn.map((id) => ideaTitle.get(id)).filter((x): x is string => x !== undefined),
    builtOnBy: i.builtOnBy,
    problems: i.addresses.map((id) => problemTitle.get(id)).filter((x): x is string => x !== undefined),
    value: value(i.id),
    comments: discussion(i.id),
  });

  // The ranking: the latest revealed round, then the ideas nobody voted on.
  const history = readRoundHistory(doc);
  const revealed = latestRevealed(history);
  const ranking: Minutes['ranking'] = { round: null, ranked: [], others: [] };
  if (revealed?.results) {
    const res = revealed.results;
    const { ranked, unvoted } = rankIdeas(revealed, boardOrder);
    ranking.round = {
      revealedOn: formatDay(dayIn(new Date(revealed.revealedAt ?? revealed.openedAt), tz), lang),
      equalWeight: revealed.equalWeight,
      voters: res.voters,
      dots: res.dots,
      note: smallRolesNote(lang, res.merged, res.withheld),
    };
    ranking.ranked = ranked.map((x) => {
      const idea = all.get(x.ideaId);
      return {
        rank: x.rank,
        idea: idea ? ideaOf(idea) : null,
        title: idea ? firstLine(idea.text) : x.text,
        dots: x.dots,
        byGroup: groupEntries(x.byRole).map(([g, n]) => ({ label: groupLabel(g, lang), n })),
        weighted: x.weighted,
        groups: x.roles,
        broad: x.broad,
      };
    });
    ranking.others = unvoted.map((id) => ideaOf(all.get(id) as ReportIdea));
  } else {
    ranking.others = boardOrder.map((id) => ideaOf(all.get(id) as ReportIdea));
  }
  const rankOf = new Map(ranking.ranked.filter((x) => x.idea).map((x) => [x.idea?.id as string, x.rank]));

  // Sessions, participants and the phases run, from the session log.
  const log = readWorkLog(doc);
  const people = new Map<string, { role: RoleId; name: string }>();
  for (const d of log.days) for (const p of d.people) people.set(`${p.key}|${p.role}`, { role: p.role, name: name(log.people.get(p.key)?.name ?? p.name) });
  const byRole = ROLE_IDS.map((role) => {
    const of = [...people.values()].filter((p) => p.role === role);
    return { role, label: roleLabel(role, lang), count: of.length, names: [...new Set(of.map((p) => p.name).filter(Boolean))].sort((a, b) => a.localeCompare(b, lang)) };
  }).filter((x) => x.count > 0);

  const decisions = readDecisions(doc).decisions;
  const decisionWording = new Map(decisions.map((d) => [d.id, d.wording]));
  const itemTitle = (id: string) => {
    const it = getItem(doc, id);
    return it && !isDamaged(it) ? firstLine(readPlainText(it.body)) : null;
  };

  return {
    lang,
    title: r.title,
    exportedOn: today,
    timeZone: tz,
    counts: { problems: r.problems.length, perspectives: r.problems.reduce((n, p) => n + p.perspectives.length, 0) + r.loosePerspectives.length, ideas: r.ideaCount },
    sessions: log.days.map((d) => ({ day: formatDay(d.day, lang), from: formatTime(d.start, tz), to: formatTime(d.end, tz) })),
    createdOn: meta.createdAt > 0 ? formatDay(dayIn(new Date(meta.createdAt), tz), lang) : '',
    namesHidden: hidden,
    participants: { total: people.size, byRole },
    agenda: log.days.filter((d) => d.steps.length > 0).map((d) => ({ day: formatDay(d.day, lang), steps: d.steps.map((s) => stepName(s, lang)) })),
    problems: r.problems.map((p) => ({
      ...p,
      title: firstLine(p.text),
      rest: restLines(p.text),
      comments: discussion(p.id),
      ideas: p.ideas.map((i) => ({ title: firstLine(i.text), rank: rankOf.get(i.id) ?? null })).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
    })),
    loosePerspectives: r.loosePerspectives,
    goals: goalsMarkdown(doc, lang),
    ranking,
    rounds: history.map((round, n) => roundOf(round, n + 1, boardOrder, ideaTitle, lang)),
    decisions: decisions.map((d) => ({
      wording: d.wording,
      original: d.original,
      decidedAt: d.decidedAt,
      ideas: d.ideas.map((id) => itemTitle(id) ?? ''),
      frame: d.frame ? (itemTitle(d.frame) ?? '') : null,
      present: counts(d.roles, lang),
      names: hidden ? [] : d.names,
      revoked: d.revoked,
      revisions: d.revisions.map((v) => ({ wording: v.wording, at: v.at, present: counts(v.roles, lang), names: hidden ? [] : v.names })),
    })),
    actions: readActions(doc).map((a) => ({
      id: a.id,
      what: a.what,
      who: a.whoKind === 'person' ? name(a.who) : a.who,
      whoKind: a.whoKind,
      due: a.due,
      status: a.status,
      progress: progressOf(a, today),
      source: a.source.kind === 'decision' ? (decisionWording.get(a.source.id) ?? '') : (itemTitle(a.source.id) ?? ''),
    })),
    valueNote: value.note(),
    evaluation: evaluationMarkdown(doc, lang),
  };
}

function stepName(s: StepRun, lang: 'da' | 'en'): string {
  // The session's own rule: the group's name for the step then, else the default phase's label.
  return stepLabel({ id: s.step, phase: s.phase, label: s.label, order: 0 }, lang);
}

function roundOf(round: RoundState, n: number, boardOrder: string[], ideaTitle: Map<string, string>, lang: 'da' | 'en'): MinutesRound {
  const res = round.status === 'revealed' ? round.results : null;
  const top = res ? rankIdeas(round, boardOrder).ranked.slice(0, 3) : [];
  return {
    n,
    status: round.status,
    openedAt: round.openedAt,
    revealedAt: round.revealedAt,
    dotsPerPerson: round.dots,
    equalWeight: round.equalWeight,
    voters: res ? res.voters : round.participation.voters,
    votersByGroup: res ? groupEntries(res.votersByRole).map(([g, k]) => ({ label: groupLabel(g, lang), n: k })) : [],
    totalDots: res ? res.dots : null,
    top: top.map((i) => ({ title: ideaTitle.get(i.ideaId) ?? i.text, dots: i.dots })),
  };
}

/** Board order: top to bottom, left to right (as the report reads the board). */
function boardPositions(doc: Y.Doc): Map<string, number> {
  const sorted = [...listItems(doc).items].sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt);
  return new Map(sorted.map((it, n) => [it.id, n]));
}
