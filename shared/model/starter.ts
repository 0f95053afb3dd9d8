import type { BoardItem } from './schema';

/**
 * Template starter content (frames, example problems, perspectives and ideas
 * a board template wrote) is nobody's contribution: it covers no role in the
 * lens, is not voted on or rated, and is not counted by the equal-voice meter
 * (issue 13). A participant who rewrites a starter card adopts it
 * (`adoptItem`), and from then on it is theirs like any other card.
 */
export const isStarter = (item: Pick<BoardItem, 'template'>): boolean => item.template;

/** The items people on the board made. */
export function peopleMade<T extends Pick<BoardItem, 'template'>>(items: readonly T[]): T[] {
  return items.filter((i) => !i.template);
}

/** Ideas the group can vote on and rate: every idea a participant made or adopted. */
export function votableIdeas<T extends Pick<BoardItem, 'template' | 'kind'>>(items: readonly T[]): T[] {
  return items.filter((i) => i.kind === 'idea' && !i.template);
}
