import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, itemsMap, listItems } from '../../shared/model/board';
import { overviewCards } from '../../shared/model/overview';
import { createProtectedBoard } from '../helpers/access';
import { author } from '../helpers/board';
import { connectClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';

/** Issue 19: GET /api/boards/<id>/overview — every card's box and colour, the first view of a big board. */
describe('board overview', () => {
  const scope = useScope();

  it('lists every valid card’s box, kind, role and colour for editor and observer links, and nothing without a link', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv, { title: 'Overblik' });
    const a = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.editorKey } });
    await a.waitSynced();
    createItem(a.doc, { kind: 'problem', x: 10.4, y: -20, author: author('politician', 'Bo'), text: 'P' });
    const idea = createItem(a.doc, { kind: 'idea', x: 400, y: 0, w: 250, h: 140, author: author('citizen', 'Ann'), text: 'I', color: 'pink' });
    createItem(a.doc, { kind: 'frame', x: -500, y: 300, w: 900, h: 600, author: author('business', 'Cy'), text: 'F' });
    // A damaged item (no valid fields) is left out, as the overview layer leaves it out.
    a.doc.transact(() => itemsMap(a.doc).set('junk', new Y.Map()));
    await a.waitSaved();
    const expected = listItems(a.doc)
      .items.map((i) => [Math.round(i.x), Math.round(i.y), i.w, i.h, i.kind, i.role, i.color].join(' '))
      .sort();
    expect(expected).toHaveLength(3);
    expect(expected.join('|')).toContain('400 0 250 140 idea citizen pink');
    void idea;

    for (const key of [board.editorKey, board.observerKey]) {
      const res = await api(srv, 'GET', `/api/boards/${board.id}/overview`, { key });
      expect(res.status).toBe(200);
      const cards = overviewCards(res.json);
      expect(cards).not.toBeNull();
      expect((cards ?? []).map((c) => [c.x, c.y, c.w, c.h, c.kind, c.role, c.color].join(' ')).sort()).toEqual(expected);
    }
    const denied = await api(srv, 'GET', `/api/boards/${board.id}/overview`);
    expect(denied.status).toBeGreaterThanOrEqual(401);
    expect(denied.status).toBeLessThan(404);
    expect(JSON.stringify(denied.json)).not.toContain('cards');
    expect((await api(srv, 'POST', `/api/boards/${board.id}/overview`, { key: board.editorKey })).status).toBe(405);

    // A board in the trash has no overview, as it has no exports.
    expect((await api(srv, 'DELETE', `/api/boards/${board.id}`, { key: board.editorKey, body: { confirm: board.id } })).status).toBe(200);
    expect((await api(srv, 'GET', `/api/boards/${board.id}/overview`, { key: board.editorKey })).status).toBe(410);
  });
});
