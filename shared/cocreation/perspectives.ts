import { readPlainText } from '../model/richtext';
import type { BoardItem, PerspectiveItem, ProblemItem } from '../model/schema';
import { isStarter, peopleMade } from '../model/starter';
import { ROLE_IDS, type RoleId } from '../roles';

/** Perspective coverage of every problem (docs/cocreation.md). */
export interface ProblemCoverage {
  problem: ProblemItem;
  /** Perspectives grouped by the role of their author, in ROLE_IDS order. */
  byRole: Array<{ role: RoleId; perspectives: PerspectiveItem[] }>;
  /** Expected roles with no perspective on this problem yet. */
  missing: RoleId[];
  /** A template's example perspectives: shown as examples, they cover no role. */
  examples: PerspectiveItem[];
}

/**
 * The roles a board should hear from: everyone present, everyone who has put
 * anything on the board, and always citizens (the manifesto: citizens are
 * co-creators, never only "heard").
 */
export function expectedRoles(items: readonly BoardItem[], presentRoles: readonly RoleId[]): RoleId[] {
  // Template starter content speaks for nobody on the board, so it adds no expected role.
  const set = new Set<RoleId>(['citizen', ...presentRoles, ...peopleMade(items).map((i) => i.role)]);
  return ROLE_IDS.filter((r) => set.has(r));
}

export function perspectiveCoverage(items: readonly BoardItem[], expected: readonly RoleId[]): ProblemCoverage[] {
  const problems = items.filter((i): i is ProblemItem => i.kind === 'problem');
  const perspectives = items.filter((i): i is PerspectiveItem => i.kind === 'perspective');
  return problems
    .slice()
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((problem) => {
      const onProblem = perspectives.filter((p) => p.problemId === problem.id);
      const mine = peopleMade(onProblem);
      const examples = onProblem.filter(isStarter).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
      const byRole = ROLE_IDS.map((role) => ({ role, perspectives: mine.filter((p) => p.role === role).sort((a, b) => a.createdAt - b.createdAt) })).filter(
        (g) => g.perspectives.length > 0,
      );
      const covered = new Set(byRole.map((g) => g.role));
      return { problem, byRole, missing: expected.filter((r) => !covered.has(r)), examples };
    });
}

/** First line of a card's text, shortened. */
export function firstLine(item: BoardItem, max = 120): string {
  const line = readPlainText(item.body).split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Which items belong to a role's lens: the role's own cards, and every problem (the shared starting point). */
export function inLens(item: BoardItem, role: RoleId): boolean {
  return item.kind === 'problem' || item.role === role;
}
