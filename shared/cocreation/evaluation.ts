import type * as Y from 'yjs';
import { randomId } from '../ids';
import { getItem } from '../model/board';
import { MAX_ROLE_TEXT_LENGTH } from '../model/schema';
import { isRoleId, type RoleId } from '../roles';
import { actionSummary, localDay, progressOf, readActions, type Action, type ActionProgress } from './actions';
import { readDecisions, type Decision } from './decisions';
import { latestRevealed, readRoundHistory } from './rounds';
import { readGoals, revisitSummary, type AgreedGoal, type RevisitCounts } from './goals';
import { firstLine } from './perspectives';
import type { GroupCounts } from './smallRoles';
import { isRecord as isObj, isTime } from '../doc/readers';

/**
 * Evaluation (effektmåling; docs/cocreation-goals-evaluation.md): the
 * manifesto's Appendix 1 questions as a template, answered per evaluation
 * session; quantitative indicators measured per session; qualitative stories;
 * and a comparison with what the group decided (agreed goals, vote results).
 *
 * Root map `evaluation` of the Y.Doc, flat keys → plain JSON values (nothing
 * nested, so concurrent writers never lose each other's entries):
 *
 *   session|<sessionId>              → { label, date: 'YYYY-MM-DD', at, role }
 *   answer|<sessionId>|<questionId>  → { text, at, role }
 *   indicator|<indicatorId>          → { name, unit, baseline, target, direction, at, updatedAt, role }
 *   measure|<indicatorId>|<sessionId>→ { value, at, role }
 *   story|<storyId>                  → { text, kind, session, role, roleText?, at }
 */
export const EVALUATION_KEY = 'evaluation';
export const evaluationMap = (doc: Y.Doc) => doc.getMap<unknown>(EVALUATION_KEY);

export interface Text2 {
  da: string;
  en: string;
}
export interface EvalQuestion extends Text2 {
  id: string;
}
export interface EvalQuestionGroup {
  id: 'what' | 'how' | 'use';
  title: Text2;
  questions: readonly EvalQuestion[];
}

/**
 * Manifest for samskabelse, Appendix 1: "Spørgsmål til inspiration i forbindelse
 * med effektmåling af samskabelse". Danish verbatim (only "klappe o selv" is
 * corrected to "klappe os selv"); English is our translation. Ids are stable:
 * answers in the document refer to them.
 */
