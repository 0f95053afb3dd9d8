import type * as Y from 'yjs';
import { escapeMarkdown } from './escape';
import { blocksToMarkdown } from './minutes/markdown';
import { projectMinutes, type MinutesOptions } from './minutes/model';
import { minutesBlocks } from './minutes/sections';

export { escapeMarkdown };

/**
 * The board as minutes a municipality can circulate (issue 16): when and who,
 * the phases run, problems with perspectives by role, goals, ideas ranked by
 * the group's latest revealed vote, every vote round, decisions, the action
 * plan, and the evaluation — rendered from the minutes model
 * (shared/export/minutes/), like the print view and the Word file.
 */
export function boardToMarkdown(doc: Y.Doc, lang: 'da' | 'en', now = new Date(), opts: MinutesOptions = {}): string {
  return blocksToMarkdown(minutesBlocks(projectMinutes(doc, lang, now, opts)));
}
