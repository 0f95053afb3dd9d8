import type * as Y from 'yjs';
import { randomId } from '../ids';
import { MAX_NAME_LENGTH, MAX_ROLE_TEXT_LENGTH } from '../model/schema';
import { isRoleId, type RoleId } from '../roles';
import { isRecord as isObj, isTime } from '../doc/readers';
import { publicName } from './names';

/**
 * Goals and expectations (forventningsafstemning; docs/cocreation-goals-evaluation.md).
 *
 * Root map `goals` of the board's Y.Doc, flat keys → plain JSON values, so two
 * replicas writing at once never lose each other's entries (a nested Y.Map
 * created concurrently under one key would lose one side):
 *
 *   person|<personKey>                  → { name, role, roleText?, at }   who the entry belongs to
 *   person|<personKey>|<field>          → { text, at, role }              brings / expects / short / long
 *   person|<personKey>|revisit|<field>  → { status, note, at, role }      expects / short / long, at the end
 *   agreed|<goalId>                     → { horizon, text, role, roleText?, at, updatedAt }
 *   agreed|<goalId>|revisit             → { status, note, at, role }
 *
 * `role` on a field or revisit is the role of whoever wrote it last (anyone may
 * edit anything: equal rights). Everything read from the document is untrusted:
 * the readers skip malformed entries and never throw.
 */
export const GOALS_KEY = 'goals';
export const goalsMap = (doc: Y.Doc) => doc.getMap<unknown>(GOALS_KEY);

export const PERSON_FIELDS = ['brings', 'expects', 'short', 'long'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
/** What is looked at again at the end: expectations and goals (not what one brought). */
export const REVISIT_FIELDS = ['expects', 'short', 'long'] as const;
export type RevisitField = (typeof REVISIT_FIELDS)[number];
export const REVISIT_STATUSES = ['met', 'partly', 'not-met', 'changed'] as const;
export type RevisitStatus = (typeof REVISIT_STATUSES)[number];
export const HORIZONS = ['short', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const MAX_FIELD_LENGTH = 2000;
export const MAX_GOAL_LENGTH = 300;
export const MAX_NOTE_LENGTH = 500;
export const MAX_AGREED_GOALS = 100;
/** Readers stop after this many people (a hostile doc cannot make the panel render millions). */
export const MAX_PEOPLE = 500;
/** Public per-device person key (not the secret voter id) and goal ids. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export const isPersonField = (v: unknown): v is PersonField => typeof v === 'string' && (PERSON_FIELDS as readonly string[]).includes(v);
export const isRevisitField = (v: unknown): v is RevisitField => typeof v === 'string' && (REVISIT_FIELDS as readonly string[]).includes(v);
export const isRevisitStatus = (v: unknown): v is RevisitStatus => typeof v === 'string' && (REVISIT_STATUSES as readonly string[]).includes(v);
export const isHorizon = (v: unknown): v is Horizon => typeof v === 'string' && (HORIZONS as readonly string[]).includes(v);

export class GoalsError extends Error {
  override name = 'GoalsError';
}

export interface Author {
  name: string;
  role: RoleId;
  roleText?: string;
}

export interface FieldValue {
  text: string;
  at: number;
  /** Role of whoever wrote it last. */
  role: RoleId;
}

export interface Revisit {
  status: RevisitStatus;
  note: string;
  at: number;
  role: RoleId;
}

export interface PersonEntry {
  key: string;
  name: string;
  role: RoleId;
  roleText: string;
  /** Latest write to the entry (meta or any field). */
  updatedAt: number;
  fields: Partial<Record<PersonField, FieldValue>>;
  revisits: Partial<Record<RevisitField, Revisit>>;
}

export interface AgreedGoal {
  id: string;
  horizon: Horizon;
  text: string;
  /** Who proposed it (role only is shown when names are hidden). */
  role: RoleId;
  roleText: string;
  createdAt: number;
  updatedAt: number;
  revisit: Revisit | null;
}

export interface GoalsState {
  /** Ordered by when each person first wrote (oldest first). */
  people: PersonEntry[];
  /** Short-term first, then long-term; oldest first within each. */
  agreed: AgreedGoal[];
}

/* ---------- reading (untrusted) ---------- */

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length <= max ? v : null);

