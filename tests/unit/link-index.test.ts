import { describe, expect, it } from 'vitest';
import type { BoardLink } from '../../shared/model/schema';
import { LinkIndex } from '../../client/src/board/linkIndex';
import { PersistentMap } from '../../client/src/board/persistentMap';
import type { ItemView } from '../../client/src/board/useBoardData';

const card = (id: string, kind: 'idea' | 'problem' | 'perspective', problemId = '') => ({ id, kind, problemId, x: 0, y: 0, w: 100, h: 50 }) as unknown as ItemView;
const ids = (links: BoardLink[]) => links.map((l) => l.id).sort();

describe('LinkIndex (connectors by card, kept up to date by diff)', () => {
  it('finds the connectors and perspective connectors around cards, and follows changes', () => {
    const links: BoardLink[] = [{ id: 'l1', kind: 'builds-on', from: 'i1', to: 'i2', label: '' }];
    const v1 = PersistentMap.from<ItemView>([
      ['i1', card('i1', 'idea')],
      ['i2', card('i2', 'idea')],
      ['p1', card('p1', 'problem')],
      ['p2', card('p2', 'problem')],
      ['s1', card('s1', 'perspective', 'p1')],
    ]);
    const index = new LinkIndex();
    index.sync(links, v1);
    expect(ids(index.around(['i2']))).toEqual(['l1']);
    expect(ids(index.around(['p1']))).toEqual(['p-s1']);
    expect(ids(index.around(['s1', 'p1', 'i1']))).toEqual(['l1', 'p-s1']);
    expect(ids(index.around(undefined))).toEqual(['l1', 'p-s1']);

    // The perspective moves to the other problem, then is deleted.
    const v2 = v1.withChanges([['s1', card('s1', 'perspective', 'p2')]]);
    index.sync(links, v2);
    expect(index.around(['p1'])).toEqual([]);
    expect(index.around(['p2'])).toEqual([{ id: 'p-s1', kind: 'perspective-on', from: 's1', to: 'p2', label: '' }]);
    index.sync([], v2.withChanges([['s1', undefined]]));
    expect(index.around(['p2', 'i1', 'i2'])).toEqual([]);
  });
});
