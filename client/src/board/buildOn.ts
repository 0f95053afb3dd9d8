import type * as Y from 'yjs';
import { linkId, linkItems } from '../../../shared/model/board';
import type { BoardItem, LinkKind } from '../../../shared/model/schema';
import { LOCAL_ORIGIN } from './origin';

/**
 * "Builds on" between ideas, in the direction people mean (issue 13): the
 * idea I am working on (selected first) builds on the one I pick (clicked
 * second). Shift-click selection once stored the reverse.
 */

/** Which connector two selected items can have, from → to. `first` was selected before `last` (the primary). */
export function linkFor(last: BoardItem, first: BoardItem): { kind: LinkKind; from: string; to: string } | null {
  const pair = (x: BoardItem, y: BoardItem): { kind: LinkKind; from: string; to: string } | null => {
    if (x.kind === 'idea' && y.kind === 'problem') return { kind: 'addresses', from: x.id, to: y.id };
    if (x.kind === 'perspective' && y.kind === 'problem') return { kind: 'perspective-on', from: x.id, to: y.id };
    return null;
  };
  // My idea (selected first) builds on the one I added to the selection.
  if (last.kind === 'idea' && first.kind === 'idea') return { kind: 'builds-on', from: first.id, to: last.id };
  return pair(last, first) ?? pair(first, last);
}

export type BuildOnResult = 'linked' | 'exists' | 'not-idea' | 'same';

/** Links `fromId` (the idea being worked on) as building on `toId`. Writes nothing unless the result is 'linked'. */
export function buildOn(doc: Y.Doc, items: ReadonlyMap<string, BoardItem | { damaged: true }>, fromId: string, toId: string): BuildOnResult {
  if (fromId === toId) return 'same';
  const from = items.get(fromId);
  const to = items.get(toId);
  if (!from || !to || 'damaged' in from || 'damaged' in to || from.kind !== 'idea' || to.kind !== 'idea') return 'not-idea';
  const links = doc.getMap('links');
  // Either direction already there: the two ideas are connected; never make a cycle of two.
  if (links.has(linkId('builds-on', fromId, toId)) || links.has(linkId('builds-on', toId, fromId))) return 'exists';
  linkItems(doc, { kind: 'builds-on', from: fromId, to: toId }, LOCAL_ORIGIN);
  return 'linked';
}