export const EVAL_QUESTION_GROUPS: readonly EvalQuestionGroup[] = [
  {
    id: 'what',
    title: { da: 'Hvad er det vi skal måle?', en: 'What is it we should measure?' },
    questions: [
      {
        id: 'what-1',
        da: 'Hvad vil vi forandre? Hvordan ved vi, hvordan ved vi, at det er lykkedes?',
        en: 'What do we want to change? How do we know, how do we know that it has succeeded?',
      },
      {
        id: 'what-2',
        da: 'Hvordan holder man fokus på at nå et bestemt mål uden at lukke processen og blive blind for andre gevinster?',
        en: 'How does one keep the focus on reaching a particular goal without closing the process and becoming blind to other gains?',
      },
      {
        id: 'what-3',
        da: 'Hvordan kan vi få blik for mangfoldigheden i mål, både i forhold til proces og resultat og i forhold til skabelse af individuel og kollektiv handlekraft?',
        en: 'How can we keep an eye on the diversity of goals, both in terms of process and result and in terms of building individual and collective capacity to act?',
      },
      {
        id: 'what-4',
        da: 'Hvordan afstemmer vi forventningerne til målet i starten i processen?',
        en: 'How do we align our expectations of the goal at the start of the process?',
      },
      {
        id: 'what-5',
        da: 'Hvem måler vi for: for deltagerne i samskabelsesprocessen, for de offentlige systemer eller for virksomheden?',
        en: 'Who are we measuring for: for the participants in the co-creation process, for the public systems or for the business?',
      },
      {
        id: 'what-6',
        da: 'Hvordan sikrer vi at det er effekterne af vores fælles indsats vi måler på og ikke vores præstationer?',
        en: 'How do we make sure that it is the effects of our joint effort that we measure, and not our own performance?',
      },
      { id: 'what-7', da: 'Hvem har ejerskab til, hvilke mål og effekter?', en: 'Who has ownership of which goals and effects?' },
    ],
  },
  {
    id: 'how',
    title: { da: 'Hvordan måler vi?', en: 'How do we measure?' },
    questions: [
      {
        id: 'how-1',
        da: 'Hvordan kan vi måle systematisk, både kvantitativt ved hjælp af tal og kvalitativt ved hjælp af interviews, beretninger og fortællinger?',
        en: 'How can we measure systematically, both quantitatively with numbers and qualitatively with interviews, accounts and stories?',
      },
      {
        id: 'how-2',
        da: 'Hvordan måler vi, så det ikke opleves som kontrol, men som et middel til læring og justering af indsatsen med henblik på at nå et fælles mål?',
        en: 'How do we measure so that it is experienced not as control but as a means of learning and of adjusting our effort in order to reach a shared goal?',
      },
      {
        id: 'how-3',
        da: 'Hvordan opsamler og bearbejder vi de gode og dårlige erfaringer undervejs?',
        en: 'How do we collect and work through the good and bad experiences along the way?',
      },
      {
        id: 'how-4',
        da: 'Hvordan sikrer vi, at alle har en stemme i opsamlingen og bearbejdningen af erfaringerne med effektskabelse?',
        en: 'How do we make sure that everyone has a voice in collecting and working through the experiences of creating effects?',
      },
    ],
  },
  {
    id: 'use',
    title: { da: 'Hvad bruger vi måling til?', en: 'What do we use measurement for?' },
    questions: [
      { id: 'use-1', da: 'Hvordan bruger vi det, som vi lærer undervejs?', en: 'How do we use what we learn along the way?' },
      {
        id: 'use-2',
        da: 'Hvordan undgår vi at lave effektmåling for effektmålingens egen skyld?',
        en: 'How do we avoid measuring effects for the sake of measuring effects?',
      },
      {
        id: 'use-3',
        da: 'Hvordan bruger vi måling til at motivere os til at blive ved og klappe os selv på ryggen, når det går godt?',
        en: 'How do we use measurement to motivate ourselves to keep going and to pat ourselves on the back when things go well?',
      },
      { id: 'use-4', da: 'Hvordan bliver vi gode til at fejre, når vi lykkes?', en: 'How do we get good at celebrating when we succeed?' },
      {
        id: 'use-5',
        da: 'Hvordan kan vi dele vores erfaringer, så vi når ud til relevante målgrupper?',
        en: 'How can we share our experiences so that we reach the relevant audiences?',
      },
      {
        id: 'use-6',
        da: 'Hvordan vil vi bruge vores erfaringer til at skabe hverdagshistorier, der inspirerer andre?',
        en: 'How will we use our experiences to create everyday stories that inspire others?',
      },
    ],
  },
];

export const EVAL_QUESTIONS: readonly EvalQuestion[] = EVAL_QUESTION_GROUPS.flatMap((g) => g.questions);
const QUESTION_IDS = new Set(EVAL_QUESTIONS.map((q) => q.id));
export const isQuestionId = (v: unknown): v is string => typeof v === 'string' && QUESTION_IDS.has(v);

export const STORY_KINDS = ['good', 'bad', 'learning'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];
export const DIRECTIONS = ['higher', 'lower'] as const;
/** Which way is better for an indicator. */
export type Direction = (typeof DIRECTIONS)[number];
export const isStoryKind = (v: unknown): v is StoryKind => typeof v === 'string' && (STORY_KINDS as readonly string[]).includes(v);
export const isDirection = (v: unknown): v is Direction => typeof v === 'string' && (DIRECTIONS as readonly string[]).includes(v);

