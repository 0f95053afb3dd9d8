import * as Y from 'yjs';
import { newItemId } from '../ids';
import { isRoleId } from '../roles';
import { publicName } from '../cocreation/names';
import { writePlainText } from './richtext';
import {
  COORD_LIMIT,
  DEFAULT_SIZE,
  ITEMS_KEY,
  LINKS_KEY,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROLE_TEXT_LENGTH,
  MAX_SIZE,
  MAX_TITLE_LENGTH,
  META_KEY,
  MIN_SIZE,
  SCHEMA_VERSION,
  CARD_COLORS,
  Z_LIMIT,
  type Author,
  type CardColor,
  type BoardItem,
  type BoardLink,
  type BoardMeta,
  type DamagedItem,
  type ItemKind,
  type LinkKind,
} from './schema';
import { isDamaged, isItemKind, isLinkKind, readItem, readLink } from './validate';

/**
 * The board model: a small typed API over one Y.Doc. Every write runs in one
 * transaction with the caller's origin, so undo managers and the server can
 * tell whose change it was. Invalid arguments throw BoardError before anything
 * is written.
 */

export class BoardError extends Error {
  override name = 'BoardError';
}

export const itemsMap = (doc: Y.Doc) => doc.getMap<unknown>(ITEMS_KEY);
export const linksMap = (doc: Y.Doc) => doc.getMap<unknown>(LINKS_KEY);
export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(META_KEY);

function check(cond: boolean, message: string): asserts cond {
  if (!cond) throw new BoardError(message);
}

function checkCoord(v: number, name: string) {
  check(Number.isFinite(v) && Math.abs(v) <= COORD_LIMIT, `${name} must be a finite number within ±${COORD_LIMIT}`);
}

function checkSize(v: number, name: string) {
  check(Number.isFinite(v) && v >= MIN_SIZE && v <= MAX_SIZE, `${name} must be between ${MIN_SIZE} and ${MAX_SIZE}`);
}

function checkAuthor(author: Author, template = false) {
  check(isRoleId(author.role), `unknown role "${String(author.role)}"`);
  // Template starter content has no author (it was written by nobody on the board).
  check(typeof author.name === 'string' && (template || author.name.trim().length > 0), 'author name is required');
  check(author.name.length <= MAX_NAME_LENGTH, `author name is longer than ${MAX_NAME_LENGTH} characters`);
  check(
    author.roleText === undefined || (typeof author.roleText === 'string' && author.roleText.length <= MAX_ROLE_TEXT_LENGTH),
    `role text is longer than ${MAX_ROLE_TEXT_LENGTH} characters`,
  );
}

export interface CreateItemInput {
  kind: ItemKind;
  x: number;
  y: number;
  w?: number;
  h?: number;
  author: Author;
  /** Plain text for the body; one paragraph per line. */
  text?: string;
  /** Required for perspectives: the problem they look at. */
  problemId?: string;
  /** Optional explicit id (import, tests); must be unused. */
  id?: string;
  now?: number;
  /** Stacking order; absent means 0. The UI passes zRange(doc).max + 1 to stack new cards on top. */
  z?: number;
  color?: CardColor;
  /** Starter content of a board template: no author name, counted for nobody (schema `template`). */
  template?: boolean;
}

function checkZ(v: number) {
  check(Number.isFinite(v) && Math.abs(v) <= Z_LIMIT, `z must be a finite number within ±${Z_LIMIT}`);
}

function checkColor(v: string) {
  check((CARD_COLORS as readonly string[]).includes(v) || v === '', `unknown colour "${v}"`);
}

/** The highest and lowest `z` on the board (0 for an empty board). */
export function zRange(doc: Y.Doc): { min: number; max: number } {
  let min = 0;
  let max = 0;
  itemsMap(doc).forEach((v) => {
    if (!(v instanceof Y.Map)) return;
    const z = (v as Y.Map<unknown>).get('z');
    if (typeof z === 'number' && Number.isFinite(z)) {
      if (z < min) min = z;
      if (z > max) max = z;
    }
  });
  return { min, max };
}

