import * as Y from 'yjs';
import { randomId } from '../ids';
import { isRoleId, type RoleId } from '../roles';
import { DEFAULT_PHASE_IDS, DEFAULT_PHASES, isDefaultPhaseId, type DefaultPhaseId } from './agenda';
import { isRecord as isObject, isTime } from '../doc/readers';
import { publicName } from './names';
import { logStepRun } from './worklog';

/**
 * The session: agenda, current step, proposals decided by consent, ready and
 * done marks, and the step timer (docs/cocreation-phases.md). Root map
 * `session` of the board's Y.Doc, additive. Every key is flat
 * (`ready|<proposal>|<person>`, `step|<id>|label`, …) so concurrent writes by
 * different people land on different keys and never lose each other, and a
 * nested map is never created concurrently. Everything read is untrusted:
 * malformed entries are skipped, nothing here throws on read.
 */
export const SESSION_KEY = 'session';
export const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_KEY);

export const MAX_STEP_LABEL = 80;
export const MAX_STEPS = 30;
export const MIN_TIMER_MINUTES = 1;
export const MAX_TIMER_MINUTES = 240;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Public per-device person key (never the secret voter id); the same shape as in value.ts. */
const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type SessionErrorCode =
  | 'label-empty'
  | 'label-long'
  | 'too-many-steps'
  | 'unknown-step'
  | 'remove-current'
  | 'cannot-move'
  | 'no-next'
  | 'already-current'
  | 'minutes'
  | 'person'
  | 'time'
  | 'not-open';