/** A role plus optional free text (for "other"), as stored on entries and goals. */
function readWho(v: Record<string, unknown>): { role: RoleId; roleText: string } | null {
  if (!isRoleId(v.role)) return null;
  const roleText = v.role === 'other' && typeof v.roleText === 'string' ? v.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) : '';
  return { role: v.role, roleText };
}

function readField(v: unknown): FieldValue | null {
  if (!isObj(v)) return null;
  const text = str(v.text, MAX_FIELD_LENGTH);
  if (text === null || !isTime(v.at) || !isRoleId(v.role)) return null;
  return { text, at: v.at, role: v.role };
}

export function readRevisit(v: unknown): Revisit | null {
  if (!isObj(v) || !isRevisitStatus(v.status) || !isTime(v.at) || !isRoleId(v.role)) return null;
  const note = v.note === undefined ? '' : str(v.note, MAX_NOTE_LENGTH);
  if (note === null) return null;
  return { status: v.status, note, at: v.at, role: v.role };
}

function readAgreed(id: string, v: unknown): AgreedGoal | null {
  if (!isObj(v) || !isHorizon(v.horizon) || !isTime(v.at)) return null;
  const text = str(v.text, MAX_GOAL_LENGTH);
  const who = readWho(v);
  if (text === null || !text.trim() || !who) return null;
  return { id, horizon: v.horizon, text, ...who, createdAt: v.at, updatedAt: isTime(v.updatedAt) ? Math.max(v.updatedAt, v.at) : v.at, revisit: null };
}

/** Everything in the `goals` map, malformed entries skipped. Never throws. */
export function readGoals(doc: Y.Doc): GoalsState {
  const people = new Map<string, PersonEntry>();
  const agreed = new Map<string, AgreedGoal>();
  const fields: Array<[string, string, unknown]> = [];
  const revisits: Array<[string, string | null, unknown]> = [];
  goalsMap(doc).forEach((value, key) => {
    const parts = key.split('|');
    const [kind, id = '', a, b] = parts;
    if (!KEY_PATTERN.test(id)) return;
    if (kind === 'person') {
      if (parts.length === 2) {
        if (!isObj(value) || !isTime(value.at) || people.size >= MAX_PEOPLE) return;
        const name = typeof value.name === 'string' ? value.name.slice(0, MAX_NAME_LENGTH) : '';
        const who = readWho(value);
        if (!who) return;
        people.set(id, { key: id, name, ...who, updatedAt: value.at, fields: {}, revisits: {} });
      } else if (parts.length === 3 && a) fields.push([id, a, value]);
      else if (parts.length === 4 && a === 'revisit' && b) revisits.push([id, b, value]);
    } else if (kind === 'agreed') {
      if (parts.length === 2) {
        const g = agreed.size < MAX_AGREED_GOALS ? readAgreed(id, value) : null;
        if (g) agreed.set(id, g);
      } else if (parts.length === 3 && a === 'revisit') revisits.push([id, null, value]);
    }
  });
  // Fields and revisits only count for entries that exist (a goal removed while someone revisited it stays removed).
  for (const [id, field, value] of fields) {
    const p = people.get(id);
    const f = readField(value);
    if (!p || !f || !isPersonField(field)) continue;
    p.fields[field] = f;
    p.updatedAt = Math.max(p.updatedAt, f.at);
  }
  for (const [id, field, value] of revisits) {
    const r = readRevisit(value);
    if (!r) continue;
    if (field === null) {
      const g = agreed.get(id);
      if (g) g.revisit = r;
    } else {
      const p = people.get(id);
      if (p && isRevisitField(field)) p.revisits[field] = r;
    }
  }
  const firstAt = (p: PersonEntry) => Math.min(p.updatedAt, ...Object.values(p.fields).map((f) => f.at));
  return {
    people: [...people.values()].sort((x, y) => firstAt(x) - firstAt(y) || (x.key < y.key ? -1 : 1)),
    agreed: [...agreed.values()].sort((x, y) => HORIZONS.indexOf(x.horizon) - HORIZONS.indexOf(y.horizon) || x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1)),
  };
}

/** Has the person written anything? (An entry whose fields were all emptied is not shown to others.) */
export const hasContent = (p: PersonEntry) => PERSON_FIELDS.some((f) => (p.fields[f]?.text.trim() ?? '') !== '');

