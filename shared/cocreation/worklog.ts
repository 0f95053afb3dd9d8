import type * as Y from 'yjs';
import { MAX_NAME_LENGTH, MAX_ROLE_TEXT_LENGTH } from '../model/schema';
import { isRoleId, type RoleId } from '../roles';
import { isRecord, isTime } from '../doc/readers';
import { DEFAULT_PHASES, isDefaultPhaseId, type DefaultPhaseId } from './agenda';
import { isDay } from './actions';
import { publicName } from './names';

/**
 * The session log (issue 16; docs/cocreation.md, "Several sessions"): who took
 * part on which day, and which phases the group ran. A board is worked on over
 * several sessions — a workshop, a follow-up months later — and the minutes,
 * the evaluation and the story read this log.
 *
 * Root map `worklog`, flat keys → plain JSON, history (a restore does not
 * rewind it: it records what happened):
 *
 *   person|<personKey>       → { role, name, roleText?, at }   latest declaration of a device's person
 *   seen|<day>|<personKey>   → { role, at }                    first time the person took part that day
 *   ran|<proposalId>         → { step, phase, label, at }       the group moved to a step (written with the move)
 *
 * `day` is the participant's local calendar day (YYYY-MM-DD): the day the
 * people in the room call today. Reading never throws; malformed entries are skipped.
 */
export const WORKLOG_KEY = 'worklog';
export const worklogMap = (doc: Y.Doc) => doc.getMap<unknown>(WORKLOG_KEY);

const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Readers stop here (a hostile document cannot make a report of millions of rows). */
export const MAX_LOG_ENTRIES = 20_000;

export interface LoggedPerson {
  key: string;
  role: RoleId;
  name: string;
  roleText: string;
}

export interface StepRun {
  /** The proposal that moved the group (unique per move). */
  id: string;
  step: string;
  phase: DefaultPhaseId | null;
  /** The group's own name for the step then; null = the default phase's label. */
  label: string | null;
  at: number;
}

export interface WorkDay {
  day: string;
  /** First and last thing logged that day (ms). */
  start: number;
  end: number;
  /** People who took part that day (as they declared themselves that day), by first appearance. */
  people: LoggedPerson[];
  byRole: Partial<Record<RoleId, number>>;
  /** Steps the group moved to that day, in order. */
  steps: StepRun[];
}

export interface WorkLog {
  people: Map<string, LoggedPerson>;
  days: WorkDay[];
}

function readWho(v: Record<string, unknown>): { role: RoleId; roleText: string } | null {
  if (!isRoleId(v.role)) return null;
  return { role: v.role, roleText: v.role === 'other' && typeof v.roleText === 'string' ? v.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) : '' };
}

/** The log, by day (oldest first). Never throws. */
export function readWorkLog(doc: Y.Doc): WorkLog {
  const people = new Map<string, LoggedPerson>();
  const seen: Array<{ day: string; key: string; role: RoleId; at: number }> = [];
  const runs: StepRun[] = [];
  let n = 0;
  worklogMap(doc).forEach((value, key) => {
    if (++n > MAX_LOG_ENTRIES || !isRecord(value)) return;
    const [kind, a = '', b, ...rest] = key.split('|');
    if (rest.length) return;
    if (kind === 'person' && b === undefined && PERSON_KEY_PATTERN.test(a) && isTime(value.at)) {
      const who = readWho(value);
      if (who) people.set(a, { key: a, ...who, name: typeof value.name === 'string' ? value.name.slice(0, MAX_NAME_LENGTH) : '' });
    } else if (kind === 'seen' && b !== undefined && isDay(a) && PERSON_KEY_PATTERN.test(b) && isTime(value.at) && isRoleId(value.role)) {
      seen.push({ day: a, key: b, role: value.role, at: value.at });
    } else if (kind === 'ran' && b === undefined && ID_PATTERN.test(a) && isTime(value.at) && typeof value.step === 'string' && ID_PATTERN.test(value.step)) {
      const label = typeof value.label === 'string' && value.label.trim() && value.label.length <= 80 ? value.label.trim() : null;
      runs.push({ id: a, step: value.step, phase: isDefaultPhaseId(value.phase) ? value.phase : null, label, at: value.at });
    }
  });
  const days = new Map<string, WorkDay>();
  const dayOf = (day: string, at: number) => {
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, start: at, end: at, people: [], byRole: {}, steps: [] }));
    d.start = Math.min(d.start, at);
    d.end = Math.max(d.end, at);
    return d;
  };
  seen.sort((x, y) => x.at - y.at || (x.key < y.key ? -1 : 1));
  for (const s of seen) {
    const d = dayOf(s.day, s.at);
    const p = people.get(s.key);
    d.people.push({ key: s.key, role: s.role, name: p?.name ?? '', roleText: p && p.role === s.role ? p.roleText : '' });
    d.byRole[s.role] = (d.byRole[s.role] ?? 0) + 1;
  }
  runs.sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1));
  for (const r of runs) {
    // A move belongs to the day of someone who took part within the same 18 hours, else to its UTC day.
    const near = seen.filter((s) => Math.abs(s.at - r.at) < 18 * 3600_000).pop();
    dayOf(near ? near.day : new Date(r.at).toISOString().slice(0, 10), r.at).steps.push(r);
  }
  return { people, days: [...days.values()].sort((x, y) => (x.day < y.day ? -1 : 1)) };
}

