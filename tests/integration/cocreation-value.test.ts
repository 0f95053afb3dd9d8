import { describe, expect, it } from 'vitest';
import { aggregateBoard, readRatings, setRating } from '../../shared/cocreation/value';
import { createItem, deleteItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { createProtectedBoard } from '../helpers/access';
import { connectClient, waitConverged } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { holdsFor, waitFor } from '../helpers/wait';

const P = (n: number) => `valuer-${String(n).padStart(12, '0')}`;

/** The value triad through a real server: concurrent ratings converge to the same aggregates everywhere. */
describe('co-creation: value triad over the sync server', () => {
  const scope = useScope();

  it('three people and a second tab rate concurrently; every replica (and a fresh one) has the same per-role aggregates', async () => {
    const srv = await startTestServer(scope);
    const board = await createProtectedBoard(srv, { title: 'Havnen' });
    const params = { k: board.editorKey };
    const ann = connectClient(scope, srv.wsUrl, board.id, { params });
    const annTab2 = connectClient(scope, srv.wsUrl, board.id, { params });
    const bo = connectClient(scope, srv.wsUrl, board.id, { params });
    const cem = connectClient(scope, srv.wsUrl, board.id, { params });
    const screen = connectClient(scope, srv.wsUrl, board.id, { params: { k: board.observerKey } });
    const all = [ann, annTab2, bo, cem];
    await Promise.all([...all, screen].map((c) => c.waitSynced()));

    const i1 = createItem(ann.doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Badebro for alle' });
    const i2 = createItem(ann.doc, { kind: 'idea', x: 300, y: 0, author: author('business', 'Cem'), text: 'Café i det gamle pakhus' });
    await ann.waitSaved();
    await waitFor(() => [...all, screen].every((c) => readRatings(c.doc).length === 0 && c.doc.getMap('items').size === 2), { message: 'ideas everywhere' });

    // All at once, without waiting for each other: Ann in two tabs (same person key), Bo, Cem.
    setRating(ann.doc, i1, P(1), 'citizen', { personal: 5, collective: 4, societal: 4 });
    setRating(annTab2.doc, i1, P(1), 'citizen', { personal: 3, collective: 3, societal: 3 });
    setRating(bo.doc, i1, P(2), 'politician', { personal: 2, collective: 4, societal: 5 });
    setRating(bo.doc, i2, P(2), 'politician', { personal: 3 });
    setRating(cem.doc, i1, P(3), 'business', { personal: 4, collective: 4, societal: 3 });
    setRating(cem.doc, i2, P(3), 'business', { personal: 5, collective: 5, societal: 2 });
    // The observer tries to rate: the server drops observers' updates.
    setRating(screen.doc, i1, P(9), 'other', { personal: 1, collective: 1, societal: 1 });
    await Promise.all([...all, screen].map((c) => c.waitSaved()));
    await waitConverged(all.map((c) => c.doc));

    const expected = aggregateBoard(ann.doc);
    for (const c of all) expect(aggregateBoard(c.doc)).toEqual(expected);
    const v1 = expected.get(i1);
    // One rating per person: Ann's two tabs count once (whichever write won, it won everywhere).
    expect(v1?.raters).toBe(3);
    // One person per role: no row per role (it would be that person's rating), only the total (smallRoles.ts).
    expect(v1).toMatchObject({ withheld: true, byRole: [] });
    const annWon = readRatings(bo.doc).find((r) => r.personKey === P(1));
    expect([5, 3]).toContain(annWon?.personal);
    const citizenSocietal = annWon?.societal ?? 0;
    expect(v1?.overall.societal).toBeCloseTo((5 + citizenSocietal + 3) / 3, 10);
    expect(expected.get(i2)).toMatchObject({ raters: 2, withheld: true });
    await holdsFor(() => readRatings(ann.doc).every((r) => r.personKey !== P(9)), 200, 'no observer rating');

    // Ann goes offline, changes her rating; Bo clears his meanwhile; both merge on reconnect.
    ann.disconnect();
    setRating(ann.doc, i1, P(1), 'citizen', { societal: 1 });
    setRating(bo.doc, i2, P(2), 'politician', { personal: null });
    await bo.waitSaved();
    ann.connect();
    await ann.waitSynced();
    await ann.waitSaved();
    await waitConverged(all.map((c) => c.doc));
    const after = aggregateBoard(cem.doc);
    for (const c of all) expect(aggregateBoard(c.doc)).toEqual(after);
    expect(after.get(i1)?.overall.societal).toBeCloseTo((5 + 1 + 3) / 3, 10);
    expect(after.get(i1)?.raters).toBe(3);
    expect(after.get(i2)?.raters).toBe(1);

    // Deleting an idea drops its ratings from every aggregate; a fresh client reads the stored board the same way.
    deleteItem(cem.doc, i2);
    await cem.waitSaved();
    await waitConverged(all.map((c) => c.doc));
    for (const c of all) expect([...aggregateBoard(c.doc).keys()]).toEqual([i1]);
    const fresh = connectClient(scope, srv.wsUrl, board.id, { params });
    await fresh.waitSynced();
    expect(aggregateBoard(fresh.doc)).toEqual(aggregateBoard(ann.doc));
  });
});
