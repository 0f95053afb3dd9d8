import type * as Y from 'yjs';
import { actionSummary, progressOf, readActions, type ActionProgress } from '../cocreation/actions';
import { withoutNames } from '../cocreation/anonymity';
import { DEFAULT_PHASES } from '../cocreation/agenda';
import { readDecisions } from '../cocreation/decisions';
import { compareIndicators, EVAL_QUESTIONS, readEvaluation, STORY_KINDS, type Direction, type IndicatorStatus, type StoryKind } from '../cocreation/evaluation';
import { namesHidden } from '../cocreation/names';
import { readWorkLog, type StepRun } from '../cocreation/worklog';
import { ROLE_IDS, roleLabel, type RoleId } from '../roles';
import { projectReport } from './projection';

/**
 * A board's published case story (issue 16: "en god historie, som vi kan dele
 * med andre"): what the group worked on, who took part by role, how it went,
 * what it decided and did, and what it learned. Plain JSON, stored as it was
 * published and rendered on every request (storyHtml.ts), so an update or a
 * withdrawal shows at once.
 *
 * Built from a copy of the board without names (shared/cocreation/anonymity.ts)
 * unless the group chose to show them (`names: true`), which a board that hides
 * names refuses. Comments are never read. Role labels are resolved in the
 * story's language at publish time.
 */
export const STORY_VERSION = 1;

export interface RoleCount {
  role: string;
  count: number;
}

export interface StoryProblem {
  text: string;
  /** The role of whoever wrote it; `author` only with names. */
  role: string;
  author: string;
  /** Roles that added a perspective on it. */
  perspectiveRoles: string[];
  ideas: number;
}

export interface StorySession {
  day: string;
  people: number;
  byRole: RoleCount[];
  /** The steps (phases) the group moved to that day, in order. */
  steps: string[];
}

export interface StoryDecision {
  wording: string;
  /** The wording agreed first, when it was reworded since. */
  original: string | null;
  day: string;
  roles: RoleCount[];
  /** Those present, only with names. */
  names: string[];
  revoked: boolean;
}

export interface StoryAction {
  what: string;
  /** The owner: an organisation always, a person only with names. */
  who: string;
  /** Whether `who` is an organisation (absent in stories published before it was recorded: treated as a person). */
  organisation?: boolean;
  due: string;
  progress: ActionProgress;
}

export interface StoryIndicator {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  latest: { value: number; status: IndicatorStatus; session: string } | null;
}

export interface StoryEvalSession {
  label: string;
  date: string;
  answers: Array<{ question: string; text: string }>;
  stories: Array<{ kind: StoryKind; role: string; text: string }>;
}

export interface StoryContent {
  v: typeof STORY_VERSION;
  lang: 'da' | 'en';
  names: boolean;
  title: string;
  /** The day the story was made (YYYY-MM-DD): action statuses are as of this day. */
  asOf: string;
  problems: StoryProblem[];
  ideaCount: number;
  participants: { total: number; byRole: RoleCount[]; names: string[] };
  sessions: StorySession[];
  decisions: StoryDecision[];
  actions: StoryAction[];
  actionSummary: Record<ActionProgress, number>;
  evaluation: { indicators: StoryIndicator[]; sessions: StoryEvalSession[] };
}

/** What GET /api/boards/<id>/story answers (docs/api.md). */
export interface StoryState {
  published: boolean;
  url?: string;
  lang?: 'da' | 'en';
  names?: boolean;
  publishedAt?: number;
  updatedAt?: number;
  /** The latest withdrawal, when nothing is published now. */
  withdrawnAt?: number;
}

/** What POST /api/boards/<id>/story answers. */
export interface PublishedStory {
  url: string;
  token: string;
  publishedAt: number;
  updatedAt: number;
}

/**
 * The same story without any participant name: for a story published with
 * names on a board that hides names now — hiding names on the board hides them
 * on its public page at once, without waiting for an update.
 */
export function withoutStoryNames(c: StoryContent): StoryContent {
  if (!c.names) return c;
  return {
    ...c,
    names: false,
    problems: c.problems.map((p) => ({ ...p, author: '' })),
    participants: { ...c.participants, names: [] },
    decisions: c.decisions.map((d) => ({ ...d, names: [] })),
    actions: c.actions.map((a) => (a.organisation ? a : { ...a, who: '' })),
  };
}