export const MAX_LABEL_LENGTH = 80;
export const MAX_ANSWER_LENGTH = 2000;
export const MAX_INDICATOR_NAME_LENGTH = 120;
export const MAX_UNIT_LENGTH = 30;
export const MAX_STORY_LENGTH = 1000;
export const MAX_SESSIONS = 50;
export const MAX_INDICATORS = 50;
export const MAX_STORIES = 500;
/** Indicator values: finite and within ±1e12 (counts, percentages, kroner…). */
export const VALUE_LIMIT = 1e12;
const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export class EvaluationError extends Error {
  override name = 'EvaluationError';
}

export interface EvalSession {
  id: string;
  label: string;
  /** Calendar date of the session, YYYY-MM-DD. */
  date: string;
  createdAt: number;
  role: RoleId;
}
export interface Answer {
  text: string;
  at: number;
  role: RoleId;
}
export interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
  createdAt: number;
  updatedAt: number;
  role: RoleId;
}
export interface Measurement {
  value: number;
  at: number;
  role: RoleId;
}
export interface Story {
  id: string;
  text: string;
  kind: StoryKind;
  /** The session it was told in (may name a removed session: then shown without one). */
  session: string;
  role: RoleId;
  roleText: string;
  at: number;
}
export interface EvaluationState {
  /** Oldest date first. */
  sessions: EvalSession[];
  /** session id → question id → answer. */
  answers: Map<string, Map<string, Answer>>;
  indicators: Indicator[];
  /** indicator id → session id → measurement. */
  measures: Map<string, Map<string, Measurement>>;
  /** Oldest first. */
  stories: Story[];
}

/* ---------- reading (untrusted) ---------- */

const isValue = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= VALUE_LIMIT;
const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

export function isDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = DATE_PATTERN.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/** Everything in the `evaluation` map, malformed entries skipped. Never throws. */
export function readEvaluation(doc: Y.Doc): EvaluationState {
  const sessions = new Map<string, EvalSession>();
  const indicators = new Map<string, Indicator>();
  const stories: Story[] = [];
  const answers: Array<[string, string, Answer]> = [];
  const measures: Array<[string, string, Measurement]> = [];
  evaluationMap(doc).forEach((v, key) => {
    const parts = key.split('|');
    const [kind, id = '', sub = ''] = parts;
    if (!ID_PATTERN.test(id) || !isObj(v) || !isTime(v.at) || !isRoleId(v.role)) return;
    const role = v.role;
    if (kind === 'session' && parts.length === 2) {
      const label = str(v.label, MAX_LABEL_LENGTH);
      if (label === null || !isDate(v.date) || sessions.size >= MAX_SESSIONS) return;
      sessions.set(id, { id, label, date: v.date, createdAt: v.at, role });
    } else if (kind === 'answer' && parts.length === 3 && isQuestionId(sub)) {
      const text = str(v.text, MAX_ANSWER_LENGTH);
      if (text !== null) answers.push([id, sub, { text, at: v.at, role }]);
    } else if (kind === 'indicator' && parts.length === 2) {
      const name = str(v.name, MAX_INDICATOR_NAME_LENGTH);
      const unit = v.unit === undefined ? '' : str(v.unit, MAX_UNIT_LENGTH);
      if (!name?.trim() || unit === null || !isValue(v.baseline) || !isValue(v.target) || !isDirection(v.direction) || indicators.size >= MAX_INDICATORS) return;
      indicators.set(id, {
        id,
        name,
        unit,
        baseline: v.baseline,
        target: v.target,
        direction: v.direction,
        createdAt: v.at,
        updatedAt: isTime(v.updatedAt) ? Math.max(v.at, v.updatedAt) : v.at,
        role,
      });
    } else if (kind === 'measure' && parts.length === 3 && ID_PATTERN.test(sub)) {
      if (isValue(v.value)) measures.push([id, sub, { value: v.value, at: v.at, role }]);
    } else if (kind === 'story' && parts.length === 2) {
      const text = str(v.text, MAX_STORY_LENGTH);
      if (!text?.trim() || !isStoryKind(v.kind) || typeof v.session !== 'string' || stories.length >= MAX_STORIES) return;
      const roleText = role === 'other' && typeof v.roleText === 'string' ? v.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) : '';
      stories.push({ id, text, kind: v.kind, session: v.session.slice(0, 64), role, roleText, at: v.at });
    }
  });
  // Answers and measurements only count for sessions and indicators that exist.
  const answerMap = new Map<string, Map<string, Answer>>();
  for (const [sid, qid, a] of answers) {
    if (!sessions.has(sid)) continue;
    if (!answerMap.has(sid)) answerMap.set(sid, new Map());
    answerMap.get(sid)?.set(qid, a);
  }
  const measureMap = new Map<string, Map<string, Measurement>>();
  for (const [iid, sid, m] of measures) {
    if (!indicators.has(iid) || !sessions.has(sid)) continue;
    if (!measureMap.has(iid)) measureMap.set(iid, new Map());
    measureMap.get(iid)?.set(sid, m);
  }
  return {
    sessions: [...sessions.values()].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    answers: answerMap,
    indicators: [...indicators.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
    measures: measureMap,
    stories: stories.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
  };
}

