import { isRoleId, ROLE_IDS, roleInfo, roleLabel, type RoleId } from '../roles';

/**
 * Small roles (issue 13 item 5; docs/cocreation.md, "Small roles").
 *
 * Votes and value ratings are shown per actor role, so a group sees whose
 * priorities an idea serves. But a role with one person in it has a row that
 * *is* that person's choice: "Politiker: 1" under an idea tells everyone how
 * the only politician voted. So a role with fewer than MIN_ROLE_GROUP people
 * gets no row of its own; all such roles are merged into one "other roles"
 * group (MERGED). People are counted (voters, raters), never ballots or dots:
 * one person's five dots are still one person's choice.
 *
 * Two more steps, because hiding a row is not enough when the rest is shown:
 * - a merged group below the minimum would be one person's choice again, and
 *   leaving it out does not help either — the overall total minus the rows
 *   shown gives it back. So the smallest role that could stand on its own joins
 *   the merged group, which then has at least the minimum;
 * - when that leaves a single group holding everyone, its "breakdown" would
 *   only repeat the total (or, below the minimum, be one person): there is no
 *   per-role breakdown at all (`withheld`), only the overall totals.
 * Everything derived per role — equal-weight scores, "supported by several
 * roles", "broad value" — must be computed from these groups, never from the
 * roles inside them, or it would give back what the groups hide.
 */
export const MIN_ROLE_GROUP = 2;

/** The id of the merged "other roles" group in results (a key next to role ids). */
export const MERGED = 'merged' as const;
export type GroupId = RoleId | typeof MERGED;
export type GroupCounts = Partial<Record<GroupId, number>>;
/** Display order: the manifesto's role order, the merged group last. */
export const GROUP_IDS: readonly GroupId[] = [...ROLE_IDS, MERGED];

export interface RoleGroup {
  id: GroupId;
  /** The roles whose numbers are in this group: one, or several for MERGED. */
  roles: RoleId[];
  people: number;
}

export interface Grouping {
  /** The groups that may be shown, in display order; empty when withheld. */
  groups: RoleGroup[];
  /** The roles in the MERGED group (empty when there is none or when withheld). */
  merged: RoleId[];
  /** No per-role breakdown may be shown, only overall totals. */
  withheld: boolean;
  /** The group each role (or an earlier MERGED) counts in; absent when withheld. */
  groupOf: ReadonlyMap<GroupId, GroupId>;
}

export const isGroupId = (v: unknown): v is GroupId => v === MERGED || isRoleId(v);

/**
 * Groups per-role people counts by the rule above. `people` may already carry
 * a MERGED count (results read back from a document); `alreadyMerged` names
 * the roles in it, so grouping grouped results again changes nothing.
 */
export function groupRoles(people: GroupCounts, alreadyMerged: readonly RoleId[] = [], min = MIN_ROLE_GROUP): Grouping {
  const count = (id: GroupId) => people[id] ?? 0;
  const own = ROLE_IDS.filter((r) => count(r) >= min);
  const pool: GroupId[] = GROUP_IDS.filter((id) => count(id) > 0 && count(id) < min);
  if (count(MERGED) >= min) pool.push(MERGED);
  let pooled = pool.reduce((a, id) => a + count(id), 0);
  if (pooled > 0 && pooled < min && own.length > 0) {
    // The smallest role that could be shown joins; on a tie the later in role order, so the choice is stable.
    const smallest = own.reduce((a, r) => (count(r) <= count(a) ? r : a));
    own.splice(own.indexOf(smallest), 1);
    pool.push(smallest);
    pooled += count(smallest);
  }
  if (pool.length > 0 && own.length === 0) return { groups: [], merged: [], withheld: true, groupOf: new Map() };
  const groupOf = new Map<GroupId, GroupId>(own.map((r) => [r, r]));
  for (const id of pool) groupOf.set(id, MERGED);
  const inPool = new Set<RoleId>(alreadyMerged);
  for (const id of pool) if (id !== MERGED) inPool.add(id);
  const merged = ROLE_IDS.filter((r) => inPool.has(r));
  const groups: RoleGroup[] = own.map((r) => ({ id: r, roles: [r], people: count(r) }));
  if (pool.length > 0) groups.push({ id: MERGED, roles: merged, people: pooled });
  return { groups, merged: pool.length > 0 ? merged : [], withheld: false, groupOf };
}

/** Sums per-role numbers into the grouping's groups; numbers of roles without a group are dropped. */
export function regroup(counts: GroupCounts, g: Grouping): GroupCounts {
  const out: GroupCounts = {};
  for (const id of GROUP_IDS) {
    const n = counts[id] ?? 0;
    const to = g.groupOf.get(id);
    if (n > 0 && to) out[to] = (out[to] ?? 0) + n;
  }
  return out;
}

/** The groups with a number above zero, in display order. */
export function groupEntries(counts: GroupCounts): Array<[GroupId, number]> {
  return GROUP_IDS.flatMap((id): Array<[GroupId, number]> => ((counts[id] ?? 0) > 0 ? [[id, counts[id] ?? 0]] : []));
}

/**
 * The merged group's label and the notes that say why rows are missing, in
 * both languages. One source for the UI (client/src/i18n/parts/smallRoles.ts
 * takes its texts from here) and the minutes, so they say the same.
 */
export const SMALL_ROLES_TEXT = {
  da: {
    label: 'Andre roller',
    merged: 'Roller med færre end {min} deltagere er slået sammen med andre under »Andre roller« ({roles}), så ingen enkeltpersons valg kan ses.',
    /** The rule without the roles of one result (the minutes, under many ideas). */
    rule: 'Roller med færre end {min} deltagere er slået sammen med andre under »Andre roller«, så ingen enkeltpersons valg kan ses.',
    withheld: 'Der er for få deltagere i hver rolle til at vise en opdeling pr. rolle uden at afsløre en enkeltpersons valg. Kun det samlede resultat vises.',
  },
  en: {
    label: 'Other roles',
    merged: 'Roles with fewer than {min} participants are merged with others into “Other roles” ({roles}) so no single person’s choice can be seen.',
    rule: 'Roles with fewer than {min} participants are merged with others into “Other roles” so no single person’s choice can be seen.',
    withheld: 'There are too few participants in each role to show a breakdown by role without revealing one person’s choice. Only the overall result is shown.',
  },
} as const;

/** The merged group's swatch: a neutral grey that carries dark text, like the role colours. */
const MERGED_COLOR = '#c3c8cf';

/** "Andre roller" / "Other roles" for MERGED, else the role's own label. */
export function groupLabel(id: GroupId, lang: 'da' | 'en'): string {
  return id === MERGED ? SMALL_ROLES_TEXT[lang].label : roleLabel(id, lang);
}

export function groupColor(id: GroupId): string {
  return id === MERGED ? MERGED_COLOR : roleInfo(id).color;
}

/** The note for results with merged or withheld rows (plain text); null when every role has its own row. */
export function smallRolesNote(lang: 'da' | 'en', merged: readonly RoleId[], withheld: boolean): string | null {
  if (withheld) return SMALL_ROLES_TEXT[lang].withheld;
  if (merged.length === 0) return null;
  return SMALL_ROLES_TEXT[lang].merged.replace('{min}', String(MIN_ROLE_GROUP)).replace('{roles}', merged.map((r) => roleLabel(r, lang)).join(', '));
}
