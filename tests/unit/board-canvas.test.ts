import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardError,
  copyItems,
  createItem,
  deleteItems,
  duplicateItems,
  getItem,
  initBoard,
  itemsInFrame,
  itemsMap,
  linkItems,
  listLinks,
  pasteItems,
  restack,
  setLinkLabel,
  updateItem,
  updateItems,
  zRange,
} from '../../shared/model/board';
import { readPlainText, writePlainText } from '../../shared/model/richtext';
import { Z_LIMIT, type BoardItem } from '../../shared/model/schema';
import { isDamaged, readItem } from '../../shared/model/validate';
import { author } from '../helpers/board';

const hanne = author('citizen', 'Hanne');
const bo = author('politician', 'Bo');

function newDoc(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Canvas', undefined, 1000);
  return doc;
}
function item(doc: Y.Doc, id: string): BoardItem {
  const it = getItem(doc, id);
  if (it === null || isDamaged(it)) throw new Error(`expected item ${id}`);
  return it;
}

describe('z order and colour (additive fields)', () => {
  it('reads items without z or color as z 0 and the role colour', () => {
    const doc = newDoc();
    const id = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const m = itemsMap(doc).get(id) as Y.Map<unknown>;
    expect(m.has('z')).toBe(false);
    expect(m.has('color')).toBe(false);
    expect(item(doc, id).z).toBe(0);
    expect(item(doc, id).color).toBe('');
  });

  it('marks a non-finite z as damaged and ignores an unknown colour', () => {
    const doc = newDoc();
    const id = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne, z: 3, color: 'pink' });
    expect(item(doc, id)).toMatchObject({ z: 3, color: 'pink' });
    const m = itemsMap(doc).get(id) as Y.Map<unknown>;
    m.set('color', 'ultraviolet');
    expect(item(doc, id).color).toBe('');
    m.set('z', Number.NaN);
    const read = readItem(id, m);
    expect(isDamaged(read) && read.problems).toContain('bad z');
  });

  it('validates z and colour on write', () => {
    const doc = newDoc();
    const id = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    expect(() => updateItem(doc, id, { z: Z_LIMIT * 2 })).toThrow(BoardError);
    expect(() => updateItem(doc, id, { color: 'mauve' as 'pink' })).toThrow(BoardError);
    updateItem(doc, id, { color: 'green', z: 5 });
    expect(item(doc, id)).toMatchObject({ color: 'green', z: 5 });
    updateItem(doc, id, { color: '' });
    expect(item(doc, id).color).toBe('');
  });

  it('brings items to the front and sends them to the back, keeping their order', () => {
    const doc = newDoc();
    const [a, b, c] = [1, 2, 3].map((z) => createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne, z })) as [string, string, string];
    restack(doc, [b, a], 'front');
    expect(item(doc, a).z).toBeGreaterThan(item(doc, c).z);
    expect(item(doc, b).z).toBeGreaterThan(item(doc, a).z);
    restack(doc, [c], 'back');
    expect(item(doc, c).z).toBeLessThan(Math.min(item(doc, a).z, item(doc, b).z));
    expect(zRange(doc)).toEqual({ min: item(doc, c).z, max: item(doc, b).z });
  });

  it('updates many items in one transaction', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    const b = createItem(doc, { kind: 'idea', x: 10, y: 0, author: hanne });
    let updates = 0;
    doc.on('update', () => updates++);
    updateItems(doc, [{ id: a, w: 100 }, { id: b, w: 120, color: 'blue' }]);
    expect(updates).toBe(1);
    expect(item(doc, b)).toMatchObject({ w: 120, color: 'blue' });
  });
});