/* ---------- writing (checked: bad input throws EvaluationError and changes nothing) ---------- */

function checkId(id: string, what: string): void {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new EvaluationError(`${what} must be 8–64 letters, digits, - or _`);
}
function checkRole(role: RoleId): void {
  if (!isRoleId(role)) throw new EvaluationError('unknown role');
}
function checkLabel(label: string): string {
  if (typeof label !== 'string') throw new EvaluationError('a session needs a name');
  const clean = label.trim();
  if (!clean) throw new EvaluationError('a session needs a name');
  if (clean.length > MAX_LABEL_LENGTH) throw new EvaluationError(`a session name is at most ${MAX_LABEL_LENGTH} characters`);
  return clean;
}
function checkDate(date: string): void {
  if (!isDate(date)) throw new EvaluationError('a date is written YYYY-MM-DD');
}
function checkValue(v: number, what: string): void {
  if (!isValue(v)) throw new EvaluationError(`${what} must be a number (at most ${VALUE_LIMIT} either way)`);
}
function existing(doc: Y.Doc, key: string, what: string): Record<string, unknown> {
  const v = evaluationMap(doc).get(key);
  if (!isObj(v)) throw new EvaluationError(`no such ${what}`);
  return v;
}

/** Opens an evaluation session (a group can open another one later and compare). Returns its id. */
export function openSession(doc: Y.Doc, input: { label: string; date: string; role: RoleId }, origin?: unknown, now = Date.now(), id = randomId(12)): string {
  const label = checkLabel(input.label);
  checkDate(input.date);
  checkRole(input.role);
  checkId(id, 'a session id');
  if (readEvaluation(doc).sessions.length >= MAX_SESSIONS) throw new EvaluationError(`at most ${MAX_SESSIONS} evaluation sessions`);
  doc.transact(() => evaluationMap(doc).set(`session|${id}`, { label, date: input.date, at: now, role: input.role }), origin);
  return id;
}

export function editSession(doc: Y.Doc, id: string, patch: { label?: string; date?: string }, origin?: unknown): void {
  checkId(id, 'a session id');
  const cur = existing(doc, `session|${id}`, 'session');
  const label = patch.label === undefined ? cur.label : checkLabel(patch.label);
  if (patch.date !== undefined) checkDate(patch.date);
  doc.transact(() => evaluationMap(doc).set(`session|${id}`, { ...cur, label, date: patch.date ?? cur.date }), origin);
}

/** Removes a session that holds nothing yet (an evaluation with answers, measurements or stories is kept). */
export function removeSession(doc: Y.Doc, id: string, origin?: unknown): void {
  checkId(id, 'a session id');
  existing(doc, `session|${id}`, 'session');
  const state = readEvaluation(doc);
  const used =
    [...(state.answers.get(id)?.values() ?? [])].some((a) => a.text.trim()) ||
    [...state.measures.values()].some((m) => m.has(id)) ||
    state.stories.some((s) => s.session === id);
  if (used) throw new EvaluationError('this session holds answers, measurements or stories; it is kept');
  doc.transact(() => {
    const m = evaluationMap(doc);
    m.delete(`session|${id}`);
    for (const key of [...m.keys()]) if (key.startsWith(`answer|${id}|`)) m.delete(key);
  }, origin);
}

