import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, getItem, itemsMap, listItems } from '../../shared/model/board';
import {
  COORD_LIMIT,
  MAX_NAME_LENGTH,
  MAX_ROLE_TEXT_LENGTH,
  MAX_SIZE,
  MIN_SIZE,
  type DamagedItem,
} from '../../shared/model/schema';
import { isDamaged, readItem, readLink } from '../../shared/model/validate';
import { author } from '../helpers/board';
import { Rng } from '../helpers/prng';

/**
 * Everything in a board can come from a remote peer. These tests write junk
 * with the raw Yjs API on one doc, sync it to another (as the network would),
 * and check that the reader there turns it into a damaged card and never throws.
 */

const VALID: Record<string, unknown> = {
  kind: 'idea',
  x: 10,
  y: 20,
  w: 200,
  h: 150,
  role: 'citizen',
  authorName: 'Hanne',
  createdAt: 1,
  updatedAt: 2,
};

/** Writes one item with the given fields (and a body unless `body: false`) on a remote doc and syncs it here. */
function remoteItem(fields: Record<string, unknown>, opts: { body?: unknown; omit?: string[] } = {}) {
  const remote = new Y.Doc();
  const local = new Y.Doc();
  remote.transact(() => {
    const m = new Y.Map<unknown>();
    itemsMap(remote).set('it', m);
    for (const [k, v] of Object.entries({ ...VALID, ...fields })) {
      if (!opts.omit?.includes(k)) m.set(k, v);
    }
    if (opts.body === undefined) m.set('body', new Y.XmlFragment());
    else if (opts.body !== null) m.set('body', opts.body);
  });
  Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
  remote.destroy();
  return local;
}

function damagedOf(doc: Y.Doc): DamagedItem {
  const it = getItem(doc, 'it');
  if (it === null || !isDamaged(it)) throw new Error(`expected a damaged item, got ${JSON.stringify(it)}`);
  return it;
}

