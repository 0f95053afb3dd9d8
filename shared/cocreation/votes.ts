import { isRoleId, type RoleId } from '../roles';
import { GROUP_IDS, groupRoles, isGroupId, regroup, type GroupCounts } from './smallRoles';

/**
 * Dot voting (docs/cocreation.md). Pure logic shared by the server (which
 * keeps the ballots and computes results) and the tests. Individual ballots
 * never enter the board's Y.Doc; only round state and aggregate results do.
 */

export const MIN_DOTS = 1;
export const MAX_DOTS = 20;
/** An idea is "supported by several roles" when at least this many roles gave it a dot. */
export const BROAD_SUPPORT_MIN_ROLES = 2;
export const VOTER_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type RoundStatus = 'open' | 'closed' | 'revealed';
export type RoleCounts = Partial<Record<RoleId, number>>;

/** One voter's whole allocation in one round: idea id → dots. It replaces the voter's earlier one. */
export interface Ballot {
  voter: string;
  role: RoleId;
  votes: Record<string, number>;
}

/**
 * Results are per group, not per role (smallRoles.ts): a role with fewer than
 * MIN_ROLE_GROUP voters has no key of its own; its dots are under MERGED.
 */
export interface IdeaResult {
  ideaId: string;
  /** First line of the idea's text at reveal (for ideas deleted later). */
  text: string;
  dots: number;
  /** Dots per group; empty when the breakdown is withheld. */
  byRole: GroupCounts;
  /** Dots as if every group that voted had cast the same number of dots (sums to the total dots). */
  weighted: number;
  /** How many groups gave it at least one dot (the merged group counts as one). */
  roles: number;
  /** Supported by several groups (≥ BROAD_SUPPORT_MIN_ROLES). */
  broad: boolean;
}

export interface RoundResults {
  /** People whose dots count (at least one dot on an idea still on the board). */
  voters: number;
  votersByRole: GroupCounts;
  dots: number;
  dotsByRole: GroupCounts;
  /** The roles whose dots are under MERGED ("other roles"); empty when none are. */
  merged: RoleId[];
  /** No breakdown by role at all: too few voters per role to show one without revealing a choice. */
  withheld: boolean;
  /** Ranked: by `weighted` when the round uses equal weight per role, else by `dots`. */
  ideas: IdeaResult[];
}

export interface Participation {
  voters: number;
  votersByRole: RoleCounts;
}

export interface RoundState {
  id: string;
  status: RoundStatus;
  dots: number;
  equalWeight: boolean;
  anonymousNames: boolean;
  openedAt: number;
  closedAt: number | null;
  revealedAt: number | null;
  /**
   * The server's revision of the round: it grows with every ballot and status
   * change, so a late write of an older state (another instance, a slow
   * request) never overwrites a newer one in the document. 0 in older boards.
   */
  rev: number;
  participation: Participation;
  results: RoundResults | null;
}

export class VoteError extends Error {
  override name = 'VoteError';
}

/**
 * Checks one allocation against the round: only known ideas, whole positive
 * numbers, at most `dots` in total. Returns the cleaned allocation (zeros dropped).
 */
export function checkAllocation(votes: unknown, dots: number, isIdea: (id: string) => boolean): Record<string, number> {
  if (typeof votes !== 'object' || votes === null || Array.isArray(votes)) throw new VoteError('votes must be an object of idea id → number of dots');
  const out: Record<string, number> = {};
  let total = 0;
  for (const [id, n] of Object.entries(votes as Record<string, unknown>)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new VoteError(`dots for ${id.slice(0, 64)} must be a whole number ≥ 0`);
    if (n === 0) continue;
    if (!isIdea(id)) throw new VoteError(`${id.slice(0, 64)} is not an idea on this board`);
    out[id] = n;
    total += n;
  }
  if (total > dots) throw new VoteError(`${total} dots is more than the ${dots} each person has in this round`);
  return out;
}

export function used(votes: Record<string, number>): number {
  return Object.values(votes).reduce((a, b) => a + b, 0);
}