/** The group's shared answer to one question in one session; an empty text removes it. */
export function writeAnswer(doc: Y.Doc, sessionId: string, questionId: string, text: string, role: RoleId, origin?: unknown, now = Date.now()): void {
  checkId(sessionId, 'a session id');
  if (!isQuestionId(questionId)) throw new EvaluationError('unknown question');
  if (typeof text !== 'string' || text.length > MAX_ANSWER_LENGTH) throw new EvaluationError(`an answer is at most ${MAX_ANSWER_LENGTH} characters`);
  checkRole(role);
  existing(doc, `session|${sessionId}`, 'session');
  doc.transact(() => {
    const key = `answer|${sessionId}|${questionId}`;
    if (text === '') evaluationMap(doc).delete(key);
    else evaluationMap(doc).set(key, { text, at: now, role });
  }, origin);
}

export interface IndicatorInput {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  direction: Direction;
}

function checkIndicator(input: IndicatorInput): IndicatorInput {
  if (typeof input.name !== 'string' || !input.name.trim()) throw new EvaluationError('an indicator needs a name');
  const name = input.name.trim();
  if (name.length > MAX_INDICATOR_NAME_LENGTH) throw new EvaluationError(`an indicator name is at most ${MAX_INDICATOR_NAME_LENGTH} characters`);
  const unit = typeof input.unit === 'string' ? input.unit.trim() : '';
  if (unit.length > MAX_UNIT_LENGTH) throw new EvaluationError(`a unit is at most ${MAX_UNIT_LENGTH} characters`);
  checkValue(input.baseline, 'the baseline');
  checkValue(input.target, 'the target');
  if (!isDirection(input.direction)) throw new EvaluationError('say whether higher or lower is better');
  return { name, unit, baseline: input.baseline, target: input.target, direction: input.direction };
}

export function addIndicator(doc: Y.Doc, input: IndicatorInput & { role: RoleId }, origin?: unknown, now = Date.now(), id = randomId(12)): string {
  const clean = checkIndicator(input);
  checkRole(input.role);
  checkId(id, 'an indicator id');
  if (readEvaluation(doc).indicators.length >= MAX_INDICATORS) throw new EvaluationError(`at most ${MAX_INDICATORS} indicators`);
  doc.transact(() => evaluationMap(doc).set(`indicator|${id}`, { ...clean, at: now, updatedAt: now, role: input.role }), origin);
  return id;
}

export function editIndicator(doc: Y.Doc, id: string, input: IndicatorInput, origin?: unknown, now = Date.now()): void {
  checkId(id, 'an indicator id');
  const cur = existing(doc, `indicator|${id}`, 'indicator');
  const clean = checkIndicator(input);
  doc.transact(() => evaluationMap(doc).set(`indicator|${id}`, { ...cur, ...clean, updatedAt: now }), origin);
}

/** Removes an indicator and all its measurements. */
export function removeIndicator(doc: Y.Doc, id: string, origin?: unknown): void {
  checkId(id, 'an indicator id');
  existing(doc, `indicator|${id}`, 'indicator');
  doc.transact(() => {
    const m = evaluationMap(doc);
    m.delete(`indicator|${id}`);
    for (const key of [...m.keys()]) if (key.startsWith(`measure|${id}|`)) m.delete(key);
  }, origin);
}

