import type * as Y from 'yjs';
import { randomId } from '../ids';
import { getItem } from '../model/board';
import { isDamaged } from '../model/validate';
import { isRoleId, type RoleId } from '../roles';
import { isRecord, isTime } from '../doc/readers';
import { namesHidden, publicName } from './names';
import { consent, readPerson, type Consent, type Person } from './session';
import type { RoleCounts } from './votes';

/**
 * Decisions by consent (issue 16; docs/cocreation.md, "Decisions"). Anyone
 * proposes that an idea, several ideas or a frame of ideas is decided, with a
 * short wording; it becomes a decision when every person present has signalled
 * ready — the consent rule of moving between phases (session.ts `consent`).
 * A decision is revisited the same way: a proposal to reword or revoke it.
 *
 * Root map `decisions`, flat keys → plain JSON (concurrent writers never lose
 * each other's entries; nothing nested is created concurrently):
 *
 *   proposal|<id>          → { kind: 'decide', wording, ideas, frame, by, at }
 *                          | { kind: 'revisit', decision, wording, by, at }   (wording '' = revoke)
 *   ready|<id>|<person>    → boolean   ("ready" / "not yet")
 *   closed|<id>            → { outcome: 'agreed' | 'withdrawn', at, roles, names }
 *
 * A decision is a 'decide' proposal closed as agreed; its id is the proposal's.
 * `roles` counts the people present when it was agreed, per role; `names`
 * holds their names only when the board showed names at that moment.
 * Several proposals can be open at once (each about its own ideas).
 * Everything read is untrusted: malformed entries are skipped, reading never throws.
 */
export const DECISIONS_KEY = 'decisions';
export const decisionsMap = (doc: Y.Doc) => doc.getMap<unknown>(DECISIONS_KEY);

export const MAX_WORDING = 300;
export const MAX_DECISION_IDEAS = 50;
export const MAX_OPEN_DECISION_PROPOSALS = 20;
/** Readers stop after this many proposals (a hostile document cannot make the panel render millions). */
export const MAX_DECISION_PROPOSALS = 2000;
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type DecisionErrorCode = 'wording-empty' | 'wording-long' | 'no-ideas' | 'unknown-idea' | 'too-many-open' | 'not-open' | 'unknown-decision' | 'person' | 'time';

/** Bad input: nothing was written. The code maps to a UI text. */
export class DecisionError extends Error {
  constructor(
    readonly code: DecisionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecisionError';
  }
}


export type DecisionProposal =
  | { id: string; kind: 'decide'; wording: string; ideas: string[]; frame: string | null; by: Person; at: number }
  | { id: string; kind: 'revisit'; decision: string; wording: string; by: Person; at: number };

export interface ClosedProposal {
  outcome: 'agreed' | 'withdrawn';
  at: number;
  /** People present when it was agreed, per role (empty when withdrawn). */
  roles: RoleCounts;
  /** Their names, only if the board showed names then. */
  names: string[];
}

export interface Revision {
  proposal: string;
  /** The new wording; '' = revoked. */
  wording: string;
  at: number;
  roles: RoleCounts;
  names: string[];
}

export interface Decision {
  id: string;
  /** The wording in force (the latest agreed revision's), or the last one before it was revoked. */
  wording: string;
  /** The wording agreed first. */
  original: string;
  ideas: string[];
  frame: string | null;
  decidedAt: number;
  /** Who was present when it was decided. */
  roles: RoleCounts;
  names: string[];
  proposedBy: Person;
  revoked: boolean;
  /** Agreed revisions, oldest first. */
  revisions: Revision[];
}

export interface OpenDecisionProposal {
  proposal: DecisionProposal;
  marks: Map<string, boolean>;
}

export interface DecisionsState {
  /** Open proposals, oldest first. */
  open: OpenDecisionProposal[];
  /** Decisions, oldest first. */
  decisions: Decision[];
}

// ---------------------------------------------------------------- reading

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

function readWording(v: unknown, allowEmpty: boolean): string | null {
  if (typeof v !== 'string' || v.length > MAX_WORDING) return null;
  const t = v.trim();
  return t || allowEmpty ? t : null;
}

