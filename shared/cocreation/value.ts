import type * as Y from 'yjs';
import { getItem } from '../model/board';
import { isDamaged } from '../model/validate';
import { isRoleId, type RoleId } from '../roles';
import { groupRoles, type GroupCounts, type GroupId } from './smallRoles';

/**
 * The value triad (manifesto ingredient 4; docs/cocreation-value.md): every
 * participant may rate each idea for its personal, collective and societal
 * value, 1–5 per level. Ratings are shown by role only, never by name.
 *
 * Storage: root map `value`, one flat key per idea and person,
 * `<ideaId>|<personKey>` → `{ personal, collective, societal, role, at }`.
 * Flat keys (not a nested map per idea) so two people rating the same idea at
 * the same moment never lose one of the ratings; the same person (same
 * personKey, e.g. a second tab) replaces their own rating (last writer wins).
 */

export const VALUE_KEY = 'value';
export const VALUE_LEVELS = ['personal', 'collective', 'societal'] as const;
export type ValueLevel = (typeof VALUE_LEVELS)[number];
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** A public, random per-device key (never the secret voter id). */
export const PERSON_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const IDEA_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** "Broad value": value at all three levels, seen by several roles, and low for none of them. */
export const BROAD_MIN_ROLES = 2;
/** …every level's equal-weight mean at least this… */
export const BROAD_MIN_LEVEL = 3.5;
/** …and every rating role's own mean over its levels at least the middle of the scale. */
export const BROAD_MIN_ROLE_MEAN = 3;

export type Scores = Record<ValueLevel, number | null>;

export interface ValueRating extends Scores {
  ideaId: string;
  personKey: string;
  role: RoleId;
  at: number;
}

export interface LevelStats {
  /** Mean of the ratings given for this level, or null when nobody rated it. */
  mean: number | null;
  /** How many rated this level. */
  n: number;
}

/** One shown row: a role, or the merged "other roles" group (smallRoles.ts). */
export interface RoleValue {
  role: GroupId;
  /** The roles whose ratings are in the row: one, or several for MERGED. */
  roles: RoleId[];
  /** People in the row who rated the idea (any level). */
  raters: number;
  levels: Record<ValueLevel, LevelStats>;
}

export interface IdeaValue {
  ideaId: string;
  /** In the manifesto's role order (ROLE_IDS), the merged group last; empty when withheld. */
  byRole: RoleValue[];
  raters: number;
  /** Per level: the mean of the row means (each row that rated the level weighs the same); when withheld, the mean of all ratings. */
  overall: Record<ValueLevel, number | null>;
  /** Mean of the three overall levels that have a value; null when none has. */
  score: number | null;
  broad: boolean;
  /** The roles in the merged "other roles" row; empty when there is none. */
  merged: RoleId[];
  /** No row per role at all: too few raters per role to show one without revealing a rating. */
  withheld: boolean;
}

export class ValueError extends Error {
  override name = 'ValueError';
}

export const valueMap = (doc: Y.Doc) => doc.getMap<unknown>(VALUE_KEY);

export const ratingKey = (ideaId: string, personKey: string) => `${ideaId}|${personKey}`;

/** Splits `<ideaId>|<personKey>`; null when either part is malformed. */
export function parseRatingKey(key: string): { ideaId: string; personKey: string } | null {
  const bar = key.indexOf('|');
  if (bar < 0) return null;
  const ideaId = key.slice(0, bar);
  const personKey = key.slice(bar + 1);
  return IDEA_ID_PATTERN.test(ideaId) && PERSON_KEY_PATTERN.test(personKey) ? { ideaId, personKey } : null;
}

const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= MIN_SCORE && v <= MAX_SCORE;

/**
 * Reads one stored entry (untrusted); null when malformed. A level must be
 * null/absent or a finite number; numbers are rounded and clamped to 1–5, so a
 * buggy or hostile peer can never move a mean outside the scale. Any other
 * type, an unknown role or an entry with no level rated skips the entry.
 */
