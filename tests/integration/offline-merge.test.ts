import { expect, it } from 'vitest';
import { createItem, deleteItem, getItem, itemsMap, linkItems, listLinks, moveItem } from '../../shared/model/board';
import { isDamaged } from '../../shared/model/validate';
import { author, bodyText, projectBoard, typeInto } from '../helpers/board';
import { connectClient, stateVector, waitConverged } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { holdsFor, waitFor } from '../helpers/wait';

const scope = useScope();

it('edits made while one client was offline merge with the other’s after reconnect', async () => {
  const srv = await startTestServer(scope);
  const a = connectClient(scope, srv.wsUrl, 'offline-board');
  const b = connectClient(scope, srv.wsUrl, 'offline-board');
  await Promise.all([a.waitSynced(), b.waitSynced()]);

  const problem = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author('citizen', 'A'), text: 'Fælles' });
  const shared = createItem(a.doc, { kind: 'idea', x: 100, y: 100, author: author('citizen', 'A'), text: 'start' });
  const moved = createItem(a.doc, { kind: 'idea', x: 200, y: 200, author: author('citizen', 'A') });
  const doomed = createItem(b.doc, { kind: 'idea', x: 300, y: 300, author: author('business', 'B'), text: 'væk' });
  await waitConverged([a.doc, b.doc]);

  a.disconnect();
  await waitFor(() => !a.provider.wsconnected, { message: 'A to go offline' });

  // Apart: both type into the same body, both move the same item, each creates
  // and links its own items, B deletes an item A does not touch.
  typeInto(a.doc, shared, 0, 'AAA ');
  typeInto(b.doc, shared, 5, ' BBB');
  moveItem(a.doc, moved, 1, 1);
  moveItem(b.doc, moved, 2, 2);
  const aNew = createItem(a.doc, { kind: 'idea', x: 10, y: 10, author: author('citizen', 'A'), text: 'fra A offline' });
  const bNew = createItem(b.doc, { kind: 'idea', x: 20, y: 20, author: author('business', 'B'), text: 'fra B' });
  const aLink = linkItems(a.doc, { kind: 'addresses', from: aNew, to: problem });
  const bLink = linkItems(b.doc, { kind: 'addresses', from: bNew, to: problem });
  deleteItem(b.doc, doomed);

  // The separation is real: B's edits reach the server but not A, and A's stay local.
  const observer = connectClient(scope, srv.wsUrl, 'offline-board');
  await observer.waitSynced();
  await waitConverged([b.doc, observer.doc]);
  await holdsFor(() => !itemsMap(b.doc).has(aNew) && itemsMap(a.doc).has(doomed), 100, 'separation');
  expect(bodyText(a.doc, shared)).toBe('AAA start');
  expect(bodyText(b.doc, shared)).toBe('start BBB');

  a.connect();
  await a.waitSynced();
  await waitConverged([a.doc, b.doc, observer.doc]);

  const pa = projectBoard(a.doc);
  expect(projectBoard(b.doc)).toEqual(pa);
  expect(projectBoard(observer.doc)).toEqual(pa);
  expect(stateVector(a.doc)).toEqual(stateVector(b.doc));

  // Both sides' edits are there.
  expect(bodyText(a.doc, shared)).toBe('AAA start BBB');
  for (const id of [problem, shared, moved, aNew, bNew]) {
    const it = getItem(a.doc, id);
    expect(it !== null && !isDamaged(it), `item ${id}`).toBe(true);
  }
  expect(getItem(a.doc, doomed)).toBeNull();
  expect(listLinks(a.doc).map((l) => l.id).sort()).toEqual([aLink, bLink].sort());
  // Concurrent moves: one of the two wins, everywhere the same, never a mix.
  const m = getItem(a.doc, moved);
  if (m === null || isDamaged(m)) throw new Error('moved item lost');
  expect([
    { x: 1, y: 1 },
    { x: 2, y: 2 },
  ]).toContainEqual({ x: m.x, y: m.y });
});

it('an item deleted on one side while the other edits it offline stays deleted, and its links go', async () => {
  const srv = await startTestServer(scope);
  const a = connectClient(scope, srv.wsUrl, 'offline-delete');
  const b = connectClient(scope, srv.wsUrl, 'offline-delete');
  await Promise.all([a.waitSynced(), b.waitSynced()]);
  const p = createItem(a.doc, { kind: 'problem', x: 0, y: 0, author: author(), text: 'p' });
  const idea = createItem(a.doc, { kind: 'idea', x: 0, y: 0, author: author(), text: 'idé' });
  await waitConverged([a.doc, b.doc]);

  b.disconnect();
  await waitFor(() => !b.provider.wsconnected);
  deleteItem(a.doc, p);
  typeInto(b.doc, p, 1, ' mere');
  const link = linkItems(b.doc, { kind: 'addresses', from: idea, to: p });
  await a.waitSaved();

  b.connect();
  await waitConverged([a.doc, b.doc]);
  for (const d of [a.doc, b.doc]) {
    expect(getItem(d, p)).toBeNull();
    // The link B made offline now dangles; it is not listed.
    expect(listLinks(d).map((l) => l.id)).not.toContain(link);
    expect(getItem(d, idea)).not.toBeNull();
  }
  expect(projectBoard(a.doc)).toEqual(projectBoard(b.doc));
});