/** Records (or with null, clears) an indicator's value measured in a session. */
export function setMeasurement(doc: Y.Doc, indicatorId: string, sessionId: string, value: number | null, role: RoleId, origin?: unknown, now = Date.now()): void {
  checkId(indicatorId, 'an indicator id');
  checkId(sessionId, 'a session id');
  if (value !== null) checkValue(value, 'a measurement');
  checkRole(role);
  existing(doc, `indicator|${indicatorId}`, 'indicator');
  existing(doc, `session|${sessionId}`, 'session');
  doc.transact(() => {
    const key = `measure|${indicatorId}|${sessionId}`;
    if (value === null) evaluationMap(doc).delete(key);
    else evaluationMap(doc).set(key, { value, at: now, role });
  }, origin);
}

export function addStory(
  doc: Y.Doc,
  input: { text: string; kind: StoryKind; session: string; role: RoleId; roleText?: string },
  origin?: unknown,
  now = Date.now(),
  id = randomId(12),
): string {
  if (typeof input.text !== 'string' || !input.text.trim()) throw new EvaluationError('a story cannot be empty');
  const text = input.text.trim();
  if (text.length > MAX_STORY_LENGTH) throw new EvaluationError(`a story is at most ${MAX_STORY_LENGTH} characters`);
  if (!isStoryKind(input.kind)) throw new EvaluationError('a story is a good experience, a bad experience or a learning');
  checkRole(input.role);
  checkId(input.session, 'a session id');
  existing(doc, `session|${input.session}`, 'session');
  checkId(id, 'a story id');
  if (readEvaluation(doc).stories.length >= MAX_STORIES) throw new EvaluationError(`at most ${MAX_STORIES} stories`);
  const roleText = input.role === 'other' && input.roleText ? { roleText: input.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) } : {};
  doc.transact(() => evaluationMap(doc).set(`story|${id}`, { text, kind: input.kind, session: input.session, role: input.role, ...roleText, at: now }), origin);
  return id;
}

export function removeStory(doc: Y.Doc, id: string, origin?: unknown): void {
  checkId(id, 'a story id');
  existing(doc, `story|${id}`, 'story');
  doc.transact(() => evaluationMap(doc).delete(`story|${id}`), origin);
}

/* ---------- comparing with what was decided ---------- */

/**
 * Where a measured value stands against the indicator's baseline and target,
 * in the direction that is better: `met` (target reached or passed),
 * `improved` (better than the baseline, target not reached), `not-yet` (still at
 * the baseline), `worse` (worse than the baseline).
 */
export type IndicatorStatus = 'met' | 'improved' | 'not-yet' | 'worse';

export function judge(ind: Pick<Indicator, 'baseline' | 'target' | 'direction'>, value: number): IndicatorStatus {
  const sign = ind.direction === 'higher' ? 1 : -1;
  const gain = (value - ind.baseline) * sign;
  if ((value - ind.target) * sign >= 0 && (ind.target - ind.baseline) * sign >= 0) return 'met';
  if (gain > 0) return 'improved';
  if (gain < 0) return 'worse';
  return 'not-yet';
}

/** Share of the way from baseline to target (0 at baseline, 1 at target; may go below 0 or above 1). Null when both are equal. */
export function progress(ind: Pick<Indicator, 'baseline' | 'target'>, value: number): number | null {
  const span = ind.target - ind.baseline;
  return span === 0 ? null : (value - ind.baseline) / span;
}

export interface IndicatorPoint {
  session: EvalSession;
  value: number | null;
  status: IndicatorStatus | null;
}
export interface IndicatorComparison {
  indicator: Indicator;
  /** One per session, oldest first (value null where nothing was measured). */
  points: IndicatorPoint[];
  /** The latest session with a measurement. */
  latest: IndicatorPoint | null;
  /** Latest measurement against the one before it, in the better direction. */
  trend: 'better' | 'same' | 'worse' | null;
}