/**
 * Goals written per role, for the equal-voice meter: each agreed goal counts
 * for the role that proposed it, and each filled-in field of a personal entry
 * (brings / expects / short / long) for the role of whoever wrote it last.
 * Revisits at the end are judgements of what was written, not counted.
 */
export function goalsByRole(state: GoalsState): Partial<Record<RoleId, number>> {
  const out: Partial<Record<RoleId, number>> = {};
  const add = (role: RoleId) => (out[role] = (out[role] ?? 0) + 1);
  for (const g of state.agreed) add(g.role);
  for (const p of state.people) for (const f of PERSON_FIELDS) if (p.fields[f]?.text.trim()) add(p.fields[f].role);
  return out;
}

/* ---------- writing (checked: bad input throws GoalsError and changes nothing) ---------- */

function checkKey(id: string, what: string): void {
  if (!KEY_PATTERN.test(id)) throw new GoalsError(`${what} must be 8–64 letters, digits, - or _`);
}

function checkAuthor(a: Author): void {
  if (!isRoleId(a.role)) throw new GoalsError('unknown role');
  if (typeof a.name !== 'string' || a.name.length > MAX_NAME_LENGTH) throw new GoalsError(`a name is at most ${MAX_NAME_LENGTH} characters`);
}

const whoValue = (a: Author) => ({ name: a.name, role: a.role, ...(a.role === 'other' && a.roleText ? { roleText: a.roleText.slice(0, MAX_ROLE_TEXT_LENGTH) } : {}) });

/**
 * Writes one field of a person's entry. `owner` is given when people write their
 * own entry (it records their current name and role); when someone edits
 * another person's entry it is null and the entry must exist. An empty text
 * removes the field.
 */
export function writePersonField(
  doc: Y.Doc,
  personKey: string,
  field: PersonField,
  text: string,
  editor: RoleId,
  owner: Author | null,
  origin?: unknown,
  now = Date.now(),
): void {
  checkKey(personKey, 'a person key');
  if (!isPersonField(field)) throw new GoalsError('unknown field');
  if (typeof text !== 'string') throw new GoalsError('text must be a string');
  if (text.length > MAX_FIELD_LENGTH) throw new GoalsError(`a field is at most ${MAX_FIELD_LENGTH} characters`);
  if (!isRoleId(editor)) throw new GoalsError('unknown role');
  const m = goalsMap(doc);
  if (owner) checkAuthor(owner);
  else if (!m.has(`person|${personKey}`)) throw new GoalsError('no such entry');
  doc.transact(() => {
    if (owner) m.set(`person|${personKey}`, { ...whoValue(owner), name: publicName(doc, owner.name), at: now });
    const key = `person|${personKey}|${field}`;
    if (text === '') m.delete(key);
    else m.set(key, { text, at: now, role: editor });
  }, origin);
}

export type RevisitTarget = { kind: 'person'; key: string; field: RevisitField } | { kind: 'agreed'; id: string };

const revisitKey = (t: RevisitTarget) => (t.kind === 'person' ? `person|${t.key}|revisit|${t.field}` : `agreed|${t.id}|revisit`);

/** Marks an expectation or goal when the group looks back; status null (and no note) clears the mark. */
export function setRevisit(doc: Y.Doc, target: RevisitTarget, status: RevisitStatus | null, note: string, role: RoleId, origin?: unknown, now = Date.now()): void {
  if (target.kind === 'person') {
    checkKey(target.key, 'a person key');
    if (!isRevisitField(target.field)) throw new GoalsError('only expectations and goals can be revisited');
  } else checkKey(target.id, 'a goal id');
  if (status !== null && !isRevisitStatus(status)) throw new GoalsError('unknown revisit status');
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) throw new GoalsError(`a note is at most ${MAX_NOTE_LENGTH} characters`);
  if (status === null && note.trim() !== '') throw new GoalsError('choose a status for the note');
  if (!isRoleId(role)) throw new GoalsError('unknown role');
  const m = goalsMap(doc);
  if (!m.has(target.kind === 'person' ? `person|${target.key}` : `agreed|${target.id}`)) throw new GoalsError('nothing to revisit there');
  doc.transact(() => {
    if (status === null) m.delete(revisitKey(target));
    else m.set(revisitKey(target), { status, note, at: now, role });
  }, origin);
}