/** Bad input: nothing was written. The code maps to a UI text. */
export class SessionError extends Error {
  constructor(
    readonly code: SessionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

export interface Step {
  id: string;
  /** The default phase this step is (its id), or null for a step the group added. */
  phase: DefaultPhaseId | null;
  /** The group's own name; null = the default phase's label in the reader's language. */
  label: string | null;
  order: number;
}

export interface Person {
  key: string;
  role: RoleId;
  name: string;
  roleText: string;
}

export type Proposal =
  | { id: string; kind: 'step'; step: string; next: boolean; by: Person; at: number }
  | { id: string; kind: 'timer'; minutes: number; by: Person; at: number };

export interface Closed {
  outcome: 'agreed' | 'withdrawn';
  at: number;
}

export interface Timer {
  /** The proposal that started it. */
  id: string;
  step: string;
  /** Server time (ms) when it started. */
  startedAt: number;
  durationMs: number;
}

export interface SessionState {
  /** Live steps in order (never empty). */
  agenda: Step[];
  /** Removed default phases (they can be restored). */
  removed: Step[];
  current: Step;
  /** The open proposal, if any. */
  proposal: Proposal | null;
  /** Ready marks (person key → ready / "not yet") on the open proposal. */
  ready: Map<string, boolean>;
  /** The latest closed proposal and how it ended (when none is open). */
  last: { proposal: Proposal; closed: Closed } | null;
  /** Person keys done with the current step. */
  done: Set<string>;
  /** The timer of the current step, if one was started in it. */
  timer: Timer | null;
}

// ---------------------------------------------------------------- reading

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

export function readPerson(v: unknown): Person | null {
  if (!isObject(v) || typeof v.key !== 'string' || !PERSON_KEY_PATTERN.test(v.key) || !isRoleId(v.role)) return null;
  const name = typeof v.name === 'string' ? v.name.trim().slice(0, 80) : '';
  const roleText = v.role === 'other' && typeof v.roleText === 'string' ? v.roleText.slice(0, 60) : '';
  return { key: v.key, role: v.role, name, roleText };
}

export function readProposal(v: unknown): Proposal | null {
  if (!isObject(v) || !isId(v.id) || !isTime(v.at)) return null;
  const by = readPerson(v.by);
  if (!by) return null;
  if (v.kind === 'step' && isId(v.step)) return { id: v.id, kind: 'step', step: v.step, next: v.next === true, by, at: v.at };
  if (v.kind === 'timer' && validMinutes(v.minutes)) return { id: v.id, kind: 'timer', minutes: v.minutes, by, at: v.at };
  return null;
}

function readClosed(v: unknown): Closed | null {
  if (!isObject(v) || (v.outcome !== 'agreed' && v.outcome !== 'withdrawn') || !isTime(v.at)) return null;
  return { outcome: v.outcome, at: v.at };
}

export function readTimer(v: unknown): Timer | null {
  if (!isObject(v) || !isId(v.id) || !isId(v.step) || !isTime(v.startedAt)) return null;
  const d = v.durationMs;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < MIN_TIMER_MINUTES * 60_000 || d > MAX_TIMER_MINUTES * 60_000) return null;
  return { id: v.id, step: v.step, startedAt: v.startedAt, durationMs: d };
}

const validMinutes = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= MIN_TIMER_MINUTES && v <= MAX_TIMER_MINUTES;

interface RawStep {
  label?: string;
  order?: number;
  removed?: boolean;
}

/** Splits `a|b|c` keys; ids never contain `|`. */
const parts = (key: string) => key.split('|');

const byOrder = (a: Step, b: Step) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** All steps (live and removed), from the stored fields plus the implicit default phases. */
function readSteps(m: Y.Map<unknown>): { live: Step[]; removed: Step[] } {
  const raw = new Map<string, RawStep>();
  m.forEach((value, key) => {
    const [kind, id, field, ...rest] = parts(key);
    if (kind !== 'step' || !isId(id) || rest.length) return;
    const r = raw.get(id) ?? {};
    if (field === 'label' && typeof value === 'string' && value.trim() && value.length <= MAX_STEP_LABEL) r.label = value.trim();
    else if (field === 'order' && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12) r.order = value;
    else if (field === 'removed' && typeof value === 'boolean') r.removed = value;
    else return;
    raw.set(id, r);
  });
  const live: Step[] = [];
  const removed: Step[] = [];
  DEFAULT_PHASE_IDS.forEach((id, index) => {
    const r = raw.get(id) ?? {};
    const step: Step = { id, phase: id, label: r.label ?? null, order: r.order ?? index };
    (r.removed ? removed : live).push(step);
  });
  for (const [id, r] of raw) {
    // A step the group added exists once it has a name; without an order it goes last.
    if (isDefaultPhaseId(id) || r.label === undefined) continue;
    const step: Step = { id, phase: null, label: r.label, order: r.order ?? 1e12 };
    (r.removed ? removed : live).push(step);
  }
  live.sort(byOrder);
  removed.sort(byOrder);
  // Concurrent removals can remove every step: then the default phases come back.
  if (live.length === 0) return { live: removed.filter((s) => s.phase !== null).map((s) => ({ ...s })), removed: removed.filter((s) => s.phase === null) };
  return { live: live.slice(0, MAX_STEPS), removed };
}

/** The step a (possibly removed or unknown) step id stands for now: removed → the next live step. */
function resolveStep(id: unknown, live: Step[], removed: Step[]): Step {
  const first = live[0] as Step;
  if (typeof id !== 'string') return first;
  const hit = live.find((s) => s.id === id);
  if (hit) return hit;
  const gone = removed.find((s) => s.id === id);
  if (!gone) return first;
  return live.find((s) => byOrder(s, gone) > 0) ?? (live[live.length - 1] as Step);
}

export function readSession(doc: Y.Doc): SessionState {
  const m = sessionMap(doc);
  const { live, removed } = readSteps(m);
  const current = resolveStep(m.get('current'), live, removed);
  const stored = readProposal(m.get('proposal'));
  const closed = stored ? readClosed(m.get(`closed|${stored.id}`)) : null;
  const proposal = stored && !closed ? stored : null;
  const ready = new Map<string, boolean>();
  const done = new Set<string>();
  m.forEach((value, key) => {
    const [kind, a, b, ...rest] = parts(key);
    if (rest.length || typeof b !== 'string' || !PERSON_KEY_PATTERN.test(b)) return;
    if (kind === 'ready' && proposal && a === proposal.id && typeof value === 'boolean') ready.set(b, value);
    else if (kind === 'done' && a === current.id && value === true) done.add(b);
  });
  const timer = readTimer(m.get('timer'));
  return {
    agenda: live,
    removed: removed.filter((s) => s.phase !== null),
    current,
    proposal,
    ready,
    last: stored && closed ? { proposal: stored, closed } : null,
    done,
    timer: timer && timer.step === current.id ? timer : null,
  };
}

export function stepLabel(step: Step, lang: 'da' | 'en'): string {
  return step.label ?? (step.phase ? DEFAULT_PHASES[step.phase][lang] : step.id);
}

/** The step after the current one, or null on the last step. */
export function nextStep(s: SessionState): Step | null {
  const i = s.agenda.findIndex((x) => x.id === s.current.id);
  return s.agenda[i + 1] ?? null;
}

// ---------------------------------------------------------------- consent

/** One entry of presence, as far as consent needs it (client/src/board/presence.ts). */
export interface PresenceEntry {
  person: string | null;
  canEdit: boolean;
  role: RoleId;
  name: string;
  roleText: string;
  /** The connection, to tell apart entries without a person key (observers, presenters). */
  clientId?: number;
  /** A projector / presenter view (shared/presence.ts PresenceKind): never counted. */
  kind?: 'participant' | 'presenter';
  /** This tab had no input for a while: it does not count (another tab of the person may). */
  idle?: boolean;
  /** The person is marked as away (also given as `away` to presenceStatus). */
  away?: boolean;
}

/** Why a person is or is not asked for consent. */
export type PresenceStatus = 'counted' | 'idle' | 'away' | 'observer' | 'presenter';

export interface PersonPresence {
  /** The person key, or `client:<id>` for a connection without one (it never counts). */
  key: string;
  role: RoleId;
  name: string;
  roleText: string;
  status: PresenceStatus;
}

/**
 * Who is here and whether they count for consent (docs: the lead's "who counts"):
 * one row per person key (several tabs of one device are one person).
 * - `presenter`: only presenter views (a projector never counts);
 * - `observer`: only read-only connections, or no valid person key;
 * - `away`: an editor marked as away on the board (by anyone, or by themselves);
 * - `idle`: an editor whose every editing tab is idle;
 * - `counted`: an editor with at least one active editing tab.
 */
export function presenceStatus(users: readonly PresenceEntry[], away: ReadonlySet<string> = new Set()): PersonPresence[] {
  const rows = new Map<string, PersonPresence>();
  // A person is what their "best" tab is: one active editing tab makes them count; away wins over all.
  const rank: Record<PresenceStatus, number> = { away: 5, counted: 4, idle: 3, observer: 2, presenter: 1 };
  users.forEach((u, i) => {
    const valid = !!u.person && PERSON_KEY_PATTERN.test(u.person);
    const key = valid ? (u.person as string) : `client:${u.clientId ?? `#${i}`}`;
    let status: PresenceStatus;
    if (u.kind === 'presenter') status = 'presenter';
    else if (!u.canEdit || !valid) status = 'observer';
    else if (u.away || away.has(key)) status = 'away';
    else status = u.idle ? 'idle' : 'counted';
    const prev = rows.get(key);
    if (!prev || rank[status] > rank[prev.status]) rows.set(key, { key, role: u.role, name: u.name, roleText: u.roleText, status });
  });
  return [...rows.values()];
}

/**
 * The people present who can take part: editors with a person key, one entry
 * per person (several tabs or a reconnect of one device count once), without
 * presenter views, idle tabs (a person counts if any of their tabs is active)
 * and people marked as away.
 */
export function presentPeople(users: readonly PresenceEntry[], away?: ReadonlySet<string>): Person[] {
  return presenceStatus(users, away)
    .filter((p) => p.status === 'counted')
    .map((p) => ({ key: p.key, role: p.role, name: p.name, roleText: p.roleText }));
}

// ---------------------------------------------------------------- away marks

/**
 * "Away": anyone may mark a person (or themselves) as away, so one who stepped
 * out does not hold up the group; the mark is cleared by that person's own
 * client when it has input again. Key `away|<personKey>`. Live coordination,
 * never restored from a snapshot (shared/doc/registry.ts restores agenda keys only).
 */
export interface AwayMark {
  /** When it was marked (ms since the epoch, the marker's clock). */
  at: number;
  /** The role of whoever marked it (names are not kept). */
  byRole: RoleId;
  /** The person marked themselves. */
  self: boolean;
}

function readAwayMark(v: unknown): AwayMark | null {
  if (!isObject(v) || !isTime(v.at) || !isRoleId(v.byRole)) return null;
  return { at: v.at, byRole: v.byRole, self: v.self === true };
}

/** Every person marked as away (person key → mark); malformed entries are skipped. */
export function readAway(doc: Y.Doc): Map<string, AwayMark> {
  const out = new Map<string, AwayMark>();
  sessionMap(doc).forEach((value, key) => {
    const [kind, person, ...rest] = parts(key);
    if (kind !== 'away' || rest.length || typeof person !== 'string' || !PERSON_KEY_PATTERN.test(person)) return;
    const mark = readAwayMark(value);
    if (mark) out.set(person, mark);
  });
  return out;
}

/** Marks `personKey` as away; `by` is whoever marks it (the same key for oneself). */
export function markAway(doc: Y.Doc, personKey: string, by: { key: string; role: RoleId }, now: number, origin?: unknown): void {
  if (!PERSON_KEY_PATTERN.test(personKey) || !PERSON_KEY_PATTERN.test(by.key) || !isRoleId(by.role)) throw new SessionError('person', 'bad person key or role');
  checkTime(now);
  doc.transact(() => sessionMap(doc).set(`away|${personKey}`, { at: now, byRole: by.role, self: by.key === personKey } satisfies AwayMark), origin);
}

/** Clears an away mark ("I'm back", or the person's own client saw input). */
export function clearAway(doc: Y.Doc, personKey: string, origin?: unknown): void {
  if (!PERSON_KEY_PATTERN.test(personKey)) throw new SessionError('person', 'bad person key');
  const m = sessionMap(doc);
  if (m.has(`away|${personKey}`)) doc.transact(() => m.delete(`away|${personKey}`), origin);
}

export interface Consent {
  /** Every person present has signalled ready. */
  passed: boolean;
  ready: Person[];
  /** Said "not yet". */
  notYet: Person[];
  /** Have not answered. */
  waiting: Person[];
}

/**
 * The consent rule: a proposal passes when every person present has signalled
 * ready. The proposer counts as ready (unless they said "not yet"). People who
 * left are not asked; people who arrive are, so they can hold it up.
 */
export function consent(proposal: Proposal, marks: ReadonlyMap<string, boolean>, present: readonly Person[]): Consent {
  const out: Consent = { passed: false, ready: [], notYet: [], waiting: [] };
  for (const p of present) {
    const mark = marks.get(p.key) ?? (p.key === proposal.by.key ? true : undefined);
    (mark === true ? out.ready : mark === false ? out.notYet : out.waiting).push(p);
  }
  out.passed = present.length > 0 && out.ready.length === present.length;
  return out;
}

/**
 * Time left on a timer at (server) time `now`; `up` once it has run out.
 * Never more than its duration: another client's estimate of server time may
 * be a few ms ahead of the one that started it.
 */
export function timerLeft(timer: Timer, now: number): { leftMs: number; up: boolean } {
  const leftMs = Math.min(timer.durationMs, Math.max(0, timer.startedAt + timer.durationMs - now));
  return { leftMs, up: leftMs === 0 };
}

// ---------------------------------------------------------------- writing

function checkPerson(p: Person): void {
  if (!readPerson(p)) throw new SessionError('person', 'person must have a key of 16–64 URL-safe characters and a role');
}

function checkTime(now: number): void {
  if (!isTime(now)) throw new SessionError('time', 'now must be a time in ms since the epoch');
}

function checkLabel(label: string): string {
  const t = label.trim();
  if (!t) throw new SessionError('label-empty', 'a step needs a name');
  if (t.length > MAX_STEP_LABEL) throw new SessionError('label-long', `a step name has at most ${MAX_STEP_LABEL} characters`);
  return t;
}

function liveStep(s: SessionState, id: string): Step {
  const step = s.agenda.find((x) => x.id === id);
  if (!step) throw new SessionError('unknown-step', `no step ${id} on the agenda`);
  return step;
}

export function renameStep(doc: Y.Doc, stepId: string, label: string, origin?: unknown): void {
  const name = checkLabel(label);
  liveStep(readSession(doc), stepId);
  doc.transact(() => sessionMap(doc).set(`step|${stepId}|label`, name), origin);
}

/** Adds a step at the end of the agenda; returns its id. */
export function addStep(doc: Y.Doc, label: string, origin?: unknown, id = `s-${randomId(10)}`): string {
  const name = checkLabel(label);
  if (!isId(id) || isDefaultPhaseId(id)) throw new SessionError('unknown-step', 'a new step needs a fresh id');
  const s = readSession(doc);
  if (s.agenda.length >= MAX_STEPS) throw new SessionError('too-many-steps', `an agenda has at most ${MAX_STEPS} steps`);
  const last = s.agenda[s.agenda.length - 1] as Step;
  doc.transact(() => {
    const m = sessionMap(doc);
    m.set(`step|${id}|label`, name);
    m.set(`step|${id}|order`, Math.floor(Math.min(last.order, 1e11)) + 1);
  }, origin);
  return id;
}

/** Removes a step (kept as a tombstone so a concurrent "go to it" lands on the step after it). */
export function removeStep(doc: Y.Doc, stepId: string, origin?: unknown): void {
  const s = readSession(doc);
  liveStep(s, stepId);
  // This also keeps the agenda from becoming empty: the one step left is always the current one.
  if (s.current.id === stepId) throw new SessionError('remove-current', 'the current step cannot be removed; move on first');
  doc.transact(() => sessionMap(doc).set(`step|${stepId}|removed`, true), origin);
}

/** Brings a removed default phase back at its place. */
export function restoreStep(doc: Y.Doc, stepId: string, origin?: unknown): void {
  const s = readSession(doc);
  if (!s.removed.some((x) => x.id === stepId)) throw new SessionError('unknown-step', `no removed step ${stepId}`);
  if (s.agenda.length >= MAX_STEPS) throw new SessionError('too-many-steps', `an agenda has at most ${MAX_STEPS} steps`);
  doc.transact(() => sessionMap(doc).set(`step|${stepId}|removed`, false), origin);
}

/**
 * Moves a step one place up (-1) or down (+1). Only the moved step's order is
 * written (the midpoint of its new neighbours), so a concurrent move of another
 * step does not undo this one.
 */
export function moveStep(doc: Y.Doc, stepId: string, delta: -1 | 1, origin?: unknown): void {
  const s = readSession(doc);
  liveStep(s, stepId);
  const list = s.agenda;
  const i = list.findIndex((x) => x.id === stepId);
  const j = i + delta;
  if (j < 0 || j >= list.length) throw new SessionError('cannot-move', 'the step is already at that end of the agenda');
  const others = list.filter((x) => x.id !== stepId);
  const before = others[j - 1];
  const after = others[j];
  let order: number;
  if (!before) order = (after as Step).order - 1;
  else if (!after) order = before.order + 1;
  else order = (before.order + after.order) / 2;
  doc.transact(() => {
    const m = sessionMap(doc);
    if ((before && order <= before.order) || (after && order >= after.order)) {
      // Out of room between two floats (after very many moves): renumber the whole agenda.
      others.splice(j, 0, list[i] as Step);
      others.forEach((x, k) => m.set(`step|${x.id}|order`, k));
    } else m.set(`step|${stepId}|order`, order);
  }, origin);
}

export type ProposalInput = { kind: 'next' } | { kind: 'goto'; step: string } | { kind: 'timer'; minutes: number };

/**
 * Opens a proposal (replacing any open one: anyone may make a new proposal).
 * Returns its id. Ready marks and outcomes of earlier proposals are dropped.
 */
export function propose(doc: Y.Doc, input: ProposalInput, by: Person, now: number, origin?: unknown, id = randomId(12)): string {
  checkPerson(by);
  checkTime(now);
  const s = readSession(doc);
  const who: Person = { key: by.key, role: by.role, name: publicName(doc, by.name.trim()).slice(0, 80), roleText: by.role === 'other' ? by.roleText.slice(0, 60) : '' };
  let value: Proposal;
  if (input.kind === 'timer') {
    if (!validMinutes(input.minutes)) throw new SessionError('minutes', `a timer runs ${MIN_TIMER_MINUTES}–${MAX_TIMER_MINUTES} whole minutes`);
    value = { id, kind: 'timer', minutes: input.minutes, by: who, at: now };
  } else {
    const target = input.kind === 'next' ? nextStep(s) : liveStep(s, input.step);
    if (!target) throw new SessionError('no-next', 'this is the last step of the agenda');
    if (target.id === s.current.id) throw new SessionError('already-current', 'the group is already at that step');
    value = { id, kind: 'step', step: target.id, next: input.kind === 'next', by: who, at: now };
  }
  doc.transact(() => {
    const m = sessionMap(doc);
    for (const key of [...m.keys()]) {
      const [kind, pid] = parts(key);
      if ((kind === 'ready' || kind === 'closed') && pid !== id) m.delete(key);
    }
    m.set('proposal', value);
  }, origin);
  return id;
}

function openProposal(doc: Y.Doc, proposalId: string): Proposal {
  const p = readSession(doc).proposal;
  if (!p || p.id !== proposalId) throw new SessionError('not-open', 'that proposal is no longer open');
  return p;
}

/** "Ready" (true) or "not yet" (false) on the open proposal. */
export function setReady(doc: Y.Doc, proposalId: string, personKey: string, ready: boolean, origin?: unknown): void {
  if (!PERSON_KEY_PATTERN.test(personKey)) throw new SessionError('person', 'bad person key');
  openProposal(doc, proposalId);
  doc.transact(() => sessionMap(doc).set(`ready|${proposalId}|${personKey}`, ready), origin);
}

/** Anyone may withdraw the open proposal. */
export function withdraw(doc: Y.Doc, proposalId: string, now: number, origin?: unknown): void {
  checkTime(now);
  openProposal(doc, proposalId);
  doc.transact(() => sessionMap(doc).set(`closed|${proposalId}`, { outcome: 'withdrawn', at: now } satisfies Closed), origin);
}

/**
 * Carries out a proposal the group agreed to, in one transaction, only if it
 * is still the open one. Every client that sees consent calls this; when
 * several do it concurrently they write the same keys with the same meaning
 * (current step, timer, outcome), so the merged document is one result.
 * Returns whether this call applied it.
 */
export function applyProposal(doc: Y.Doc, proposalId: string, now: number, origin?: unknown): boolean {
  checkTime(now);
  let applied = false;
  doc.transact(() => {
    const s = readSession(doc);
    const p = s.proposal;
    if (!p || p.id !== proposalId) return;
    const m = sessionMap(doc);
    if (p.kind === 'step') {
      m.set('current', p.step);
      const to = s.agenda.find((x) => x.id === p.step);
      // The session log keeps every move (the `proposal` key only holds the latest proposal).
      logStepRun(doc, { id: p.id, step: p.step, phase: to?.phase ?? null, label: to?.label ?? null, at: now });
      // The timer belonged to the step the group leaves; a step the group returns to starts with nobody done.
      m.delete('timer');
      for (const key of [...m.keys()]) if (key.startsWith(`done|${p.step}|`)) m.delete(key);
    } else {
      m.set('timer', { id: p.id, step: s.current.id, startedAt: now, durationMs: p.minutes * 60_000 } satisfies Timer);
    }
    m.set(`closed|${p.id}`, { outcome: 'agreed', at: now } satisfies Closed);
    applied = true;
  }, origin);
  return applied;
}

/** My "done with this step" mark. */
export function setDone(doc: Y.Doc, stepId: string, personKey: string, done: boolean, origin?: unknown): void {
  if (!PERSON_KEY_PATTERN.test(personKey)) throw new SessionError('person', 'bad person key');
  liveStep(readSession(doc), stepId);
  doc.transact(() => {
    const m = sessionMap(doc);
    if (done) m.set(`done|${stepId}|${personKey}`, true);
    else m.delete(`done|${stepId}|${personKey}`);
  }, origin);
}

/** Removes the proposer's name from the open proposal (role and key stay), for an anonymous export; run on a copy. */
export function stripSessionNames(doc: Y.Doc): void {
  const m = sessionMap(doc);
  const p = m.get('proposal');
  if (!isObject(p)) return;
  const by = p.by;
  if (!isObject(by) || typeof by.name !== 'string' || by.name === '') return;
  doc.transact(() => m.set('proposal', { ...p, by: { ...by, name: '' } }));
}
