import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  createItem,
  deleteItem,
  deleteItems,
  getItem,
  initBoard,
  itemsMap,
  linkId,
  linkItems,
  linksMap,
  listItems,
  listLinks,
  metaMap,
  moveItem,
  moveItems,
  readMeta,
  relatedToProblem,
  setTitle,
  touchItem,
  unlink,
  updateItem,
  type CreateItemInput,
} from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import {
  COORD_LIMIT,
  DEFAULT_SIZE,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROLE_TEXT_LENGTH,
  MAX_SIZE,
  MAX_TITLE_LENGTH,
  MIN_SIZE,
  SCHEMA_VERSION,
  type BoardItem,
  type DamagedItem,
} from '../../shared/model/schema';
import { isDamaged } from '../../shared/model/validate';
import type { RoleId } from '../../shared/roles';
import { author } from '../helpers/board';

const hanne = author('citizen', 'Hanne');

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Test board', undefined, 1000);
  return doc;
}

function item(doc: Y.Doc, id: string): BoardItem {
  const it = getItem(doc, id);
  if (it === null || isDamaged(it)) throw new Error(`expected a valid item ${id}, got ${JSON.stringify(it)}`);
  return it;
}

/** Everything observable about a doc's content, for "nothing changed" checks. */
function snapshot(doc: Y.Doc) {
  return {
    sv: Array.from(Y.encodeStateVector(doc)),
    json: JSON.stringify(doc.toJSON()),
    update: Array.from(Y.encodeStateAsUpdate(doc)),
  };
}

/** `fn` must throw a BoardError and leave the doc exactly as it was, without emitting an update. */
function expectRejected(doc: Y.Doc, fn: () => unknown, message?: RegExp): void {
  const before = snapshot(doc);
  let updates = 0;
  const onUpdate = () => updates++;
  doc.on('update', onUpdate);
  try {
    expect(fn).toThrow(BoardError);
    if (message) expect(fn).toThrow(message);
  } finally {
    doc.off('update', onUpdate);
  }
  expect(updates, 'a rejected call must not write anything').toBe(0);
  expect(snapshot(doc)).toEqual(before);
}

describe('initBoard / readMeta / setTitle', () => {
  it('initialises meta once and keeps createdAt on re-init', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Havnen', undefined, 1234);
    expect(readMeta(doc)).toEqual({ title: 'Havnen', schemaVersion: SCHEMA_VERSION, createdAt: 1234 });
    initBoard(doc, 'Havnen 2', undefined, 9999);
    expect(readMeta(doc)).toEqual({ title: 'Havnen 2', schemaVersion: SCHEMA_VERSION, createdAt: 1234 });
  });

  it('setTitle writes the title; too long titles are rejected without change', () => {
    const doc = newDoc();
    setTitle(doc, 'Ny titel');
    expect(readMeta(doc).title).toBe('Ny titel');
    setTitle(doc, 'x'.repeat(MAX_TITLE_LENGTH));
    expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH);
    expectRejected(doc, () => setTitle(doc, 'x'.repeat(MAX_TITLE_LENGTH + 1)));
    expectRejected(doc, () => setTitle(doc, 42 as unknown as string));
    expectRejected(doc, () => initBoard(doc, 'y'.repeat(MAX_TITLE_LENGTH + 1)));
  });

  it('readMeta tolerates junk written by a remote peer', () => {
    const doc = new Y.Doc();
    const meta = metaMap(doc);
    meta.set('title', 42);
    meta.set('schemaVersion', 'one');
    meta.set('createdAt', Number.NaN);
    expect(readMeta(doc)).toEqual({ title: '', schemaVersion: SCHEMA_VERSION, createdAt: 0 });
    meta.set('title', 'z'.repeat(MAX_TITLE_LENGTH * 3));
    expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH);
  });

  it('passes the origin through to the transaction', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    const me = { who: 'me' };
    initBoard(doc, 'a', me);
    setTitle(doc, 'b', me);
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne, text: 'hi' }, me);
    expect(origins).toEqual([me, me, me]);
  });
});