/**
 * Keeps one ballot per voter id: a second tab or a reconnect with the same
 * voter id replaces the earlier allocation instead of adding to it. This is
 * the rule the server's store enforces (primary key board+round+voter).
 */
export class BallotBox {
  private readonly ballots = new Map<string, Ballot>();
  constructor(readonly dots: number) {}

  cast(voter: string, role: RoleId, votes: unknown, isIdea: (id: string) => boolean = () => true): Ballot {
    if (!VOTER_ID_PATTERN.test(voter)) throw new VoteError('invalid voter id');
    if (!isRoleId(role)) throw new VoteError('unknown role');
    const ballot = { voter, role, votes: checkAllocation(votes, this.dots, isIdea) };
    this.ballots.set(voter, ballot);
    return ballot;
  }

  get(voter: string): Ballot | null {
    return this.ballots.get(voter) ?? null;
  }

  all(): Ballot[] {
    return [...this.ballots.values()];
  }
}

function inc(counts: RoleCounts, role: RoleId, n: number): void {
  counts[role] = (counts[role] ?? 0) + n;
}

export function participation(ballots: readonly Ballot[]): Participation {
  const votersByRole: RoleCounts = {};
  let voters = 0;
  for (const b of ballots) {
    if (used(b.votes) === 0) continue;
    voters++;
    inc(votersByRole, b.role, 1);
  }
  return { voters, votersByRole };
}

/**
 * Tallies ballots: dots overall and per role, then groups them by the
 * small-role rule (protectResults). `ideas` names the ideas that still exist
 * (id → text); dots for others are dropped, and a voter whose dots all went to
 * such ideas does not count as a voter of the results.
 */
export function tally(ballots: readonly Ballot[], ideas: ReadonlyMap<string, string>, equalWeight: boolean): RoundResults {
  const votersByRole: RoleCounts = {};
  const dotsByRole: RoleCounts = {};
  const perIdea = new Map<string, RoleCounts>();
  let voters = 0;
  let dots = 0;
  for (const b of ballots) {
    let counted = false;
    for (const [id, n] of Object.entries(b.votes)) {
      if (!ideas.has(id) || n <= 0) continue;
      counted = true;
      dots += n;
      inc(dotsByRole, b.role, n);
      let counts = perIdea.get(id);
      if (!counts) perIdea.set(id, (counts = {}));
      inc(counts, b.role, n);
    }
    if (counted) {
      voters++;
      inc(votersByRole, b.role, 1);
    }
  }
  const raw: IdeaResult[] = [...perIdea.entries()].map(([ideaId, byRole]) => ({
    ideaId,
    text: ideas.get(ideaId) ?? '',
    dots: Object.values(byRole).reduce((a, n) => a + n, 0),
    byRole,
    weighted: 0,
    roles: 0,
    broad: false,
  }));
  return protectResults({ voters, votersByRole, dots, dotsByRole, merged: [], withheld: false, ideas: raw }, equalWeight);
}

/**
 * Puts results into groups by the small-role rule (smallRoles.ts) and derives
 * everything per group from the groups only: the equal-weight score (each
 * group that voted carries the same total weight, however many people it
 * has), support by several groups, and the ranking. Weighting the roles inside
 * the merged group instead would let anyone solve "dots" and "weighted" for
 * the one person's dots (docs/cocreation.md, "Small roles"). The server runs it
 * before results enter the document; readers run it again on what they read,
 * so results written before the rule existed are shown grouped too. Grouping
 * grouped results changes nothing.
 */