export function initBoard(doc: Y.Doc, title: string, origin?: unknown, now = Date.now()): void {
  check(typeof title === 'string' && title.length <= MAX_TITLE_LENGTH, 'title is too long');
  doc.transact(() => {
    const meta = metaMap(doc);
    if (meta.get('schemaVersion') === undefined) {
      meta.set('schemaVersion', SCHEMA_VERSION);
      meta.set('createdAt', now);
    }
    meta.set('title', title);
  }, origin);
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc);
  const title = meta.get('title');
  const version = meta.get('schemaVersion');
  const createdAt = meta.get('createdAt');
  return {
    title: typeof title === 'string' ? title.slice(0, MAX_TITLE_LENGTH) : '',
    schemaVersion: typeof version === 'number' ? version : SCHEMA_VERSION,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  };
}

export function setTitle(doc: Y.Doc, title: string, origin?: unknown): void {
  check(typeof title === 'string', 'title must be a string');
  check(title.length <= MAX_TITLE_LENGTH, `title is longer than ${MAX_TITLE_LENGTH} characters`);
  doc.transact(() => metaMap(doc).set('title', title), origin);
}

export function createItem(doc: Y.Doc, input: CreateItemInput, origin?: unknown): string {
  check(isItemKind(input.kind), `unknown item kind "${String(input.kind)}"`);
  checkAuthor(input.author, input.template === true);
  checkCoord(input.x, 'x');
  checkCoord(input.y, 'y');
  const size = DEFAULT_SIZE[input.kind];
  const w = input.w ?? size.w;
  const h = input.h ?? size.h;
  checkSize(w, 'w');
  checkSize(h, 'h');
  if (input.z !== undefined) checkZ(input.z);
  if (input.color !== undefined) checkColor(input.color);
  const items = itemsMap(doc);
  const id = input.id ?? newItemId();
  check(/^[A-Za-z0-9_-]{1,64}$/.test(id), 'invalid item id');
  check(!items.has(id), `item ${id} already exists`);
  if (input.kind === 'perspective') {
    check(typeof input.problemId === 'string', 'a perspective needs the problem it looks at');
    const target = getItem(doc, input.problemId);
    check(target !== null && !isDamaged(target) && target.kind === 'problem', 'problemId must name a problem');
  }
  const now = input.now ?? Date.now();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('kind', input.kind);
    m.set('x', input.x);
    m.set('y', input.y);
    m.set('w', w);
    m.set('h', h);
    m.set('role', input.author.role);
    // '' while names are hidden: the name stays on the author's device (shared/cocreation/names.ts).
    m.set('authorName', publicName(doc, input.author.name));
    if (input.author.role === 'other' && input.author.roleText) m.set('roleText', input.author.roleText);
    m.set('createdAt', now);
    m.set('updatedAt', now);
    if (input.kind === 'perspective') m.set('problemId', input.problemId);
    if (input.z !== undefined) m.set('z', input.z);
    if (input.color) m.set('color', input.color);
    if (input.template === true) m.set('template', true);
    const body = new Y.XmlFragment();
    m.set('body', body);
    items.set(id, m);
    // Text goes in after the fragment is part of the doc (Yjs prelim types).
    if (input.text) writePlainText(body, input.text);
  }, origin);
  return id;
}

function itemMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const m = itemsMap(doc).get(id);
  check(m instanceof Y.Map, `no item ${id}`);
  return m as Y.Map<unknown>;
}

export function getItem(doc: Y.Doc, id: string): BoardItem | DamagedItem | null {
  const value = itemsMap(doc).get(id);
  return value === undefined ? null : readItem(id, value);
}

export function moveItem(doc: Y.Doc, id: string, x: number, y: number, origin?: unknown, now = Date.now()): void {
  moveItems(doc, [{ id, x, y }], origin, now);
}

/** Moves several items in one transaction (one undo step, one network update). */
export function moveItems(
  doc: Y.Doc,
  moves: ReadonlyArray<{ id: string; x: number; y: number }>,
  origin?: unknown,
  now = Date.now(),
): void {
  const maps = moves.map((mv) => {
    checkCoord(mv.x, 'x');
    checkCoord(mv.y, 'y');
    return itemMap(doc, mv.id);
  });
  doc.transact(() => {
    moves.forEach((mv, i) => {
      const m = maps[i] as Y.Map<unknown>;
      // Only changed coordinates are written: a vertical nudge by one person must not
      // overwrite (and so block the undo of) another person's horizontal move.
      if (m.get('x') !== mv.x) m.set('x', mv.x);
      if (m.get('y') !== mv.y) m.set('y', mv.y);
      m.set('updatedAt', now);
    });
  }, origin);
}

export interface ItemPatch {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  problemId?: string;
  z?: number;
  /** '' removes the colour (back to the role colour). */
  color?: CardColor | '';
}

