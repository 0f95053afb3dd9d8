import * as Y from 'yjs';
import { itemsMap, listItems, listLinks, readMeta } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import type { Author } from '../../shared/model/schema';
import type { RoleId } from '../../shared/roles';

export const author = (role: RoleId = 'citizen', name = 'Tester'): Author => ({ role, name });

/**
 * A JSON projection of everything a person sees on a board: meta, items
 * (fields + plain text + body structure), damaged items and links, sorted by
 * id so two docs with the same content project identically.
 */
export function projectBoard(doc: Y.Doc) {
  const { items, damaged } = listItems(doc);
  return {
    meta: readMeta(doc),
    items: items
      .map(({ body, ...fields }) => ({ ...fields, text: readPlainText(body), xml: body.toString() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    damaged: [...damaged].sort((a, b) => a.id.localeCompare(b.id)),
    links: listLinks(doc).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

export function itemIds(doc: Y.Doc): string[] {
  return [...itemsMap(doc).keys()].sort();
}

/** The body fragment of an item (throws if the item or body is missing). */
export function bodyOf(doc: Y.Doc, itemId: string): Y.XmlFragment {
  const m = itemsMap(doc).get(itemId);
  if (!(m instanceof Y.Map)) throw new Error(`no item ${itemId}`);
  const body = (m as Y.Map<unknown>).get('body');
  if (!(body instanceof Y.XmlFragment)) throw new Error(`item ${itemId} has no body`);
  return body;
}

/** The first text node of the first paragraph of an item's body, created if missing. */
function firstText(doc: Y.Doc, itemId: string): Y.XmlText {
  const body = bodyOf(doc, itemId);
  let p = body.get(0);
  if (!(p instanceof Y.XmlElement)) {
    doc.transact(() => body.insert(0, [new Y.XmlElement('paragraph')]));
    p = body.get(0);
  }
  const para = p as Y.XmlElement;
  let t = para.get(0);
  if (!(t instanceof Y.XmlText)) {
    doc.transact(() => para.insert(0, [new Y.XmlText('')]));
    t = para.get(0);
  }
  return t as Y.XmlText;
}

/** Types `text` into the first paragraph of an item's body at `index` (clamped), like an editor would. */
export function typeInto(doc: Y.Doc, itemId: string, index: number, text: string): void {
  const t = firstText(doc, itemId);
  doc.transact(() => t.insert(Math.min(Math.max(index, 0), t.length), text));
}

/** Deletes up to `len` characters of the first paragraph's text at `index`; returns how many. */
export function deleteTextAt(doc: Y.Doc, itemId: string, index: number, len: number): number {
  const t = firstText(doc, itemId);
  const start = Math.min(Math.max(index, 0), t.length);
  const n = Math.min(len, t.length - start);
  if (n > 0) doc.transact(() => t.delete(start, n));
  return n;
}

export function bodyText(doc: Y.Doc, itemId: string): string {
  return readPlainText(bodyOf(doc, itemId));
}