describe('createItem', () => {
  it('creates each kind with defaults, author, timestamps and body text in one update', () => {
    const doc = newDoc();
    let updates = 0;
    doc.on('update', () => updates++);
    const p = createItem(doc, { kind: 'problem', x: 10, y: -20, author: hanne, text: 'Linje 1\nLinje 2', now: 5 });
    expect(updates).toBe(1);
    const problem = item(doc, p);
    expect(problem).toMatchObject({
      id: p,
      kind: 'problem',
      x: 10,
      y: -20,
      ...DEFAULT_SIZE.problem,
      role: 'citizen',
      authorName: 'Hanne',
      createdAt: 5,
      updatedAt: 5,
    });
    expect(readPlainText(problem.body)).toBe('Linje 1\nLinje 2');
    expect(problem.body.toString()).toBe('<paragraph>Linje 1</paragraph><paragraph>Linje 2</paragraph>');

    const v = createItem(doc, { kind: 'perspective', x: 0, y: 0, author: author('politician', 'Ole'), problemId: p });
    const persp = item(doc, v);
    expect(persp.kind).toBe('perspective');
    expect(persp.kind === 'perspective' && persp.problemId).toBe(p);
    expect({ w: persp.w, h: persp.h }).toEqual(DEFAULT_SIZE.perspective);

    const i = createItem(doc, { kind: 'idea', x: 1, y: 2, w: MIN_SIZE, h: MAX_SIZE, author: hanne });
    expect(item(doc, i)).toMatchObject({ kind: 'idea', w: MIN_SIZE, h: MAX_SIZE });
    expect(item(doc, i).body.length).toBe(0);
    expect(new Set([p, v, i]).size).toBe(3);
  });

  it('accepts an explicit unused id and the coordinate limits', () => {
    const doc = newDoc();
    const id = createItem(doc, { id: 'my-item_1', kind: 'idea', x: COORD_LIMIT, y: -COORD_LIMIT, author: hanne });
    expect(id).toBe('my-item_1');
    expect(item(doc, id)).toMatchObject({ x: COORD_LIMIT, y: -COORD_LIMIT });
  });

  const base: CreateItemInput = { kind: 'idea', x: 0, y: 0, author: hanne };
  const bad: Array<[string, Partial<CreateItemInput>]> = [
    ['unknown kind', { kind: 'note' as CreateItemInput['kind'] }],
    ['unknown role', { author: { name: 'X', role: 'king' as RoleId } }],
    ['empty author name', { author: { name: '   ', role: 'citizen' } }],
    ['too long author name', { author: { name: 'n'.repeat(MAX_NAME_LENGTH + 1), role: 'citizen' } }],
    ['NaN x', { x: Number.NaN }],
    ['Infinity y', { y: Number.POSITIVE_INFINITY }],
    ['x beyond the limit', { x: COORD_LIMIT + 1 }],
    ['string x', { x: '10' as unknown as number }],
    ['too small w', { w: MIN_SIZE - 1 }],
    ['too large h', { h: MAX_SIZE + 1 }],
    ['NaN w', { w: Number.NaN }],
    ['invalid id', { id: 'has space' }],
    ['empty id', { id: '' }],
    ['too long id', { id: 'a'.repeat(65) }],
    ['perspective without problem', { kind: 'perspective' }],
  ];
  it.each(bad)('rejects %s with BoardError and writes nothing', (_name, patch) => {
    const doc = newDoc();
    createItem(doc, { ...base, id: 'existing' });
    expectRejected(doc, () => createItem(doc, { ...base, ...patch }));
  });

  it('the role "other" keeps the person’s own words; other roles do not store them', () => {
    const doc = newDoc();
    const own = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Kim', role: 'other', roleText: 'Havnefoged' } });
    expect(item(doc, own)).toMatchObject({ role: 'other', roleText: 'Havnefoged' });
    const citizen = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Bo', role: 'citizen', roleText: 'ignored' } });
    expect(item(doc, citizen).roleText).toBe('');
    expect((itemsMap(doc).get(citizen) as Y.Map<unknown>).has('roleText')).toBe(false);
    const blank = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Al', role: 'other' } });
    expect(item(doc, blank).roleText).toBe('');
    expectRejected(doc, () =>
      createItem(doc, { ...base, author: { name: 'X', role: 'other', roleText: 'r'.repeat(MAX_ROLE_TEXT_LENGTH + 1) } }),
    );
    expectRejected(doc, () =>
      createItem(doc, { ...base, author: { name: 'X', role: 'other', roleText: 7 as unknown as string } }),
    );
  });

  it('rejects a duplicate id and perspectives on non-problems', () => {
    const doc = newDoc();
    const idea = createItem(doc, { ...base, id: 'taken' });
    expectRejected(doc, () => createItem(doc, { ...base, id: 'taken' }), /already exists/);
    expectRejected(doc, () => createItem(doc, { ...base, kind: 'perspective', problemId: idea }), /problem/);
    expectRejected(doc, () => createItem(doc, { ...base, kind: 'perspective', problemId: 'missing' }), /problem/);
  });
});