export function protectResults(r: RoundResults, equalWeight: boolean): RoundResults {
  const g = groupRoles(r.votersByRole, r.merged);
  const withheld = r.withheld || g.withheld;
  const dotsByRole = withheld ? {} : regroup(r.dotsByRole, g);
  const units = GROUP_IDS.filter((k) => (dotsByRole[k] ?? 0) > 0);
  const share = units.length > 0 ? units.reduce((a, k) => a + (dotsByRole[k] ?? 0), 0) / units.length : 0;
  const results: IdeaResult[] = r.ideas.map((i) => {
    const byRole = withheld ? {} : regroup(i.byRole, g);
    const supporting = units.filter((k) => (byRole[k] ?? 0) > 0);
    // Without a breakdown everyone is one unit, and equal weight is plain dots.
    const weighted = units.length === 0 ? i.dots : supporting.reduce((a, k) => a + ((byRole[k] ?? 0) / (dotsByRole[k] ?? 1)) * share, 0);
    return { ...i, byRole, weighted: Math.round(weighted * 100) / 100, roles: supporting.length, broad: supporting.length >= BROAD_SUPPORT_MIN_ROLES };
  });
  results.sort((a, b) => (equalWeight ? b.weighted - a.weighted || b.dots - a.dots : b.dots - a.dots || b.weighted - a.weighted) || b.roles - a.roles || (a.ideaId < b.ideaId ? -1 : 1));
  return {
    voters: r.voters,
    votersByRole: withheld ? {} : regroup(r.votersByRole, g),
    dots: r.dots,
    dotsByRole,
    merged: withheld ? [] : g.merged,
    withheld,
    ideas: results,
  };
}

/* ---------- reading round state from the (untrusted) document ---------- */

const num = (v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

function readCounts(v: unknown): RoleCounts | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const out: RoleCounts = {};
  for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
    if (!isRoleId(k) || !num(n)) return null;
    out[k] = n as number;
  }
  return out;
}

/** Like readCounts, with the merged group's key allowed. */
function readGroupCounts(v: unknown): GroupCounts | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const out: GroupCounts = {};
  for (const [k, n] of Object.entries(v as Record<string, unknown>)) {
    if (!isGroupId(k) || !num(n)) return null;
    out[k] = n as number;
  }
  return out;
}

function readResults(v: unknown, equalWeight: boolean): RoundResults | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const votersByRole = readGroupCounts(r.votersByRole);
  const dotsByRole = readGroupCounts(r.dotsByRole);
  if (!num(r.voters) || !num(r.dots) || !votersByRole || !dotsByRole || !Array.isArray(r.ideas)) return null;
  const ideas: IdeaResult[] = [];
  for (const i of r.ideas.slice(0, 1000) as unknown[]) {
    if (typeof i !== 'object' || i === null) return null;
    const x = i as Record<string, unknown>;
    const byRole = readGroupCounts(x.byRole);
    if (typeof x.ideaId !== 'string' || typeof x.text !== 'string' || !num(x.dots) || !num(x.weighted) || !num(x.roles) || !byRole) return null;
    ideas.push({ ideaId: x.ideaId, text: x.text.slice(0, 200), dots: x.dots as number, byRole, weighted: x.weighted as number, roles: x.roles as number, broad: x.broad === true });
  }
  const merged = Array.isArray(r.merged) ? r.merged.filter(isRoleId) : [];
  // Grouped again on every read: results written before the small-role rule have a row per role.
  return protectResults({ voters: r.voters as number, votersByRole, dots: r.dots as number, dotsByRole, merged, withheld: r.withheld === true, ideas }, equalWeight);
}

/** Reads the round the server wrote into the document; null when absent or malformed. */
export function readRound(v: unknown): RoundState | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if (typeof r.id !== 'string' || !['open', 'closed', 'revealed'].includes(r.status as string)) return null;
  if (!num(r.dots, MIN_DOTS, MAX_DOTS) || !num(r.openedAt)) return null;
  const p = (r.participation ?? {}) as Record<string, unknown>;
  const votersByRole = readCounts(p.votersByRole) ?? {};
  const results = r.status === 'revealed' ? readResults(r.results, r.equalWeight === true) : null;
  if (r.status === 'revealed' && !results) return null;
  return {
    id: r.id,
    status: r.status as RoundStatus,
    dots: r.dots as number,
    equalWeight: r.equalWeight === true,
    anonymousNames: r.anonymousNames === true,
    openedAt: r.openedAt as number,
    closedAt: num(r.closedAt) ? (r.closedAt as number) : null,
    revealedAt: num(r.revealedAt) ? (r.revealedAt as number) : null,
    rev: num(r.rev) ? (r.rev as number) : 0,
    participation: { voters: num(p.voters) ? (p.voters as number) : 0, votersByRole },
    results,
  };
}