export function readDecisionProposal(id: string, v: unknown): DecisionProposal | null {
  if (!isId(id) || !isRecord(v) || !isTime(v.at)) return null;
  const by = readPerson(v.by);
  if (!by) return null;
  if (v.kind === 'decide') {
    const wording = readWording(v.wording, false);
    const ideas = Array.isArray(v.ideas) ? v.ideas.filter(isId).slice(0, MAX_DECISION_IDEAS) : [];
    const frame = isId(v.frame) ? v.frame : null;
    if (wording === null || (ideas.length === 0 && frame === null)) return null;
    return { id, kind: 'decide', wording, ideas, frame, by, at: v.at };
  }
  if (v.kind === 'revisit' && isId(v.decision)) {
    const wording = readWording(v.wording, true);
    if (wording === null) return null;
    return { id, kind: 'revisit', decision: v.decision, wording, by, at: v.at };
  }
  return null;
}

function readRoleCounts(v: unknown): RoleCounts {
  const out: RoleCounts = {};
  if (!isRecord(v)) return out;
  for (const [k, n] of Object.entries(v)) {
    if (isRoleId(k) && typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 100_000) out[k as RoleId] = n;
  }
  return out;
}

function readClosed(v: unknown): ClosedProposal | null {
  if (!isRecord(v) || (v.outcome !== 'agreed' && v.outcome !== 'withdrawn') || !isTime(v.at)) return null;
  const names = Array.isArray(v.names) ? v.names.filter((n): n is string => typeof n === 'string' && n.length <= 80 && n.trim() !== '').slice(0, 500) : [];
  return { outcome: v.outcome, at: v.at, roles: v.outcome === 'agreed' ? readRoleCounts(v.roles) : {}, names: v.outcome === 'agreed' ? names : [] };
}

const byTime = <T extends { at: number; id: string }>(a: T, b: T) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Everything in the `decisions` map, malformed entries skipped. Never throws. */
export function readDecisions(doc: Y.Doc): DecisionsState {
  const proposals = new Map<string, DecisionProposal>();
  const closed = new Map<string, ClosedProposal>();
  const marks = new Map<string, Map<string, boolean>>();
  decisionsMap(doc).forEach((value, key) => {
    const [kind, id = '', person, ...rest] = key.split('|');
    if (rest.length) return;
    if (kind === 'proposal' && person === undefined && proposals.size < MAX_DECISION_PROPOSALS) {
      const p = readDecisionProposal(id, value);
      if (p) proposals.set(id, p);
    } else if (kind === 'closed' && person === undefined) {
      const c = readClosed(value);
      if (c && isId(id)) closed.set(id, c);
    } else if (kind === 'ready' && person !== undefined && PERSON_KEY_PATTERN.test(person) && typeof value === 'boolean') {
      let m = marks.get(id);
      if (!m) marks.set(id, (m = new Map()));
      m.set(person, value);
    }
  });
  const decisions = new Map<string, Decision>();
  const sorted = [...proposals.values()].sort(byTime);
  for (const p of sorted) {
    const c = closed.get(p.id);
    if (p.kind !== 'decide' || c?.outcome !== 'agreed') continue;
    decisions.set(p.id, {
      id: p.id,
      wording: p.wording,
      original: p.wording,
      ideas: p.ideas,
      frame: p.frame,
      decidedAt: c.at,
      roles: c.roles,
      names: c.names,
      proposedBy: p.by,
      revoked: false,
      revisions: [],
    });
  }
  // Revisions apply in the order they were agreed; one agreed after a revocation brings the decision back.
  const revisions = sorted
    .filter((p): p is Extract<DecisionProposal, { kind: 'revisit' }> => p.kind === 'revisit' && closed.get(p.id)?.outcome === 'agreed')
    .map((p) => ({ p, c: closed.get(p.id) as ClosedProposal }))
    .sort((a, b) => a.c.at - b.c.at || (a.p.id < b.p.id ? -1 : 1));
  for (const { p, c } of revisions) {
    const d = decisions.get(p.decision);
    if (!d || c.at < d.decidedAt) continue;
    d.revisions.push({ proposal: p.id, wording: p.wording, at: c.at, roles: c.roles, names: c.names });
    d.revoked = p.wording === '';
    if (p.wording) d.wording = p.wording;
  }
  const open = sorted
    .filter((p) => !closed.has(p.id) && (p.kind === 'decide' || decisions.has(p.decision)))
    .map((p) => ({ proposal: p, marks: marks.get(p.id) ?? new Map<string, boolean>() }));
  return { open, decisions: [...decisions.values()].sort((a, b) => a.decidedAt - b.decidedAt || (a.id < b.id ? -1 : 1)) };
}