export function updateItem(doc: Y.Doc, id: string, patch: ItemPatch, origin?: unknown, now = Date.now()): void {
  const m = itemMap(doc, id);
  if (patch.x !== undefined) checkCoord(patch.x, 'x');
  if (patch.y !== undefined) checkCoord(patch.y, 'y');
  if (patch.w !== undefined) checkSize(patch.w, 'w');
  if (patch.h !== undefined) checkSize(patch.h, 'h');
  if (patch.z !== undefined) checkZ(patch.z);
  if (patch.color !== undefined) checkColor(patch.color);
  if (patch.problemId !== undefined) {
    check(m.get('kind') === 'perspective', 'only perspectives have a problem');
    const target = getItem(doc, patch.problemId);
    check(target !== null && !isDamaged(target) && target.kind === 'problem', 'problemId must name a problem');
  }
  doc.transact(() => {
    for (const key of ['x', 'y', 'w', 'h', 'z', 'problemId'] as const) {
      const v = patch[key];
      if (v !== undefined && m.get(key) !== v) m.set(key, v);
    }
    if (patch.color === '') m.delete('color');
    else if (patch.color !== undefined) m.set('color', patch.color);
    m.set('updatedAt', now);
  }, origin);
}

/** Marks an item as edited now (called after body edits, which Tiptap writes directly). */
export function touchItem(doc: Y.Doc, id: string, origin?: unknown, now = Date.now()): void {
  const m = itemMap(doc, id);
  doc.transact(() => m.set('updatedAt', now), origin);
}

/**
 * A participant who rewrites a template's starter card makes it theirs: the
 * card loses its template mark and carries their name and role from then on.
 * Frames stay template structure (they are nobody's contribution). Returns
 * whether anything changed.
 */
export function adoptItem(doc: Y.Doc, id: string, author: Author, origin?: unknown): boolean {
  checkAuthor(author);
  const m = itemMap(doc, id);
  if (m.get('template') !== true || m.get('kind') === 'frame') return false;
  doc.transact(() => {
    m.delete('template');
    m.set('role', author.role);
    m.set('authorName', publicName(doc, author.name));
    if (author.role === 'other' && author.roleText) m.set('roleText', author.roleText);
    else m.delete('roleText');
  }, origin);
  return true;
}

/** Deletes items and every link that touches them. */
export function deleteItems(doc: Y.Doc, ids: readonly string[], origin?: unknown): void {
  const items = itemsMap(doc);
  const links = linksMap(doc);
  const gone = new Set(ids);
  doc.transact(() => {
    for (const id of ids) items.delete(id);
    links.forEach((value, linkId) => {
      const link = readLink(linkId, value);
      if (link !== null && (gone.has(link.from) || gone.has(link.to))) links.delete(linkId);
    });
  }, origin);
}

export function deleteItem(doc: Y.Doc, id: string, origin?: unknown): void {
  deleteItems(doc, [id], origin);
}

export interface BoardListing {
  items: BoardItem[];
  damaged: DamagedItem[];
}

export function listItems(doc: Y.Doc): BoardListing {
  const items: BoardItem[] = [];
  const damaged: DamagedItem[] = [];
  itemsMap(doc).forEach((value, id) => {
    const item = readItem(id, value);
    if (isDamaged(item)) damaged.push(item);
    else items.push(item);
  });
  return { items, damaged };
}

const ALLOWED_LINKS: Record<LinkKind, [ItemKind, ItemKind]> = {
  addresses: ['idea', 'problem'],
  'builds-on': ['idea', 'idea'],
  'perspective-on': ['perspective', 'problem'],
};

export function linkItems(
  doc: Y.Doc,
  input: { kind: LinkKind; from: string; to: string; label?: string; id?: string },
  origin?: unknown,
): string {
  check(isLinkKind(input.kind), `unknown link kind "${String(input.kind)}"`);
  check(input.from !== input.to, 'an item cannot link to itself');
  const label = input.label ?? '';
  check(typeof label === 'string' && label.length <= MAX_LABEL_LENGTH, 'label is too long');
  const from = getItem(doc, input.from);
  const to = getItem(doc, input.to);
  check(from !== null && !isDamaged(from), `no item ${input.from}`);
  check(to !== null && !isDamaged(to), `no item ${input.to}`);
  const [fromKind, toKind] = ALLOWED_LINKS[input.kind];
  check(from.kind === fromKind && to.kind === toKind, `"${input.kind}" links a ${fromKind} to a ${toKind}`);
  const links = linksMap(doc);
  // The default id is derived from the link itself: creating the same link twice
  // (even concurrently on two peers) lands on one key, and the check is O(1).
  const id = input.id ?? linkId(input.kind, input.from, input.to);
  if (links.has(id)) {
    check(input.id === undefined, `link ${id} already exists`);
    return id;
  }
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('kind', input.kind);
    m.set('from', input.from);
    m.set('to', input.to);
    m.set('label', label);
    links.set(id, m);
  }, origin);
  return id;
}