describe('move / update / touch', () => {
  it('moveItem and moveItems change position and updatedAt in one transaction', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne, now: 1 });
    const b = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne, now: 1 });
    moveItem(doc, a, 5, 6, undefined, 2);
    expect(item(doc, a)).toMatchObject({ x: 5, y: 6, updatedAt: 2, createdAt: 1 });
    let updates = 0;
    doc.on('update', () => updates++);
    moveItems(doc, [{ id: a, x: -1, y: -2 }, { id: b, x: 100, y: 200 }], undefined, 3);
    expect(updates).toBe(1);
    expect(item(doc, a)).toMatchObject({ x: -1, y: -2, updatedAt: 3 });
    expect(item(doc, b)).toMatchObject({ x: 100, y: 200, updatedAt: 3 });
  });

  it('moveItems is all-or-nothing: one bad move or unknown id changes nothing', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    expectRejected(doc, () => moveItems(doc, [{ id: a, x: 1, y: 1 }, { id: a, x: Number.NaN, y: 0 }]));
    expectRejected(doc, () => moveItems(doc, [{ id: a, x: 1, y: 1 }, { id: 'ghost', x: 0, y: 0 }]), /no item/);
    expectRejected(doc, () => moveItem(doc, a, 0, COORD_LIMIT * 2));
    expectRejected(doc, () => moveItem(doc, 'ghost', 0, 0));
  });

  it('updateItem patches size and position; validates everything before writing', () => {
    const doc = newDoc();
    const p1 = createItem(doc, { kind: 'problem', x: 0, y: 0, author: hanne });
    const p2 = createItem(doc, { kind: 'problem', x: 0, y: 0, author: hanne });
    const v = createItem(doc, { kind: 'perspective', x: 0, y: 0, author: hanne, problemId: p1 });
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    updateItem(doc, idea, { w: 300, h: 301, x: 7 }, undefined, 50);
    expect(item(doc, idea)).toMatchObject({ w: 300, h: 301, x: 7, y: 0, updatedAt: 50 });
    updateItem(doc, v, { problemId: p2 });
    expect(item(doc, v)).toMatchObject({ problemId: p2 });

    expectRejected(doc, () => updateItem(doc, idea, { x: 1, w: MIN_SIZE - 1 }));
    expectRejected(doc, () => updateItem(doc, idea, { h: Number.POSITIVE_INFINITY }));
    expectRejected(doc, () => updateItem(doc, idea, { problemId: p1 }), /only perspectives/);
    expectRejected(doc, () => updateItem(doc, v, { problemId: idea }), /problem/);
    expectRejected(doc, () => updateItem(doc, 'ghost', { x: 1 }), /no item/);
  });

  it('touchItem sets updatedAt only', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 3, y: 4, author: hanne, now: 1 });
    touchItem(doc, a, undefined, 99);
    expect(item(doc, a)).toMatchObject({ x: 3, y: 4, createdAt: 1, updatedAt: 99 });
    expectRejected(doc, () => touchItem(doc, 'ghost'));
  });
});

