import type * as Y from 'yjs';
import { randomId } from '../ids';
import { isRoleId, type RoleId } from '../roles';
import { isRecord, isTime } from '../doc/readers';

/**
 * The action plan (issue 16; docs/cocreation.md, "Action plan"): what will be
 * done, by whom, by when, and how it stands. Each action comes from a decision
 * or an idea. Everyone edits everything (equal rights).
 *
 * Root map `actions`, one flat key per field so that two people editing
 * different fields of one action at once both keep their change:
 *
 *   action|<id>            → { source: { kind: 'decision' | 'idea', id }, at, role }
 *   field|<id>|what        → { value, at, role }    what is to be done
 *   field|<id>|who         → { value, at, role }    a person or an organisation/role (free text)
 *   field|<id>|whoKind     → { value: 'person' | 'organisation', at, role }
 *   field|<id>|due         → { value: 'YYYY-MM-DD' | '', at, role }
 *   field|<id>|status      → { value: planned | underway | done | dropped, at, role }
 *   removed|<id>           → { at, role }
 *
 * `role` is the role of whoever wrote the field last. A person owner's name is
 * removed from anonymous exports; an organisation stays (it is not a
 * participant). Everything read is untrusted: readers skip malformed entries.
 */
export const ACTIONS_KEY = 'actions';
export const actionsMap = (doc: Y.Doc) => doc.getMap<unknown>(ACTIONS_KEY);