export function linkId(kind: LinkKind, from: string, to: string): string {
  return `${kind}~${from}~${to}`;
}

export function unlink(doc: Y.Doc, linkId: string, origin?: unknown): void {
  doc.transact(() => linksMap(doc).delete(linkId), origin);
}

/** Links whose both ends exist; dangling ones (an end deleted concurrently) are skipped. */
export function listLinks(doc: Y.Doc): BoardLink[] {
  const items = itemsMap(doc);
  const out: BoardLink[] = [];
  linksMap(doc).forEach((value, id) => {
    const link = readLink(id, value);
    if (link && items.has(link.from) && items.has(link.to)) out.push(link);
  });
  return out;
}

/** Ideas linked to a problem with "addresses", and perspectives that belong to it. */
export function relatedToProblem(doc: Y.Doc, problemId: string): { ideas: string[]; perspectives: string[] } {
  const ideas = listLinks(doc)
    .filter((l) => l.kind === 'addresses' && l.to === problemId)
    .map((l) => l.from);
  const perspectives = listItems(doc)
    .items.filter((i) => i.kind === 'perspective' && i.problemId === problemId)
    .map((i) => i.id);
  return { ideas, perspectives };
}

/** Applies one patch per item in a single transaction (one undo step). */
export function updateItems(
  doc: Y.Doc,
  patches: ReadonlyArray<{ id: string } & ItemPatch>,
  origin?: unknown,
  now = Date.now(),
): void {
  doc.transact(() => {
    for (const { id, ...patch } of patches) updateItem(doc, id, patch, origin, now);
  }, origin);
}

/** Puts the items above (front) or below (back) everything else, keeping their relative order. */
export function restack(doc: Y.Doc, ids: readonly string[], where: 'front' | 'back', origin?: unknown): void {
  const maps = ids.map((id) => ({ id, m: itemMap(doc, id) }));
  const zOf = (m: Y.Map<unknown>) => {
    const z = m.get('z');
    return typeof z === 'number' && Number.isFinite(z) ? z : 0;
  };
  maps.sort((a, b) => zOf(a.m) - zOf(b.m) || (a.id < b.id ? -1 : 1));
  const { min, max } = zRange(doc);
  doc.transact(() => {
    maps.forEach(({ m }, i) => {
      const z = where === 'front' ? max + 1 + i : min - maps.length + i;
      m.set('z', Math.max(-Z_LIMIT, Math.min(Z_LIMIT, z)));
    });
  }, origin);
}

/** Sets a connector's label. */
export function setLinkLabel(doc: Y.Doc, id: string, label: string, origin?: unknown): void {
  check(typeof label === 'string' && label.length <= MAX_LABEL_LENGTH, 'label is too long');
  const m = linksMap(doc).get(id);
  check(m instanceof Y.Map, `no link ${id}`);
  doc.transact(() => (m as Y.Map<unknown>).set('label', label), origin);
}

const COPIED_FIELDS = ['kind', 'x', 'y', 'w', 'h', 'role', 'authorName', 'roleText', 'createdAt', 'updatedAt', 'problemId', 'z', 'color', 'template'];

/**
 * Copies items (fields and rich-text bodies) and the links among them into a
 * standalone clipboard doc, which can be pasted any number of times, also after
 * the originals are gone.
 */