describe('delete / list', () => {
  it('deleteItems removes the items and every link that touches them, and nothing else', () => {
    const doc = newDoc();
    const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: hanne });
    const i1 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const i2 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const i3 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const l1 = linkItems(doc, { kind: 'addresses', from: i1, to: p });
    const l2 = linkItems(doc, { kind: 'builds-on', from: i2, to: i1 });
    const l3 = linkItems(doc, { kind: 'addresses', from: i3, to: p });
    let updates = 0;
    doc.on('update', () => updates++);
    deleteItems(doc, [i1, 'not-there']);
    expect(updates).toBe(1);
    expect(getItem(doc, i1)).toBeNull();
    expect(listItems(doc).items.map((x) => x.id).sort()).toEqual([p, i2, i3].sort());
    expect([...linksMap(doc).keys()]).toEqual([l3]);
    expect(listLinks(doc).map((l) => l.id)).toEqual([l3]);
    expect(l1).not.toBe(l2);
    deleteItem(doc, p);
    expect(listLinks(doc)).toEqual([]);
    expect(linksMap(doc).size).toBe(0);
  });

  it('listItems separates damaged items from valid ones', () => {
    const doc = newDoc();
    const ok = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    itemsMap(doc).set('junk', 'not a map');
    const { items, damaged } = listItems(doc);
    expect(items.map((i) => i.id)).toEqual([ok]);
    expect(damaged).toEqual([{ id: 'junk', damaged: true, x: 0, y: 0, problems: ['item is not a map'] }]);
  });
});