export const ACTION_STATUSES = ['planned', 'underway', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OWNER_KINDS = ['person', 'organisation'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export const ACTION_FIELDS = ['what', 'who', 'whoKind', 'due', 'status'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const MAX_WHAT = 300;
export const MAX_WHO = 120;
export const MAX_ACTIONS = 500;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isActionStatus = (v: unknown): v is ActionStatus => typeof v === 'string' && (ACTION_STATUSES as readonly string[]).includes(v);
export const isOwnerKind = (v: unknown): v is OwnerKind => typeof v === 'string' && (OWNER_KINDS as readonly string[]).includes(v);

/** A calendar day 'YYYY-MM-DD' that exists (2026-02-30 does not). */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !DAY_PATTERN.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export class ActionError extends Error {
  override name = 'ActionError';
}

export interface ActionSource {
  kind: 'decision' | 'idea';
  id: string;
}

export interface Action {
  id: string;
  source: ActionSource;
  what: string;
  who: string;
  whoKind: OwnerKind;
  /** 'YYYY-MM-DD' or '' (no due date). */
  due: string;
  status: ActionStatus;
  /** When the status was last set (the creation time while never changed). */
  statusAt: number;
  createdAt: number;
  updatedAt: number;
  /** Role of whoever last changed it. */
  role: RoleId;
}

/** How an action stands on a given day: late = due before that day and neither done nor dropped. */
export type ActionProgress = ActionStatus | 'late';

export function progressOf(a: Pick<Action, 'status' | 'due'>, today: string): ActionProgress {
  if ((a.status === 'planned' || a.status === 'underway') && a.due !== '' && a.due < today) return 'late';
  return a.status;
}

/** Counts per progress, for the evaluation and the story. */
export function actionSummary(actions: readonly Action[], today: string): Record<ActionProgress, number> {
  const out: Record<ActionProgress, number> = { planned: 0, underway: 0, done: 0, dropped: 0, late: 0 };
  for (const a of actions) out[progressOf(a, today)]++;
  return out;
}

/** Today's date as 'YYYY-MM-DD' in local time (what "due today" means to the people in the room). */
export function localDay(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// ---------------------------------------------------------------- reading

interface FieldValue {
  value: unknown;
  at: number;
  role: RoleId;
}

function readField(v: unknown): FieldValue | null {
  if (!isRecord(v) || !isTime(v.at) || !isRoleId(v.role)) return null;
  return { value: v.value, at: v.at, role: v.role };
}

const validValue: Record<ActionField, (v: unknown) => boolean> = {
  what: (v) => typeof v === 'string' && v.length <= MAX_WHAT,
  who: (v) => typeof v === 'string' && v.length <= MAX_WHO,
  whoKind: isOwnerKind,
  due: (v) => v === '' || isDay(v),
  status: isActionStatus,
};

/** Every action not removed, oldest first. Never throws. */
export function readActions(doc: Y.Doc): Action[] {
  const out = new Map<string, Action>();
  const fields: Array<[string, string, FieldValue]> = [];
  const removed = new Set<string>();
  actionsMap(doc).forEach((value, key) => {
    const [kind, id = '', field, ...rest] = key.split('|');
    if (!ID_PATTERN.test(id) || rest.length) return;
    if (kind === 'action' && field === undefined) {
      if (!isRecord(value) || !isTime(value.at) || !isRoleId(value.role) || out.size >= MAX_ACTIONS) return;
      const s = value.source;
      if (!isRecord(s) || (s.kind !== 'decision' && s.kind !== 'idea') || typeof s.id !== 'string' || !ID_PATTERN.test(s.id)) return;
      out.set(id, {
        id,
        source: { kind: s.kind, id: s.id },
        what: '',
        who: '',
        whoKind: 'person',
        due: '',
        status: 'planned',
        statusAt: value.at,
        createdAt: value.at,
        updatedAt: value.at,
        role: value.role,
      });
    } else if (kind === 'field' && field !== undefined) {
      const f = readField(value);
      if (f) fields.push([id, field, f]);
    } else if (kind === 'removed' && field === undefined && isRecord(value) && isTime(value.at)) removed.add(id);
  });
  for (const [id, field, f] of fields) {
    const a = out.get(id);
    if (!a || !(ACTION_FIELDS as readonly string[]).includes(field) || !validValue[field as ActionField](f.value)) continue;
    (a as unknown as Record<string, unknown>)[field] = f.value;
    if (field === 'status') a.statusAt = f.at;
    if (f.at >= a.updatedAt) {
      a.updatedAt = f.at;
      a.role = f.role;
    }
  }
  for (const id of removed) out.delete(id);
  // Without a "what" there is nothing to do yet: such an entry is not an action.
  return [...out.values()].filter((a) => a.what.trim() !== '').sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
}

// ---------------------------------------------------------------- writing

export interface NewAction {
  source: ActionSource;
  what: string;
  who?: string;
  whoKind?: OwnerKind;
  due?: string;
  status?: ActionStatus;
}

function checkValue(field: ActionField, value: unknown): void {
  if (!(ACTION_FIELDS as readonly string[]).includes(field)) throw new ActionError(`unknown field ${String(field).slice(0, 20)}`);
  if (field === 'what' && (typeof value !== 'string' || value.trim() === '')) throw new ActionError('an action needs a "what": what is to be done');
  if (!validValue[field](typeof value === 'string' && field !== 'due' ? value.trim() : value)) {
    const why: Record<ActionField, string> = {
      what: `"what" is at most ${MAX_WHAT} characters`,
      who: `"who" is at most ${MAX_WHO} characters`,
      whoKind: `"whoKind" is one of ${OWNER_KINDS.join(', ')}`,
      due: '"due" is a date YYYY-MM-DD, or empty',
      status: `"status" is one of ${ACTION_STATUSES.join(', ')}`,
    };
    throw new ActionError(why[field]);
  }
}

/** Adds an action; every field is checked first, nothing is written on bad input. Returns its id. */
export function addAction(doc: Y.Doc, input: NewAction, role: RoleId, now: number, origin?: unknown, id = `a-${randomId(10)}`): string {
  if (!isRoleId(role)) throw new ActionError('unknown role');
  if (!isTime(now)) throw new ActionError('now must be a time in ms since the epoch');
  if (!ID_PATTERN.test(id)) throw new ActionError('an action needs a fresh id');
  const s = input.source;
  if (!isRecord(s) || (s.kind !== 'decision' && s.kind !== 'idea') || typeof s.id !== 'string' || !ID_PATTERN.test(s.id)) {
    throw new ActionError('an action comes from a decision or an idea: source {kind: "decision" | "idea", id}');
  }
  const values: Record<ActionField, unknown> = {
    what: input.what,
    who: input.who ?? '',
    whoKind: input.whoKind ?? 'person',
    due: input.due ?? '',
    status: input.status ?? 'planned',
  };
  for (const f of ACTION_FIELDS) checkValue(f, values[f]);
  if (readActions(doc).length >= MAX_ACTIONS) throw new ActionError(`a board has at most ${MAX_ACTIONS} actions`);
  doc.transact(() => {
    const m = actionsMap(doc);
    m.set(`action|${id}`, { source: { kind: s.kind, id: s.id }, at: now, role });
    for (const f of ACTION_FIELDS) m.set(`field|${id}|${f}`, { value: typeof values[f] === 'string' ? (values[f] as string).trim() : values[f], at: now, role });
  }, origin);
  return id;
}

/** Changes one field of an existing action (anyone may). */
export function setActionField(doc: Y.Doc, id: string, field: ActionField, value: string, role: RoleId, now: number, origin?: unknown): void {
  if (!isRoleId(role)) throw new ActionError('unknown role');
  if (!isTime(now)) throw new ActionError('now must be a time in ms since the epoch');
  checkValue(field, value);
  if (!readActions(doc).some((a) => a.id === id)) throw new ActionError('no such action');
  doc.transact(() => actionsMap(doc).set(`field|${id}|${field}`, { value: value.trim(), at: now, role }), origin);
}

export function removeAction(doc: Y.Doc, id: string, role: RoleId, now: number, origin?: unknown): void {
  if (!isRoleId(role)) throw new ActionError('unknown role');
  if (!readActions(doc).some((a) => a.id === id)) throw new ActionError('no such action');
  doc.transact(() => actionsMap(doc).set(`removed|${id}`, { at: now, role }), origin);
}

/** Empties owners that are people (organisations stay), for an anonymous export; run on a copy. */
export function stripActionNames(doc: Y.Doc): void {
  const m = actionsMap(doc);
  doc.transact(() => {
    for (const a of readActions(doc)) {
      if (a.whoKind === 'person' && a.who !== '') m.set(`field|${a.id}|who`, { value: '', at: a.updatedAt, role: a.role });
    }
  });
}