export function copyItems(doc: Y.Doc, ids: readonly string[]): Y.Doc {
  const clip = new Y.Doc();
  const source = itemsMap(doc);
  const target = itemsMap(clip);
  const wanted = new Set(ids);
  clip.transact(() => {
    for (const id of ids) {
      const item = getItem(doc, id);
      if (!item || isDamaged(item)) continue;
      const src = source.get(id) as Y.Map<unknown>;
      const m = new Y.Map<unknown>();
      for (const k of COPIED_FIELDS) {
        const v = src.get(k);
        if (v !== undefined) m.set(k, v);
      }
      m.set('body', item.body.clone());
      target.set(id, m);
    }
    linksMap(doc).forEach((value, lid) => {
      const l = readLink(lid, value);
      if (l && wanted.has(l.from) && wanted.has(l.to)) {
        const m = new Y.Map<unknown>();
        m.set('kind', l.kind);
        m.set('from', l.from);
        m.set('to', l.to);
        m.set('label', l.label);
        linksMap(clip).set(lid, m);
      }
    });
  });
  return clip;
}

/**
 * Pastes a clipboard doc into the board, offset by (dx, dy), as new items
 * authored by `author`, stacked on top. A pasted perspective keeps its problem
 * if that problem was pasted too or still exists. Returns the new ids.
 */
export function pasteItems(
  doc: Y.Doc,
  clip: Y.Doc,
  dx: number,
  dy: number,
  author: Author,
  origin?: unknown,
  now = Date.now(),
): string[] {
  checkAuthor(author);
  const src = itemsMap(clip);
  const idMap = new Map<string, string>();
  src.forEach((_v, id) => idMap.set(id, newItemId()));
  const out: string[] = [];
  doc.transact(() => {
    let z = zRange(doc).max;
    const items = itemsMap(doc);
    const sorted = [...src.entries()].sort((a, b) => Number((a[1] as Y.Map<unknown>).get('z') ?? 0) - Number((b[1] as Y.Map<unknown>).get('z') ?? 0));
    for (const [oldId, value] of sorted) {
      const item = readItem(oldId, value);
      if (isDamaged(item)) continue;
      const newId = idMap.get(oldId) as string;
      const m = new Y.Map<unknown>();
      m.set('kind', item.kind);
      m.set('x', Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, item.x + dx)));
      m.set('y', Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, item.y + dy)));
      m.set('w', item.w);
      m.set('h', item.h);
      m.set('role', author.role);
      m.set('authorName', publicName(doc, author.name));
      if (author.role === 'other' && author.roleText) m.set('roleText', author.roleText);
      m.set('createdAt', now);
      m.set('updatedAt', now);
      if (item.kind === 'perspective') m.set('problemId', idMap.get(item.problemId) ?? item.problemId);
      z = Math.min(Z_LIMIT, z + 1);
      m.set('z', z);
      if (item.color) m.set('color', item.color);
      m.set('body', item.body.clone());
      items.set(newId, m);
      out.push(newId);
    }
    const links = linksMap(doc);
    linksMap(clip).forEach((value, lid) => {
      const l = readLink(lid, value);
      const from = l && idMap.get(l.from);
      const to = l && idMap.get(l.to);
      if (!l || !from || !to || !items.has(from) || !items.has(to)) return;
      const m = new Y.Map<unknown>();
      m.set('kind', l.kind);
      m.set('from', from);
      m.set('to', to);
      m.set('label', l.label);
      links.set(linkId(l.kind, from, to), m);
    });
  }, origin);
  return out;
}

/** Copies and pastes in one go (Ctrl/Cmd+D). */
export function duplicateItems(doc: Y.Doc, ids: readonly string[], author: Author, origin?: unknown, offset = 24): string[] {
  return pasteItems(doc, copyItems(doc, ids), offset, offset, author, origin);
}

/** Items lying entirely inside the frame's rectangle (not other frames' own ids excluded: nested frames move too). */
export function itemsInFrame(doc: Y.Doc, frameId: string): string[] {
  const f = getItem(doc, frameId);
  if (!f || isDamaged(f) || f.kind !== 'frame') return [];
  const out: string[] = [];
  itemsMap(doc).forEach((value, id) => {
    if (id === frameId) return;
    const it = readItem(id, value);
    if (isDamaged(it)) return;
    if (it.x >= f.x && it.y >= f.y && it.x + it.w <= f.x + f.w && it.y + it.h <= f.y + f.h) out.push(id);
  });
  return out;
}

/**
 * Removes every card's author name (the role stays): for an export of a board
 * whose names are hidden (shared/cocreation/anonymity.ts), run on a copy.
 */
export function stripAuthorNames(doc: Y.Doc): void {
  doc.transact(() => {
    itemsMap(doc).forEach((m) => {
      if (m instanceof Y.Map && m.get('authorName') !== '') m.set('authorName', '');
    });
  });
}