export function readRating(key: string, value: unknown): ValueRating | null {
  const k = parseRatingKey(key);
  if (!k || typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isRoleId(v.role)) return null;
  const scores = {} as Scores;
  for (const level of VALUE_LEVELS) {
    const s = v[level];
    if (s === undefined || s === null) scores[level] = null;
    else if (typeof s === 'number' && Number.isFinite(s)) scores[level] = Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(s)));
    else return null;
  }
  if (VALUE_LEVELS.every((l) => scores[l] === null)) return null;
  const at = typeof v.at === 'number' && Number.isFinite(v.at) && v.at >= 0 ? v.at : 0;
  return { ...k, role: v.role, ...scores, at };
}

/** Every valid rating in the document, whatever it rates (see aggregateBoard for live ideas only). */
export function readRatings(doc: Y.Doc): ValueRating[] {
  const out: ValueRating[] = [];
  valueMap(doc).forEach((value, key) => {
    const r = readRating(key, value);
    if (r) out.push(r);
  });
  return out;
}

export function myRating(doc: Y.Doc, ideaId: string, personKey: string): ValueRating | null {
  const key = ratingKey(ideaId, personKey);
  return readRating(key, valueMap(doc).get(key));
}

function isIdea(doc: Y.Doc, id: string): boolean {
  const item = getItem(doc, id);
  return item !== null && !isDamaged(item) && item.kind === 'idea' && !item.template;
}

/**
 * Sets (part of) my rating of an idea. Levels not named in `scores` keep my
 * earlier value; `null` un-rates a level; when no level is left the rating is
 * removed. Bad input throws ValueError before anything is written.
 */
export function setRating(
  doc: Y.Doc,
  ideaId: string,
  personKey: string,
  role: RoleId,
  scores: Partial<Record<ValueLevel, number | null>>,
  origin?: unknown,
  now = Date.now(),
): void {
  if (!PERSON_KEY_PATTERN.test(personKey)) throw new ValueError('invalid person key');
  if (!isRoleId(role)) throw new ValueError(`unknown role "${String(role)}"`);
  if (typeof scores !== 'object' || scores === null) throw new ValueError('scores must be an object');
  for (const [level, s] of Object.entries(scores)) {
    if (!(VALUE_LEVELS as readonly string[]).includes(level)) throw new ValueError(`unknown level "${level.slice(0, 40)}"`);
    if (s !== null && s !== undefined && !isScore(s)) throw new ValueError(`${level} must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}, or empty`);
  }
  if (!IDEA_ID_PATTERN.test(ideaId) || !isIdea(doc, ideaId)) throw new ValueError(`${ideaId.slice(0, 64)} is not an idea on this board`);
  const before = myRating(doc, ideaId, personKey);
  const next: Scores = { personal: null, collective: null, societal: null };
  for (const level of VALUE_LEVELS) {
    const s = scores[level];
    next[level] = s === undefined ? (before?.[level] ?? null) : s;
  }
  const key = ratingKey(ideaId, personKey);
  doc.transact(() => {
    if (VALUE_LEVELS.every((l) => next[l] === null)) valueMap(doc).delete(key);
    else valueMap(doc).set(key, { ...next, role, at: now });
  }, origin);
}