/** Where the open proposal stands with the people present (the consent rule of phases). */
export function decisionConsent(open: OpenDecisionProposal, present: readonly Person[]): Consent {
  // session.consent only reads `by` of the proposal.
  return consent({ id: open.proposal.id, kind: 'timer', minutes: 1, by: open.proposal.by, at: open.proposal.at }, open.marks, present);
}

/** Decisions that name an idea among those they came from. */
export function decisionsOfIdea(state: DecisionsState, ideaId: string): Decision[] {
  return state.decisions.filter((d) => d.ideas.includes(ideaId));
}

// ---------------------------------------------------------------- writing

function checkBy(by: Person): void {
  if (!readPerson(by)) throw new DecisionError('person', 'a proposal needs a person with a key of 16–64 URL-safe characters and a role');
}

function checkNow(now: number): void {
  if (!isTime(now)) throw new DecisionError('time', 'now must be a time in ms since the epoch');
}

function checkWording(w: string, allowEmpty: boolean): string {
  if (typeof w !== 'string') throw new DecisionError('wording-empty', 'the wording must be text');
  const t = w.trim();
  if (!t && !allowEmpty) throw new DecisionError('wording-empty', 'a decision needs a short wording');
  if (t.length > MAX_WORDING) throw new DecisionError('wording-long', `a decision's wording has at most ${MAX_WORDING} characters`);
  return t;
}

function checkRoomForProposal(doc: Y.Doc): void {
  if (readDecisions(doc).open.length >= MAX_OPEN_DECISION_PROPOSALS) {
    throw new DecisionError('too-many-open', `at most ${MAX_OPEN_DECISION_PROPOSALS} decision proposals can be open at once; decide or withdraw some first`);
  }
}

const personValue = (doc: Y.Doc, by: Person) => ({ key: by.key, role: by.role, name: publicName(doc, by.name), ...(by.role === 'other' && by.roleText ? { roleText: by.roleText } : {}) });

/**
 * Proposes that ideas (or a frame of ideas) are decided. Every id must be an
 * idea on the board, the frame a frame. Returns the proposal's id.
 */
export function proposeDecision(
  doc: Y.Doc,
  input: { wording: string; ideas: readonly string[]; frame?: string | null },
  by: Person,
  now: number,
  origin?: unknown,
  id = `d-${randomId(10)}`,
): string {
  checkBy(by);
  checkNow(now);
  const wording = checkWording(input.wording, false);
  const ideas = [...new Set(input.ideas)];
  const frame = input.frame ?? null;
  if (ideas.length === 0 && frame === null) throw new DecisionError('no-ideas', 'a decision comes from at least one idea or a frame of ideas');
  if (ideas.length > MAX_DECISION_IDEAS) throw new DecisionError('no-ideas', `a decision comes from at most ${MAX_DECISION_IDEAS} ideas`);
  for (const ideaId of ideas) {
    const item = isId(ideaId) ? getItem(doc, ideaId) : null;
    if (!item || isDamaged(item) || item.kind !== 'idea') throw new DecisionError('unknown-idea', `${String(ideaId).slice(0, 64)} is not an idea on this board`);
  }
  if (frame !== null) {
    const item = isId(frame) ? getItem(doc, frame) : null;
    if (!item || isDamaged(item) || item.kind !== 'frame') throw new DecisionError('unknown-idea', `${String(frame).slice(0, 64)} is not a frame on this board`);
  }
  if (!isId(id)) throw new DecisionError('not-open', 'a proposal needs a fresh id');
  checkRoomForProposal(doc);
  doc.transact(() => decisionsMap(doc).set(`proposal|${id}`, { kind: 'decide', wording, ideas, frame, by: personValue(doc, by), at: now }), origin);
  return id;
}