describe('links', () => {
  function board() {
    const doc = newDoc();
    const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: hanne });
    const v = createItem(doc, { kind: 'perspective', x: 0, y: 0, author: hanne, problemId: p });
    const i1 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const i2 = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    return { doc, p, v, i1, i2 };
  }

  it('links the allowed kinds, with labels, and deduplicates identical links', () => {
    const { doc, p, v, i1, i2 } = board();
    const a = linkItems(doc, { kind: 'addresses', from: i1, to: p, label: 'løser' });
    const b = linkItems(doc, { kind: 'builds-on', from: i2, to: i1 });
    const c = linkItems(doc, { kind: 'perspective-on', from: v, to: p });
    expect(listLinks(doc).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: a, kind: 'addresses', from: i1, to: p, label: 'løser' },
        { id: b, kind: 'builds-on', from: i2, to: i1, label: '' },
        { id: c, kind: 'perspective-on', from: v, to: p, label: '' },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    const before = snapshot(doc);
    expect(linkItems(doc, { kind: 'addresses', from: i1, to: p, label: 'igen' })).toBe(a);
    expect(snapshot(doc)).toEqual(before);
    // The reverse direction is a different (and here not allowed) link.
    expectRejected(doc, () => linkItems(doc, { kind: 'builds-on', from: i1, to: i1 }), /itself/);
  });

  it('rejects wrong kinds, directions, unknown ends, long labels and taken ids', () => {
    const { doc, p, v, i1, i2 } = board();
    linkItems(doc, { kind: 'builds-on', from: i1, to: i2, id: 'taken' });
    expectRejected(doc, () => linkItems(doc, { kind: 'addresses', from: p, to: i1 }));
    expectRejected(doc, () => linkItems(doc, { kind: 'perspective-on', from: i1, to: p }));
    expectRejected(doc, () => linkItems(doc, { kind: 'builds-on', from: i1, to: p }));
    expectRejected(doc, () => linkItems(doc, { kind: 'supports' as 'addresses', from: i1, to: p }), /unknown link kind/);
    expectRejected(doc, () => linkItems(doc, { kind: 'addresses', from: 'ghost', to: p }), /no item/);
    expectRejected(doc, () => linkItems(doc, { kind: 'addresses', from: i1, to: 'ghost' }), /no item/);
    expectRejected(doc, () =>
      linkItems(doc, { kind: 'addresses', from: i1, to: p, label: 'l'.repeat(MAX_LABEL_LENGTH + 1) }),
    );
    expectRejected(doc, () => linkItems(doc, { kind: 'addresses', from: i2, to: p, id: 'taken' }), /already exists/);
    itemsMap(doc).set('broken', 'junk');
    expectRejected(doc, () => linkItems(doc, { kind: 'builds-on', from: 'broken', to: i1 }), /no item/);
    expect(v).toBeTruthy();
  });

  it('the default link id is derived from the link, so peers creating the same link concurrently get one link', () => {
    const { doc, p, i1 } = board();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const here = linkItems(doc, { kind: 'addresses', from: i1, to: p, label: 'her' });
    const there = linkItems(remote, { kind: 'addresses', from: i1, to: p, label: 'der' });
    expect(here).toBe(linkId('addresses', i1, p));
    expect(there).toBe(here);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    expect(listLinks(doc)).toEqual(listLinks(remote));
    expect(listLinks(doc)).toHaveLength(1);
    expect(['her', 'der']).toContain(listLinks(doc)[0]?.label);
    remote.destroy();
  });

  it('unlink removes one link; unlinking an unknown id is harmless', () => {
    const { doc, p, i1, i2 } = board();
    const a = linkItems(doc, { kind: 'addresses', from: i1, to: p });
    const b = linkItems(doc, { kind: 'addresses', from: i2, to: p });
    unlink(doc, a);
    expect(listLinks(doc).map((l) => l.id)).toEqual([b]);
    unlink(doc, 'ghost');
    expect(listLinks(doc).map((l) => l.id)).toEqual([b]);
  });

  it('listLinks skips links left dangling by a concurrent delete, and malformed links', () => {
    const { doc, p, i1, i2 } = board();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    // Concurrently: here i1 gets linked, there i1 is deleted (which removes only the links it knew about).
    const dangling = linkItems(doc, { kind: 'addresses', from: i1, to: p });
    const kept = linkItems(doc, { kind: 'addresses', from: i2, to: p });
    deleteItem(remote, i1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    for (const d of [doc, remote]) {
      expect(linksMap(d).has(dangling), 'the dangling link is still stored').toBe(true);
      expect(listLinks(d).map((l) => l.id)).toEqual([kept]);
    }
    // Junk in the links map is skipped, never thrown.
    linksMap(doc).set('junk1', 'string');
    const m = new Y.Map<unknown>();
    linksMap(doc).set('junk2', m);
    m.set('kind', 'addresses');
    m.set('from', 5);
    expect(listLinks(doc).map((l) => l.id)).toEqual([kept]);
    remote.destroy();
  });

  it('relatedToProblem lists addressing ideas and the problem’s perspectives', () => {
    const { doc, p, v, i1, i2 } = board();
    const p2 = createItem(doc, { kind: 'problem', x: 0, y: 0, author: hanne });
    createItem(doc, { kind: 'perspective', x: 0, y: 0, author: hanne, problemId: p2 });
    linkItems(doc, { kind: 'addresses', from: i1, to: p });
    linkItems(doc, { kind: 'addresses', from: i2, to: p2 });
    linkItems(doc, { kind: 'builds-on', from: i2, to: i1 });
    expect(relatedToProblem(doc, p)).toEqual({ ideas: [i1], perspectives: [v] });
  });
});

describe('type-level shapes', () => {
  it('DamagedItem and BoardItem are told apart by isDamaged', () => {
    const d: DamagedItem = { id: 'x', damaged: true, x: 0, y: 0, problems: [] };
    expect(isDamaged(d)).toBe(true);
    const doc = newDoc();
    const id = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    expect(isDamaged(item(doc, id))).toBe(false);
  });
});
