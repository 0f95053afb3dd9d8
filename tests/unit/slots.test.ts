import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { combineSlots } from '../../client/src/board/slots';
import type { BoardItem } from '../../shared/model/schema';

/** Several tools can fill one canvas slot (issue 14): each tool is one entry, none replaces another. */
describe('combineSlots', () => {
  const item = { id: 'i1', kind: 'idea' } as BoardItem;

  it('draws every tool that fills a slot, in registry order, and nothing for an empty slot', () => {
    const slots = combineSlots([
      { CardDecoration: ({ item: it }) => createElement('b', null, `first ${it.id}`) },
      { SelectionActions: () => createElement('i', null, 'only action') },
      { CardDecoration: ({ active }) => createElement('u', null, `second ${String(active)}`) },
    ]);
    expect(renderToStaticMarkup(createElement(slots.CardDecoration, { item, active: true }))).toBe('<b>first i1</b><u>second true</u>');
    expect(renderToStaticMarkup(createElement(slots.SelectionActions, { item }))).toBe('<i>only action</i>');
    expect(renderToStaticMarkup(createElement(combineSlots([]).CardDecoration, { item, active: false }))).toBe('');
  });

  it('item notes of several tools appear side by side', () => {
    const slots = combineSlots([{ useItemNotes: () => (id) => `a:${id}` }, { useItemNotes: () => (id) => `b:${id}` }]);
    function Notes() {
      return createElement('p', null, slots.useItemNotes(new Y.Doc(), new Set(['x']))('x'));
    }
    expect(renderToStaticMarkup(createElement(Notes))).toBe('<p>a:xb:x</p>');
  });
});