/** Proposes to reword a decision, or to revoke it (wording ''). Returns the proposal's id. */
export function proposeRevisit(doc: Y.Doc, decisionId: string, wording: string, by: Person, now: number, origin?: unknown, id = `r-${randomId(10)}`): string {
  checkBy(by);
  checkNow(now);
  const w = checkWording(wording, true);
  const d = readDecisions(doc).decisions.find((x) => x.id === decisionId);
  if (!d) throw new DecisionError('unknown-decision', `no decision ${String(decisionId).slice(0, 64)} on this board`);
  if (w === '' && d.revoked) throw new DecisionError('wording-empty', 'the decision is already revoked; propose a wording to bring it back');
  if (!isId(id)) throw new DecisionError('not-open', 'a proposal needs a fresh id');
  checkRoomForProposal(doc);
  doc.transact(() => decisionsMap(doc).set(`proposal|${id}`, { kind: 'revisit', decision: decisionId, wording: w, by: personValue(doc, by), at: now }), origin);
  return id;
}

function openOne(doc: Y.Doc, proposalId: string): OpenDecisionProposal {
  const open = readDecisions(doc).open.find((o) => o.proposal.id === proposalId);
  if (!open) throw new DecisionError('not-open', 'that proposal is no longer open');
  return open;
}

/** My "ready" / "not yet" on an open proposal. */
export function setDecisionReady(doc: Y.Doc, proposalId: string, personKey: string, ready: boolean, origin?: unknown): void {
  if (!PERSON_KEY_PATTERN.test(personKey)) throw new DecisionError('person', 'bad person key');
  openOne(doc, proposalId);
  doc.transact(() => decisionsMap(doc).set(`ready|${proposalId}|${personKey}`, ready), origin);
}

/** Anyone may withdraw an open proposal. */
export function withdrawDecision(doc: Y.Doc, proposalId: string, now: number, origin?: unknown): void {
  checkNow(now);
  openOne(doc, proposalId);
  doc.transact(() => decisionsMap(doc).set(`closed|${proposalId}`, { outcome: 'withdrawn', at: now }), origin);
}

/**
 * Makes an open proposal a decision (or applies a revision) when every person
 * present has signalled ready, in one transaction. Every client that sees
 * consent calls this; concurrent calls write the same key with the same
 * meaning. Returns whether this call applied it.
 */
export function applyDecision(doc: Y.Doc, proposalId: string, present: readonly Person[], now: number, origin?: unknown): boolean {
  checkNow(now);
  let applied = false;
  doc.transact(() => {
    const open = readDecisions(doc).open.find((o) => o.proposal.id === proposalId);
    if (!open || !decisionConsent(open, present).passed) return;
    const roles: RoleCounts = {};
    for (const p of present) roles[p.role] = (roles[p.role] ?? 0) + 1;
    const names = namesHidden(doc) ? [] : present.map((p) => p.name.trim()).filter(Boolean).sort();
    decisionsMap(doc).set(`closed|${proposalId}`, { outcome: 'agreed', at: now, roles, names });
    applied = true;
  }, origin);
  return applied;
}

/** Removes every name the map holds (roles and keys stay), for an anonymous export; run on a copy. */
export function stripDecisionNames(doc: Y.Doc): void {
  const m = decisionsMap(doc);
  doc.transact(() => {
    m.forEach((value, key) => {
      if (!isRecord(value)) return;
      if (key.startsWith('proposal|') && isRecord(value.by) && typeof value.by.name === 'string' && value.by.name !== '') {
        m.set(key, { ...value, by: { ...value.by, name: '' } });
      } else if (key.startsWith('closed|') && Array.isArray(value.names) && value.names.length > 0) {
        m.set(key, { ...value, names: [] });
      }
    });
  });
}
