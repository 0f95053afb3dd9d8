import type * as Y from 'yjs';
import { readComments } from '../../cocreation/comments';
import { itemsMap } from '../../model/board';
import { roleLabel } from '../../roles';
import { escapeMarkdown } from '../escape';

const T = {
  da: { heading: (n: number) => (n === 1 ? '1 kommentar' : `${n} kommentarer`) },
  en: { heading: (n: number) => (n === 1 ? '1 comment' : `${n} comments`) },
};

/**
 * Comments on cards in the minutes: a function giving, for one card, its
 * discussion as indented lines (oldest first) to sit under the card's line.
 * Participants' text is escaped; a card without comments gives no lines.
 */
export function commentLines(doc: Y.Doc, lang: 'da' | 'en', indent = '   '): (itemId: string) => string[] {
  const all = readComments(doc, new Set(itemsMap(doc).keys()));
  return (itemId) => {
    const list = all.get(itemId);
    if (!list?.length) return [];
    return [
      `${indent}*${T[lang].heading(list.length)}:*`,
      ...list.map((c) => `${indent}- ${escapeMarkdown(c.name)} (${escapeMarkdown(roleLabel(c.role, lang, c.roleText))}): ${escapeMarkdown(c.text.replace(/\s*\n+\s*/g, ' '))}`),
    ];
  };
}
