import { ROLE_IDS, type RoleId } from '../roles';

/**
 * The equal-voice meter (docs/cocreation.md): each role's share of the
 * contributions against its share of the people present.
 *
 * Contributions come in kinds (cards created, card edit sessions, comments,
 * votes, goals, value ratings) of very different sizes and frequencies, so each
 * kind is turned into shares first and the role's contribution share is the
 * weighted mean over the kinds that have any activity. A card, a comment, a vote
 * or a written goal is a thought of one's own and weighs 1; an edit session (it
 * may be one corrected letter) and a value rating (a click per level and idea)
 * weigh half.
 */
export type ContributionKind = 'items' | 'edits' | 'comments' | 'votes' | 'goals' | 'ratings';
export const CONTRIBUTION_KINDS: readonly ContributionKind[] = ['items', 'edits', 'comments', 'votes', 'goals', 'ratings'];
export const KIND_WEIGHTS: Record<ContributionKind, number> = { items: 1, edits: 0.5, comments: 1, votes: 1, goals: 1, ratings: 0.5 };

/** A role dominates when its contribution share is at least this many times its share of people… */
export const DOMINATION_RATIO = 1.5;
/** …and at least this many percentage points above it… */
export const DOMINATION_MARGIN = 0.15;
/** …once there are at least this many contributions (of all kinds together) to judge from. */
export const MIN_CONTRIBUTIONS = 6;

export interface VoiceInput {
  /** One role per person present (from presence, deduplicated per person). */
  participants: readonly RoleId[];
  items: Partial<Record<RoleId, number>>;
  /** Card edit sessions per role (editSessionsByRole), not keystrokes. */
  edits: Partial<Record<RoleId, number>>;
  /** Comments on cards per role of their author (absent = none). */
  comments?: Partial<Record<RoleId, number>>;
  votes: Partial<Record<RoleId, number>>;
  /** Goals written per role: agreed goals proposed and filled-in fields of personal entries (goalsByRole; absent = none). */
  goals?: Partial<Record<RoleId, number>>;
  /** Value ratings of live ideas per role of the rater (ratingsByRole; absent = none). */
  ratings?: Partial<Record<RoleId, number>>;
}

export interface VoiceRow {
  role: RoleId;
  people: number;
  peopleShare: number;
  items: number;
  edits: number;
  comments: number;
  votes: number;
  goals: number;
  ratings: number;
  contributionShare: number;
  status: 'dominating' | 'quiet' | 'balanced';
}

export interface VoiceResult {
  rows: VoiceRow[];
  dominating: RoleId[];
  /** Present roles with a contribution share far below their share of people. */
  quiet: RoleId[];
  /** Enough activity to judge; below it no nudge is given. */
  enough: boolean;
}

export function computeVoice(given: VoiceInput): VoiceResult {
  const input = { ...given, comments: given.comments ?? {}, goals: given.goals ?? {}, ratings: given.ratings ?? {} };
  const people: Partial<Record<RoleId, number>> = {};
  for (const r of input.participants) people[r] = (people[r] ?? 0) + 1;
  const totalPeople = input.participants.length;
  const total = (k: ContributionKind) => ROLE_IDS.reduce((a, r) => a + (input[k][r] ?? 0), 0);
  const totals = Object.fromEntries(CONTRIBUTION_KINDS.map((k) => [k, total(k)])) as Record<ContributionKind, number>;
  const active = CONTRIBUTION_KINDS.filter((k) => totals[k] > 0);
  // Every kind now counts discrete acts (sessions, not keystrokes), so all of them show there is enough to judge.
  const enough = CONTRIBUTION_KINDS.reduce((a, k) => a + totals[k], 0) >= MIN_CONTRIBUTIONS && totalPeople >= 2;
  const rows: VoiceRow[] = ROLE_IDS.filter((r) => (people[r] ?? 0) > 0 || CONTRIBUTION_KINDS.some((k) => (input[k][r] ?? 0) > 0)).map((role) => {
    const weight = active.reduce((a, k) => a + KIND_WEIGHTS[k], 0);
    const contributionShare = active.length === 0 ? 0 : active.reduce((a, k) => a + (KIND_WEIGHTS[k] * (input[k][role] ?? 0)) / totals[k], 0) / weight;
    const peopleShare = totalPeople === 0 ? 0 : (people[role] ?? 0) / totalPeople;
    let status: VoiceRow['status'] = 'balanced';
    if (enough && peopleShare > 0 && contributionShare >= peopleShare * DOMINATION_RATIO && contributionShare - peopleShare >= DOMINATION_MARGIN) status = 'dominating';
    else if (enough && peopleShare > 0 && contributionShare <= peopleShare / DOMINATION_RATIO && peopleShare - contributionShare >= DOMINATION_MARGIN) status = 'quiet';
    return {
      role,
      people: people[role] ?? 0,
      peopleShare,
      items: input.items[role] ?? 0,
      edits: input.edits[role] ?? 0,
      comments: input.comments[role] ?? 0,
      votes: input.votes[role] ?? 0,
      goals: input.goals[role] ?? 0,
      ratings: input.ratings[role] ?? 0,
      contributionShare,
      status,
    };
  });
  rows.sort((a, b) => b.contributionShare - a.contributionShare || b.people - a.people);
  return { rows, dominating: rows.filter((r) => r.status === 'dominating').map((r) => r.role), quiet: rows.filter((r) => r.status === 'quiet').map((r) => r.role), enough };
}

/**
 * The items people made, without the ones a template put on the board when
 * it was created: those are written in the board's creating transaction and
 * carry the board's own creation time (shared/templates), and starter cards
 * "by a citizen" must not count as a citizen's contribution.
 */
export function contributedItems<T extends { createdAt: number; template?: boolean }>(items: readonly T[], boardCreatedAt: number): T[] {
  // The `template` mark is the rule; the creation time still catches boards made before it existed.
  return items.filter((i) => i.template !== true && (boardCreatedAt <= 0 || i.createdAt !== boardCreatedAt));
}

/** Items created per role (the creator's role on each card). */
export function itemsByRole(items: ReadonlyArray<{ role: RoleId }>): Partial<Record<RoleId, number>> {
  const out: Partial<Record<RoleId, number>> = {};
  for (const i of items) out[i.role] = (out[i.role] ?? 0) + 1;
  return out;
}

/** One role per person: presence entries of the same name and role (several tabs) count once. */
export function peopleRoles(users: ReadonlyArray<{ name: string; role: RoleId }>): RoleId[] {
  const seen = new Map<string, RoleId>();
  for (const u of users) seen.set(`${u.role}\u0000${u.name.trim().toLowerCase()}`, u.role);
  return [...seen.values()];
}
