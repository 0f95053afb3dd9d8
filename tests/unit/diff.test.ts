import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createItem, deleteItem, moveItem } from '../../shared/model/board';
import { diffBoards, diffIsEmpty } from '../../shared/model/diff';
import { docFromState } from '../../shared/model/restore';
import { author, typeInto } from '../helpers/board';

describe('diffBoards', () => {
  it('finds added, removed, moved and rewritten items, and nothing else', () => {
    const now = new Y.Doc();
    const keep = createItem(now, { kind: 'idea', x: 0, y: 0, author: author(), text: 'same' });
    const move = createItem(now, { kind: 'idea', x: 10, y: 10, author: author(), text: 'moves' });
    const text = createItem(now, { kind: 'problem', x: 20, y: 20, author: author(), text: 'old words' });
    const gone = createItem(now, { kind: 'idea', x: 30, y: 30, author: author(), text: 'goes away' });
    const snapshot = docFromState(Y.encodeStateAsUpdate(now));
    expect(diffIsEmpty(diffBoards(snapshot, now))).toBe(true);

    moveItem(now, move, 100, 100);
    typeInto(now, text, 0, 'new ');
    deleteItem(now, gone);
    const added = createItem(now, { kind: 'idea', x: 0, y: 0, author: author(), text: 'fresh' });
    const d = diffBoards(snapshot, now);
    expect(d.added.map((i) => i.id)).toEqual([added]);
    expect(d.removed).toEqual([{ id: gone, kind: 'idea', text: 'goes away' }]);
    expect(d.moved.map((i) => i.id)).toEqual([move]);
    expect(d.textChanged).toEqual([{ id: text, kind: 'problem', text: 'new old words', before: 'old words' }]);
    expect([...d.added, ...d.removed, ...d.moved, ...d.textChanged].some((i) => i.id === keep)).toBe(false);
  });
});