function checkGoalText(text: string): string {
  if (typeof text !== 'string') throw new GoalsError('a goal must be text');
  const clean = text.trim();
  if (!clean) throw new GoalsError('a goal cannot be empty');
  if (clean.length > MAX_GOAL_LENGTH) throw new GoalsError(`a goal is at most ${MAX_GOAL_LENGTH} characters`);
  return clean;
}

/** Adds an agreed goal of the group; returns its id. */
export function addAgreedGoal(doc: Y.Doc, input: { horizon: Horizon; text: string; author: Author }, origin?: unknown, now = Date.now(), id = randomId(12)): string {
  if (!isHorizon(input.horizon)) throw new GoalsError('a goal is short-term or long-term');
  const text = checkGoalText(input.text);
  checkAuthor(input.author);
  checkKey(id, 'a goal id');
  if (readGoals(doc).agreed.length >= MAX_AGREED_GOALS) throw new GoalsError(`at most ${MAX_AGREED_GOALS} agreed goals`);
  const { name: _name, ...who } = whoValue(input.author);
  doc.transact(() => goalsMap(doc).set(`agreed|${id}`, { horizon: input.horizon, text, ...who, at: now, updatedAt: now }), origin);
  return id;
}

/** Rewords an agreed goal or moves it to the other horizon; who proposed it stays. */
export function editAgreedGoal(doc: Y.Doc, id: string, patch: { text?: string; horizon?: Horizon }, origin?: unknown, now = Date.now()): void {
  checkKey(id, 'a goal id');
  const m = goalsMap(doc);
  const current = readAgreed(id, m.get(`agreed|${id}`));
  if (!current) throw new GoalsError('no such goal');
  const text = patch.text === undefined ? current.text : checkGoalText(patch.text);
  if (patch.horizon !== undefined && !isHorizon(patch.horizon)) throw new GoalsError('a goal is short-term or long-term');
  const horizon = patch.horizon ?? current.horizon;
  const who = { role: current.role, ...(current.roleText ? { roleText: current.roleText } : {}) };
  doc.transact(() => m.set(`agreed|${id}`, { horizon, text, ...who, at: current.createdAt, updatedAt: Math.max(now, current.createdAt) }), origin);
}

/** Removes an agreed goal and its revisit mark. */
export function removeAgreedGoal(doc: Y.Doc, id: string, origin?: unknown): void {
  checkKey(id, 'a goal id');
  const m = goalsMap(doc);
  if (!m.has(`agreed|${id}`)) throw new GoalsError('no such goal');
  doc.transact(() => {
    m.delete(`agreed|${id}`);
    m.delete(`agreed|${id}|revisit`);
  }, origin);
}

/* ---------- looking back ---------- */

export interface RevisitCounts {
  /** How many there are to revisit. */
  total: number;
  revisited: number;
  met: number;
  partly: number;
  notMet: number;
  changed: number;
}

const emptyCounts = (): RevisitCounts => ({ total: 0, revisited: 0, met: 0, partly: 0, notMet: 0, changed: 0 });

function count(c: RevisitCounts, r: Revisit | null | undefined): void {
  c.total++;
  if (!r) return;
  c.revisited++;
  if (r.status === 'met') c.met++;
  else if (r.status === 'partly') c.partly++;
  else if (r.status === 'not-met') c.notMet++;
  else c.changed++;
}

/**
 * "4 of 6 agreed goals met": counts per status for the agreed goals and for
 * people's written expectations and goals (empty fields are not counted).
 */
export function revisitSummary(state: GoalsState): { agreed: RevisitCounts; personal: RevisitCounts } {
  const agreed = emptyCounts();
  const personal = emptyCounts();
  for (const g of state.agreed) count(agreed, g.revisit);
  for (const p of state.people) for (const f of REVISIT_FIELDS) if (p.fields[f]?.text.trim()) count(personal, p.revisits[f]);
  return { agreed, personal };
}

/** Removes the names of people's goal entries (role and per-device key stay), for an anonymous export; run on a copy. */
export function stripGoalNames(doc: Y.Doc): void {
  doc.transact(() => {
    goalsMap(doc).forEach((v, key) => {
      if (isObj(v) && typeof v.name === 'string' && v.name !== '') goalsMap(doc).set(key, { ...v, name: '' });
    });
  });
}
