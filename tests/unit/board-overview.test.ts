import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem } from '../../shared/model/board';
import { boardOverview, OVERVIEW_FIELDS, overviewCards } from '../../shared/model/overview';
import { author } from '../helpers/board';

describe('board overview model (issue 19)', () => {
  it('round-trips every card’s box and colouring', () => {
    const doc = new Y.Doc();
    const p = createItem(doc, { kind: 'problem', x: 5000, y: 0, author: author('citizen', 'C'), text: 'p', color: 'blue' });
    createItem(doc, { kind: 'perspective', x: 1.6, y: 2, problemId: p, author: author('researcher', 'R'), text: 'x', z: 7, color: 'green' });
    createItem(doc, { kind: 'idea', x: -30, y: 40, author: author('other', 'O'), text: 'y' });
    const o = boardOverview(doc);
    expect(o.cards).toHaveLength(3 * OVERVIEW_FIELDS);
    const cards = overviewCards(JSON.parse(JSON.stringify(o)));
    expect(cards?.map(({ id: _id, ...c }) => c).sort((a, b) => a.x - b.x)).toEqual([
      { x: -30, y: 40, w: 220, h: 160, z: expect.any(Number), kind: 'idea', role: 'other', color: '' },
      { x: 2, y: 2, w: 260, h: 180, z: 7, kind: 'perspective', role: 'researcher', color: 'green' },
      { x: 5000, y: 0, w: 320, h: 200, z: expect.any(Number), kind: 'problem', role: 'citizen', color: 'blue' },
    ]);
  });

  it('gives null for anything malformed, so the page simply waits for the document', () => {
    const good = [0, 0, 10, 10, 0, 0, 0, 0];
    expect(overviewCards({ v: 1, cards: good })).toHaveLength(1);
    for (const bad of [null, 'x', { v: 2, cards: good }, { v: 1 }, { v: 1, cards: good.slice(1) }, { v: 1, cards: [0, 0, 10, 10, 0, 99, 0, 0] }, { v: 1, cards: [0, 0, 10, 10, 0, 0, 99, 0] }, { v: 1, cards: [0, 0, 10, 10, 0, 0, 0, 99] }, { v: 1, cards: [0, 'a', 10, 10, 0, 0, 0, 0] }, { v: 1, cards: [0, null, 10, 10, 0, 0, 0, 0] }]) {
      expect(overviewCards(bad)).toBeNull();
    }
  });
});