describe('readItem', () => {
  it('reads a well-formed remote item as valid', () => {
    const doc = remoteItem({});
    const it = getItem(doc, 'it');
    expect(it && !isDamaged(it) && it.kind).toBe('idea');
  });

  const cases: Array<[string, Record<string, unknown>, string, { x: number; y: number }]> = [
    ['x is NaN', { x: Number.NaN }, 'bad x', { x: 0, y: 20 }],
    ['x is a numeric string', { x: '12' }, 'bad x', { x: 0, y: 20 }],
    ['y is 1e308', { y: 1e308 }, 'bad y', { x: 10, y: 0 }],
    ['y is -Infinity', { y: Number.NEGATIVE_INFINITY }, 'bad y', { x: 10, y: 0 }],
    ['x just outside the canvas', { x: COORD_LIMIT + 1 }, 'bad x', { x: 0, y: 20 }],
    ['w too small', { w: MIN_SIZE - 1 }, 'bad w', { x: 10, y: 20 }],
    ['h too large', { h: MAX_SIZE + 1 }, 'bad h', { x: 10, y: 20 }],
    ['w is null', { w: null }, 'bad w', { x: 10, y: 20 }],
    ['unknown kind', { kind: 'sticker' }, 'unknown kind', { x: 10, y: 20 }],
    ['unknown role', { role: 'king' }, 'unknown role', { x: 10, y: 20 }],
    ['role is a number', { role: 3 }, 'unknown role', { x: 10, y: 20 }],
    ['author name too long', { authorName: 'n'.repeat(MAX_NAME_LENGTH + 1) }, 'bad author name', { x: 10, y: 20 }],
    ['author name is an object', { authorName: { first: 'H' } }, 'bad author name', { x: 10, y: 20 }],
    ['role text is a number', { role: 'other', roleText: 12 }, 'bad role text', { x: 10, y: 20 }],
    ['role text too long', { role: 'other', roleText: 'r'.repeat(MAX_ROLE_TEXT_LENGTH + 1) }, 'bad role text', { x: 10, y: 20 }],
    ['createdAt negative', { createdAt: -1 }, 'bad createdAt', { x: 10, y: 20 }],
    ['updatedAt is a string', { updatedAt: 'now' }, 'bad updatedAt', { x: 10, y: 20 }],
    ['perspective without problemId', { kind: 'perspective' }, 'missing problem', { x: 10, y: 20 }],
    ['perspective with numeric problemId', { kind: 'perspective', problemId: 7 }, 'missing problem', { x: 10, y: 20 }],
  ];
  it.each(cases)('%s → damaged with the right problem and a best-effort position', (_n, fields, problem, pos) => {
    const doc = remoteItem(fields);
    const d = damagedOf(doc);
    expect(d.problems).toContain(problem);
    expect({ x: d.x, y: d.y }).toEqual(pos);
    expect(listItems(doc).damaged.map((i) => i.id)).toEqual(['it']);
    expect(listItems(doc).items).toEqual([]);
  });

  it('missing fields and a missing or wrong-typed body make a damaged item', () => {
    expect(damagedOf(remoteItem({}, { body: null })).problems).toEqual(['missing body']);
    expect(damagedOf(remoteItem({}, { body: 'plain string' })).problems).toEqual(['missing body']);
    expect(damagedOf(remoteItem({}, { body: new Y.Text('t') })).problems).toEqual(['missing body']);
    const noCoords = damagedOf(remoteItem({}, { omit: ['x', 'y', 'kind'] }));
    expect(noCoords.problems).toEqual(expect.arrayContaining(['bad x', 'bad y', 'unknown kind']));
    expect({ x: noCoords.x, y: noCoords.y }).toEqual({ x: 0, y: 0 });
  });

  it('an item that is not a map (string, number, array, text, null) is damaged at 0,0', () => {
    const remote = new Y.Doc();
    const items = itemsMap(remote);
    items.set('s', 'hello');
    items.set('n', 42);
    items.set('nul', null);
    items.set('arr', new Y.Array());
    items.set('txt', new Y.Text('x'));
    items.set('frag', new Y.XmlFragment());
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));
    const { items: ok, damaged } = listItems(local);
    expect(ok).toEqual([]);
    expect(damaged.map((d) => d.id).sort()).toEqual(['arr', 'frag', 'n', 'nul', 's', 'txt']);
    for (const d of damaged) expect(d).toMatchObject({ damaged: true, x: 0, y: 0, problems: ['item is not a map'] });
    expect(readItem('u', undefined)).toMatchObject({ damaged: true });
  });

  it('never throws on random junk, and whatever it accepts satisfies the schema', () => {
    const rng = new Rng(20240611);
    const junk = (): unknown => {
      const choices: Array<() => unknown> = [
        () => rng.range(-5, 5000),
        () => rng.float() * 1e9 - 5e8,
        () => Number.NaN,
        () => Number.POSITIVE_INFINITY,
        () => 1e308,
        () => rng.word(),
        () => 'x'.repeat(rng.range(0, 300)),
        () => null,
        () => true,
        () => ({ nested: rng.word() }),
        () => [1, 2, 3],
        () => rng.pick(['idea', 'problem', 'perspective', 'citizen', 'politician', 'other']),
      ];
      return rng.pick(choices)();
    };
    const keys = ['kind', 'x', 'y', 'w', 'h', 'role', 'authorName', 'roleText', 'createdAt', 'updatedAt', 'problemId'];
    let valid = 0;
    for (let n = 0; n < 400; n++) {
      const fields: Record<string, unknown> = { ...VALID, kind: rng.pick(['idea', 'problem', 'perspective']) };
      for (const k of keys) if (rng.chance(0.12)) fields[k] = junk();
      const omit = keys.filter(() => rng.chance(0.02));
      const body = rng.chance(0.1) ? rng.pick<unknown>([null, 'body', new Y.Map()]) : undefined;
      const doc = remoteItem(fields, { omit, body });
      const it = readItem('it', itemsMap(doc).get('it'));
      if (isDamaged(it)) {
        expect(it.problems.length).toBeGreaterThan(0);
        expect(Number.isFinite(it.x) && Math.abs(it.x) <= COORD_LIMIT).toBe(true);
        expect(Number.isFinite(it.y) && Math.abs(it.y) <= COORD_LIMIT).toBe(true);
      } else {
        valid++;
        expect(['idea', 'problem', 'perspective']).toContain(it.kind);
        for (const v of [it.x, it.y]) expect(Number.isFinite(v) && Math.abs(v) <= COORD_LIMIT).toBe(true);
        for (const v of [it.w, it.h]) expect(v >= MIN_SIZE && v <= MAX_SIZE).toBe(true);
        expect(typeof it.authorName).toBe('string');
        expect(typeof it.roleText === 'string' && it.roleText.length <= MAX_ROLE_TEXT_LENGTH).toBe(true);
        expect(it.body).toBeInstanceOf(Y.XmlFragment);
        if (it.kind === 'perspective') expect(typeof it.problemId).toBe('string');
      }
      doc.destroy();
    }
    // Both paths were exercised.
    expect(valid).toBeGreaterThan(10);
    expect(valid).toBeLessThan(390);
  });

  it('a damaged item does not stop the valid ones around it from being read', () => {
    const doc = new Y.Doc();
    const a = createItem(doc, { kind: 'idea', x: 1, y: 1, author: author() });
    const m = new Y.Map<unknown>();
    itemsMap(doc).set('bad', m);
    m.set('x', 'left');
    const b = createItem(doc, { kind: 'problem', x: 2, y: 2, author: author() });
    const { items, damaged } = listItems(doc);
    expect(items.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(damaged.map((d) => d.id)).toEqual(['bad']);
  });
});

describe('readLink', () => {
  it('returns null for malformed links instead of throwing', () => {
    const doc = new Y.Doc();
    const links = doc.getMap<unknown>('links');
    const make = (fields: Record<string, unknown>) => {
      const m = new Y.Map<unknown>();
      links.set(String(links.size), m);
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
      return m;
    };
    expect(readLink('a', make({ kind: 'addresses', from: 'i', to: 'p' }))).toEqual({
      id: 'a',
      kind: 'addresses',
      from: 'i',
      to: 'p',
      label: '',
    });
    expect(readLink('b', make({ kind: 'likes', from: 'i', to: 'p' }))).toBeNull();
    expect(readLink('c', make({ kind: 'addresses', from: 1, to: 'p' }))).toBeNull();
    expect(readLink('d', make({ kind: 'addresses', from: 'i', to: 'p'.repeat(65) }))).toBeNull();
    expect(readLink('e', make({ kind: 'addresses', from: 'i', to: 'p', label: 'l'.repeat(10_000) }))).toBeNull();
    expect(readLink('f', 'string')).toBeNull();
    expect(readLink('g', null)).toBeNull();
  });
});