export function compareIndicators(state: EvaluationState): IndicatorComparison[] {
  return state.indicators.map((indicator) => {
    const byS = state.measures.get(indicator.id);
    const points = state.sessions.map((session): IndicatorPoint => {
      const m = byS?.get(session.id);
      return { session, value: m ? m.value : null, status: m ? judge(indicator, m.value) : null };
    });
    const measured = points.filter((p) => p.value !== null);
    const latest = measured.at(-1) ?? null;
    const prev = measured.at(-2);
    let trend: IndicatorComparison['trend'] = null;
    if (latest && prev && latest.value !== null && prev.value !== null) {
      const d = (latest.value - prev.value) * (indicator.direction === 'higher' ? 1 : -1);
      trend = d > 0 ? 'better' : d < 0 ? 'worse' : 'same';
    }
    return { indicator, points, latest, trend };
  });
}

export interface DecidedIdea {
  ideaId: string;
  /** The idea's text now, or at the reveal when it was deleted since. */
  text: string;
  deleted: boolean;
  dots: number;
  weighted: number;
  /** Dots per group of the small-role rule (shared/cocreation/smallRoles.ts), not per role. */
  byRole: GroupCounts;
  broad: boolean;
}
export interface Decisions {
  revealedAt: number | null;
  equalWeight: boolean;
  /** Roles whose dots are under "other roles", and whether there is no breakdown at all (as in the results). */
  merged: RoleId[];
  withheld: boolean;
  ideas: DecidedIdea[];
}

/** The top ideas of the revealed vote round in the document (none while a round is open or closed). */
export function decidedIdeas(doc: Y.Doc, max = 5): Decisions {
  // The latest revealed round, also while a newer round is open (every round is kept: rounds.ts).
  const round = latestRevealed(readRoundHistory(doc));
  if (!round || round.status !== 'revealed' || !round.results) return { revealedAt: null, equalWeight: false, merged: [], withheld: false, ideas: [] };
  const ideas = round.results.ideas.slice(0, max).map((r): DecidedIdea => {
    const live = getItem(doc, r.ideaId);
    const liveText = live && !('damaged' in live) ? firstLine(live, 200) : null;
    return { ideaId: r.ideaId, text: liveText ?? r.text, deleted: liveText === null, dots: r.dots, weighted: r.weighted, byRole: r.byRole, broad: r.broad };
  });
  return { revealedAt: round.revealedAt, equalWeight: round.equalWeight, merged: round.results.merged, withheld: round.results.withheld, ideas };
}

export interface PlannedAction extends Action {
  progress: ActionProgress;
}

export interface FollowThrough {
  /** Decisions agreed by consent (revoked ones included, marked), oldest first. */
  decisions: Decision[];
  /** The action plan with how each action stands on the day of the comparison. */
  actions: PlannedAction[];
  summary: Record<ActionProgress, number>;
  /** Decisions with no action that is not dropped: decided, but nothing is being done about them. */
  withoutActions: string[];
}

/** Decisions and the action plan as they stand on `today` (YYYY-MM-DD): done, late, dropped… */
export function followThrough(doc: Y.Doc, today: string): FollowThrough {
  const decisions = readDecisions(doc).decisions;
  const actions = readActions(doc).map((a) => ({ ...a, progress: progressOf(a, today) }));
  const acted = new Set(actions.filter((a) => a.source.kind === 'decision' && a.status !== 'dropped').map((a) => a.source.id));
  return {
    decisions,
    actions,
    summary: actionSummary(actions, today),
    withoutActions: decisions.filter((d) => !d.revoked && !acted.has(d.id)).map((d) => d.id),
  };
}

export interface Comparison {
  goals: AgreedGoal[];
  goalCounts: RevisitCounts;
  decided: Decisions;
  followThrough: FollowThrough;
  indicators: IndicatorComparison[];
}

/**
 * What was agreed (goals and their revisit, the vote result, decisions by
 * consent and the action plan) next to what was measured, as it stands on `today`.
 */
export function compareWithDecisions(doc: Y.Doc, state: EvaluationState = readEvaluation(doc), today = localDay()): Comparison {
  const goals = readGoals(doc);
  return {
    goals: goals.agreed,
    goalCounts: revisitSummary(goals).agreed,
    decided: decidedIdeas(doc),
    followThrough: followThrough(doc, today),
    indicators: compareIndicators(state),
  };
}