/**
 * Records that this person takes part today (once per day; the declaration is
 * refreshed when the name or role changed). Cheap to call on every join.
 */
export function logPresence(doc: Y.Doc, person: LoggedPerson, day: string, now: number, origin?: unknown): boolean {
  if (!PERSON_KEY_PATTERN.test(person.key) || !isRoleId(person.role) || !isDay(day) || !isTime(now)) return false;
  const m = worklogMap(doc);
  const name = publicName(doc, person.name.slice(0, MAX_NAME_LENGTH));
  const roleText = person.role === 'other' ? person.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) : '';
  const prev = m.get(`person|${person.key}`);
  const samePerson = isRecord(prev) && prev.role === person.role && prev.name === name && (prev.roleText ?? '') === roleText;
  const seenKey = `seen|${day}|${person.key}`;
  const seenBefore = isRecord(m.get(seenKey)) && (m.get(seenKey) as Record<string, unknown>).role === person.role;
  if (samePerson && seenBefore) return false;
  doc.transact(() => {
    if (!samePerson) m.set(`person|${person.key}`, { role: person.role, name, ...(roleText ? { roleText } : {}), at: now });
    if (!seenBefore) m.set(seenKey, { role: person.role, at: now });
  }, origin);
  return true;
}

/** Written inside the transaction that moves the group to a step (session.applyProposal). */
export function logStepRun(doc: Y.Doc, run: StepRun): void {
  worklogMap(doc).set(`ran|${run.id}`, { step: run.step, phase: run.phase, label: run.label, at: run.at });
}

/** Empties the names of logged people (roles and keys stay), for an anonymous export; run on a copy. */
export function stripWorkLogNames(doc: Y.Doc): void {
  const m = worklogMap(doc);
  doc.transact(() => {
    m.forEach((value, key) => {
      if (key.startsWith('person|') && isRecord(value) && typeof value.name === 'string' && value.name !== '') m.set(key, { ...value, name: '' });
    });
  });
}

/** A step run's name as the group called it then (its own name, else the default phase's label). */
export function runLabel(run: Pick<StepRun, 'label' | 'phase' | 'step'>, lang: 'da' | 'en'): string {
  return run.label ?? (run.phase ? DEFAULT_PHASES[run.phase][lang] : run.step);
}

/** Participants per role over every day (each person counted once, with the role they last took part as). */
export function participantsByRole(log: WorkLog): { byRole: Partial<Record<RoleId, number>>; people: LoggedPerson[] } {
  const last = new Map<string, LoggedPerson>();
  for (const d of log.days) for (const p of d.people) last.set(p.key, p);
  const byRole: Partial<Record<RoleId, number>> = {};
  for (const p of last.values()) byRole[p.role] = (byRole[p.role] ?? 0) + 1;
  return { byRole, people: [...last.values()] };
}