describe('copy, paste and duplicate', () => {
  it('copies bodies, offsets positions, re-authors and re-links among the copies', () => {
    const doc = newDoc();
    const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: bo, text: 'Oversvømmelse' });
    const i = createItem(doc, { kind: 'idea', x: 400, y: 0, author: bo, text: 'Sandsække\nDiger', color: 'orange' });
    const persp = createItem(doc, { kind: 'perspective', x: 0, y: 300, author: bo, problemId: p });
    linkItems(doc, { kind: 'addresses', from: i, to: p, label: 'hjælper' });
    const clip = copyItems(doc, [p, i, persp]);
    // The originals can go; the clipboard still pastes (twice).
    deleteItems(doc, [p, i, persp]);
    const first = pasteItems(doc, clip, 50, 60, hanne);
    const second = pasteItems(doc, clip, 100, 120, hanne);
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    const copies = first.map((id) => item(doc, id));
    const idea = copies.find((c) => c.kind === 'idea') as BoardItem;
    const problem = copies.find((c) => c.kind === 'problem') as BoardItem;
    const perspective = copies.find((c) => c.kind === 'perspective');
    expect(readPlainText(idea.body)).toBe('Sandsække\nDiger');
    expect(idea).toMatchObject({ x: 450, y: 60, color: 'orange', authorName: 'Hanne', role: 'citizen' });
    expect(perspective?.kind === 'perspective' && perspective.problemId).toBe(problem.id);
    const links = listLinks(doc);
    expect(links).toHaveLength(2);
    expect(links.find((l) => l.from === idea.id)).toMatchObject({ kind: 'addresses', to: problem.id, label: 'hjælper' });
    // Pasted items land on top.
    expect(Math.min(...second.map((id) => item(doc, id).z))).toBeGreaterThan(Math.max(...first.map((id) => item(doc, id).z)));
  });

  it('duplicates in one transaction; the copy body is independent of the original', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 0, y: 0, author: bo, text: 'Original' });
    let updates = 0;
    doc.on('update', () => updates++);
    const [copy] = duplicateItems(doc, [a], hanne);
    expect(updates).toBe(1);
    expect(item(doc, copy as string)).toMatchObject({ x: 24, y: 24 });
    writePlainText(item(doc, a).body, 'Changed');
    expect(readPlainText(item(doc, copy as string).body)).toBe('Original');
  });

  it('sets and validates a link label', () => {
    const doc = newDoc();
    const a = createItem(doc, { kind: 'idea', x: 0, y: 0, author: bo });
    const b = createItem(doc, { kind: 'idea', x: 0, y: 0, author: bo });
    const l = linkItems(doc, { kind: 'builds-on', from: a, to: b });
    setLinkLabel(doc, l, 'videre');
    expect(listLinks(doc)[0]?.label).toBe('videre');
    expect(() => setLinkLabel(doc, l, 'x'.repeat(1000))).toThrow(BoardError);
    expect(() => setLinkLabel(doc, 'nope', 'x')).toThrow(BoardError);
  });
});

describe('frames (additive item kind)', () => {
  it('creates a named frame and finds the items lying entirely inside it', () => {
    const doc = newDoc();
    const f = createItem(doc, { kind: 'frame', x: 0, y: 0, author: hanne, text: 'Fase 1: idéer' });
    expect(item(doc, f)).toMatchObject({ kind: 'frame', w: 800, h: 560 });
    expect(readPlainText(item(doc, f).body)).toBe('Fase 1: idéer');
    const inside = createItem(doc, { kind: 'idea', x: 100, y: 100, author: hanne });
    const edge = createItem(doc, { kind: 'idea', x: 700, y: 100, author: hanne }); // sticks out (w 220)
    const outside = createItem(doc, { kind: 'problem', x: 900, y: 0, author: hanne });
    expect(itemsInFrame(doc, f)).toEqual([inside]);
    expect(itemsInFrame(doc, inside)).toEqual([]);
    expect([edge, outside]).not.toContain(itemsInFrame(doc, f)[0]);
  });

  it('cannot be linked, and reads back as damaged only when its fields are bad', () => {
    const doc = newDoc();
    const f = createItem(doc, { kind: 'frame', x: 0, y: 0, author: hanne });
    const i = createItem(doc, { kind: 'idea', x: 0, y: 0, author: hanne });
    expect(() => linkItems(doc, { kind: 'addresses', from: i, to: f })).toThrow(BoardError);
    (itemsMap(doc).get(f) as Y.Map<unknown>).set('w', -1);
    expect(isDamaged(readItem(f, itemsMap(doc).get(f)))).toBe(true);
  });
});