export class StoryError extends Error {
  override name = 'StoryError';
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function roleCounts(counts: Partial<Record<RoleId, number>>, lang: 'da' | 'en'): RoleCount[] {
  return ROLE_IDS.filter((r) => (counts[r] ?? 0) > 0).map((r) => ({ role: roleLabel(r, lang), count: counts[r] ?? 0 }));
}

function stepName(run: StepRun, lang: 'da' | 'en'): string | null {
  return run.label ?? (run.phase ? DEFAULT_PHASES[run.phase][lang] : null);
}

/**
 * The story of a board as of `today` (YYYY-MM-DD, the publisher's day: an
 * action due before it and not done is late). Names only with `names: true`,
 * which throws a StoryError while the board hides names.
 */
export function projectStory(board: Y.Doc, lang: 'da' | 'en', opts: { names: boolean; today: string }): StoryContent {
  if (opts.names && namesHidden(board)) throw new StoryError('this board hides participant names, so its story cannot show them');
  const doc = opts.names ? board : withoutNames(board);
  try {
    return project(doc, lang, opts.names, opts.today);
  } finally {
    if (doc !== board) doc.destroy();
  }
}

function project(doc: Y.Doc, lang: 'da' | 'en', names: boolean, today: string): StoryContent {
  const report = projectReport(doc, lang);
  const problems = report.problems.map((p) => ({
    text: p.text.trim(),
    role: p.roleLabel,
    author: names ? p.authorName : '',
    perspectiveRoles: [...new Set(p.perspectives.map((x) => x.roleLabel))],
    ideas: p.ideas.length,
  }));

  const log = readWorkLog(doc);
  // Everyone who took part, once, by the role they last took part in.
  const roleOf = new Map<string, RoleId>();
  for (const d of log.days) for (const p of d.people) roleOf.set(p.key, p.role);
  const byRole: Partial<Record<RoleId, number>> = {};
  for (const r of roleOf.values()) byRole[r] = (byRole[r] ?? 0) + 1;
  const participantNames = names ? [...new Set([...roleOf.keys()].map((k) => log.people.get(k)?.name.trim() ?? '').filter(Boolean))].sort((a, b) => a.localeCompare(b, lang)) : [];

  const sessions = log.days.map((d) => ({
    day: d.day,
    people: d.people.length,
    byRole: roleCounts(d.byRole, lang),
    steps: d.steps.map((s) => stepName(s, lang)).filter((s): s is string => s !== null),
  }));

  const decisions = readDecisions(doc).decisions.map((d) => ({
    wording: d.wording,
    original: d.original !== d.wording ? d.original : null,
    day: dayOf(d.decidedAt),
    roles: roleCounts(d.roles, lang),
    names: names ? [...d.names] : [],
    revoked: d.revoked,
  }));

  const all = readActions(doc);
  const actions = all.map((a) => ({
    what: a.what,
    who: a.whoKind === 'organisation' || names ? a.who : '',
    organisation: a.whoKind === 'organisation',
    due: a.due,
    progress: progressOf(a, today),
  }));

  const ev = readEvaluation(doc);
  const indicators = compareIndicators(ev).map((c) => ({
    name: c.indicator.name,
    unit: c.indicator.unit,
    baseline: c.indicator.baseline,
    target: c.indicator.target,
    direction: c.indicator.direction,
    latest: c.latest && c.latest.value !== null && c.latest.status ? { value: c.latest.value, status: c.latest.status, session: c.latest.session.label } : null,
  }));
  const evalSessions = ev.sessions
    .map((s) => ({
      label: s.label,
      date: s.date,
      answers: EVAL_QUESTIONS.map((q) => ({ question: q[lang], text: ev.answers.get(s.id)?.get(q.id)?.text.trim() ?? '' })).filter((a) => a.text !== ''),
      stories: STORY_KINDS.flatMap((k) => ev.stories.filter((x) => x.session === s.id && x.kind === k).map((x) => ({ kind: k, role: roleLabel(x.role, lang, x.roleText), text: x.text }))),
    }))
    .filter((s) => s.answers.length > 0 || s.stories.length > 0);

  return {
    v: STORY_VERSION,
    lang,
    names,
    title: report.title.trim(),
    asOf: today,
    problems,
    ideaCount: report.ideaCount,
    participants: { total: roleOf.size, byRole: roleCounts(byRole, lang), names: participantNames },
    sessions,
    decisions,
    actions,
    actionSummary: actionSummary(all, today),
    evaluation: { indicators, sessions: evalSessions },
  };
}
