import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildOn, linkFor } from '../../client/src/board/buildOn';
import { createItem, listItems, listLinks } from '../../shared/model/board';
import type { BoardItem } from '../../shared/model/schema';

/**
 * "Builds on" stores the direction people mean (issue 13): I select my new
 * idea, then add the one it builds on; my idea builds on that one.
 */
function board() {
  const doc = new Y.Doc();
  const author = { name: 'Ann', role: 'citizen' as const };
  const older = createItem(doc, { kind: 'idea', x: 0, y: 0, author, text: 'Ungepanel' });
  const mine = createItem(doc, { kind: 'idea', x: 300, y: 0, author, text: 'Ungepanel med egen pulje' });
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 300, author, text: 'Unge hører ikke til' });
  const items = new Map(listItems(doc).items.map((i) => [i.id, i] as const));
  const get = (id: string) => items.get(id) as BoardItem;
  return { doc, older, mine, problem, items, get };
}

describe('builds on', () => {
  it('selection: my idea first, the one it builds on added last → mine builds on it', () => {
    const { older, mine, get } = board();
    // linkFor(primary = added last, other = selected first)
    expect(linkFor(get(older), get(mine))).toEqual({ kind: 'builds-on', from: mine, to: older });
  });

  it('other pairs keep their fixed direction whatever the order', () => {
    const { mine, problem, get } = board();
    expect(linkFor(get(problem), get(mine))).toEqual({ kind: 'addresses', from: mine, to: problem });
    expect(linkFor(get(mine), get(problem))).toEqual({ kind: 'addresses', from: mine, to: problem });
  });

  it('the pick links the idea being worked on to the picked one, once, and refuses non-ideas', () => {
    const { doc, older, mine, problem, items } = board();
    expect(buildOn(doc, items, mine, problem)).toBe('not-idea');
    expect(buildOn(doc, items, mine, mine)).toBe('same');
    expect(listLinks(doc)).toEqual([]);
    expect(buildOn(doc, items, mine, older)).toBe('linked');
    expect(listLinks(doc).map((l) => [l.kind, l.from, l.to])).toEqual([['builds-on', mine, older]]);
    // Again, or the other way round: already connected, nothing more written.
    expect(buildOn(doc, items, mine, older)).toBe('exists');
    expect(buildOn(doc, items, older, mine)).toBe('exists');
    expect(listLinks(doc)).toHaveLength(1);
  });
});
