import type * as Y from 'yjs';
import { readComments } from '../../cocreation/comments';
import { readSettings } from '../../cocreation/doc';
import { itemsMap } from '../../model/board';
import { roleLabel } from '../../roles';
import { escapeMarkdown, inlineMarkdown } from '../escape';

const T = {
  da: { heading: (n: number) => (n === 1 ? '1 kommentar' : `${n} kommentarer`) },
  en: { heading: (n: number) => (n === 1 ? '1 comment' : `${n} comments`) },
};

/**
 * Comments on cards in the minutes: a function giving, for one card, its
 * discussion as indented lines (oldest first) to sit under the card's line.
 * Participants' text is escaped; a card without comments gives no lines.
 * When the board hides names, only roles are written (as in the goals section).
 */
export function commentLines(doc: Y.Doc, lang: 'da' | 'en', indent = '   '): (itemId: string) => string[] {
  const all = readComments(doc, new Set(itemsMap(doc).keys()));
  const names = !readSettings(doc).anonymousNames;
  return (itemId) => {
    const list = all.get(itemId);
    if (!list?.length) return [];
    return [
      `${indent}*${T[lang].heading(list.length)}:*`,
      ...list.map((c) => {
        const role = escapeMarkdown(roleLabel(c.role, lang, c.roleText));
        return `${indent}- ${names ? `${escapeMarkdown(c.name)} (${role})` : role}: ${inlineMarkdown(c.text, ' ')}`;
      }),
    ];
  };
}
