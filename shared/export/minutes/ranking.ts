import type { IdeaResult, RoundState } from '../../cocreation/votes';

export interface RankedResult extends IdeaResult {
  /** 1-based position in the ranking. */
  rank: number;
  /** Not among the ideas on the board now (deleted after the round); its text is the one kept at reveal. */
  deleted: boolean;
}

export interface IdeaRanking {
  /** Ideas with at least one dot in the round, best first. */
  ranked: RankedResult[];
  /** Ideas on the board nobody gave a dot, in board order. */
  unvoted: string[];
}

/**
 * The minutes' ranking rule (pure): by the equal-weight score when the round
 * used equal weight per role, else by dots; then the other measure; then how
 * many groups supported the idea; then board order (`ideaIds`), then id — so
 * the same round always gives the same order, whatever order results arrive
 * in. Results are grouped by the small-role rule already (votes.ts
 * protectResults), so nothing here can reveal one person's choice.
 */
export function rankIdeas(round: Pick<RoundState, 'equalWeight' | 'results'>, ideaIds: readonly string[]): IdeaRanking {
  const position = new Map(ideaIds.map((id, n) => [id, n]));
  const place = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const voted = (round.results?.ideas ?? []).filter((i) => i.dots > 0);
  const primary = (i: IdeaResult) => (round.equalWeight ? i.weighted : i.dots);
  const secondary = (i: IdeaResult) => (round.equalWeight ? i.dots : i.weighted);
  const sorted = [...voted].sort(
    (a, b) => primary(b) - primary(a) || secondary(b) - secondary(a) || b.roles - a.roles || place(a.ideaId) - place(b.ideaId) || (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0),
  );
  const seen = new Set(sorted.map((i) => i.ideaId));
  return {
    ranked: sorted.map((i, n) => ({ ...i, rank: n + 1, deleted: !position.has(i.ideaId) })),
    unvoted: ideaIds.filter((id) => !seen.has(id)),
  };
}