export function clearRating(doc: Y.Doc, ideaId: string, personKey: string, origin?: unknown): void {
  const key = ratingKey(ideaId, personKey);
  if (!valueMap(doc).has(key)) return;
  doc.transact(() => valueMap(doc).delete(key), origin);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

function levelStats(rs: readonly ValueRating[]): Record<ValueLevel, LevelStats> {
  const levels = {} as Record<ValueLevel, LevelStats>;
  for (const level of VALUE_LEVELS) {
    const xs = rs.map((r) => r[level]).filter((s): s is number => s !== null);
    levels[level] = { mean: mean(xs), n: xs.length };
  }
  return levels;
}

/**
 * One idea's ratings → per row the mean of each level and the raters, and an
 * overall per level where each row weighs the same (like equal weight in
 * voting: five politicians do not outweigh one citizen). Rows are the groups
 * of the small-role rule (smallRoles.ts; raters are people, one rating each):
 * a role with a single rater has no row, its rating is in "other roles". The
 * overall and "broad value" are computed from the rows shown, never from the
 * roles inside the merged row: a mean of role means next to the merged row's
 * mean would give back the one rater's rating (docs/cocreation-value.md).
 */
export function aggregateIdea(ideaId: string, ratings: readonly ValueRating[]): IdeaValue {
  const mine = ratings.filter((r) => r.ideaId === ideaId);
  const people: GroupCounts = {};
  for (const r of mine) people[r.role] = (people[r.role] ?? 0) + 1;
  const g = groupRoles(people);
  const byRole: RoleValue[] = g.groups.map((group) => {
    const rs = mine.filter((r) => g.groupOf.get(r.role) === group.id);
    return { role: group.id, roles: group.roles, raters: rs.length, levels: levelStats(rs) };
  });
  const overall = {} as Record<ValueLevel, number | null>;
  const all = levelStats(mine);
  for (const level of VALUE_LEVELS) {
    // Withheld: everyone is one row, so the overall is the plain mean of all ratings.
    overall[level] = g.withheld ? all[level].mean : mean(byRole.map((r) => r.levels[level].mean).filter((m): m is number => m !== null));
  }
  const score = mean(VALUE_LEVELS.map((l) => overall[l]).filter((m): m is number => m !== null));
  const rowMeans = byRole.map((r) => mean(VALUE_LEVELS.map((l) => r.levels[l].mean).filter((m): m is number => m !== null)) ?? 0);
  const broad =
    byRole.length >= BROAD_MIN_ROLES &&
    VALUE_LEVELS.every((l) => (overall[l] ?? 0) >= BROAD_MIN_LEVEL) &&
    rowMeans.every((m) => m >= BROAD_MIN_ROLE_MEAN);
  return { ideaId, byRole, raters: mine.length, overall, score, broad, merged: g.merged, withheld: g.withheld };
}

/**
 * Aggregates for every rated idea that still exists as an (undamaged) idea:
 * ratings of deleted items, or of items that are not ideas, are ignored.
 */
export function aggregateBoard(doc: Y.Doc): Map<string, IdeaValue> {
  const byIdea = new Map<string, ValueRating[]>();
  for (const r of readRatings(doc)) {
    const g = byIdea.get(r.ideaId);
    if (g) g.push(r);
    else byIdea.set(r.ideaId, [r]);
  }
  const out = new Map<string, IdeaValue>();
  for (const [ideaId, rs] of byIdea) if (isIdea(doc, ideaId)) out.set(ideaId, aggregateIdea(ideaId, rs));
  return out;
}

/**
 * Value ratings per role of the rater, for the equal-voice meter: one per
 * person and idea (however many levels they rated), ideas that are gone left out.
 */
export function ratingsByRole(ratings: readonly ValueRating[], liveIdeas: ReadonlySet<string>): Partial<Record<RoleId, number>> {
  const out: Partial<Record<RoleId, number>> = {};
  for (const r of ratings) if (liveIdeas.has(r.ideaId)) out[r.role] = (out[r.role] ?? 0) + 1;
  return out;
}

export type ValueSort = 'score' | 'collective' | 'societal';

/** Sort key for a list of ideas; unrated ideas last. */
export function sortValue(v: IdeaValue | undefined, by: ValueSort): number {
  if (!v) return -1;
  const x = by === 'score' ? v.score : v.overall[by];
  return x ?? 0;
}

/** A mean as people read it: one decimal at most, Danish decimal comma; '–' when not rated. */
export function formatScore(x: number | null, lang: 'da' | 'en'): string {
  if (x === null) return '–';
  return x.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
}
