import * as Y from 'yjs';
import { ITEMS_KEY, LINKS_KEY, META_KEY } from './schema';

/**
 * Restoring a snapshot is a forward change: the live document is edited, field
 * by field, until its content equals the snapshot's. Nothing is rolled back,
 * so everyone sees the restore live, open editors keep working (a card body is
 * changed like any remote edit), and the restore itself can be undone by
 * restoring the snapshot taken just before it.
 */

type YValue = unknown;

function sameValue(a: YValue, b: YValue): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    if (!(a instanceof Y.AbstractType) || !(b instanceof Y.AbstractType) || a.constructor !== b.constructor) return false;
    // XmlFragment.toString() renders elements, attributes and marks: equal strings mean equal content.
    if (a instanceof Y.XmlFragment || a instanceof Y.XmlElement) return a.toString() === (b as Y.XmlFragment).toString();
    return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function cloneValue(v: YValue): YValue {
  return v instanceof Y.AbstractType ? v.clone() : v;
}

/** Makes `live` equal to `target` by setting, replacing and deleting keys. */
function syncMap(live: Y.Map<YValue>, target: Y.Map<YValue>): void {
  for (const key of [...live.keys()]) if (!target.has(key)) live.delete(key);
  target.forEach((value, key) => {
    const current = live.get(key);
    if (current instanceof Y.XmlFragment && value instanceof Y.XmlFragment && !(current instanceof Y.XmlElement)) {
      // Keep the fragment object itself (open editors are bound to it); replace its content.
      if (current.toString() !== value.toString()) {
        current.delete(0, current.length);
        current.insert(0, value.toArray().map((n) => (n as Y.XmlElement).clone()));
      }
      return;
    }
    if (current instanceof Y.Map && value instanceof Y.Map) {
      syncMap(current, value);
      return;
    }
    if (!live.has(key) || !sameValue(current, value)) live.set(key, cloneValue(value));
  });
}

/** Edits `live` so that its meta, items and links equal those of `snapshot`, in one transaction. */
export function restoreInto(live: Y.Doc, snapshot: Y.Doc, origin?: unknown): void {
  live.transact(() => {
    for (const key of [META_KEY, ITEMS_KEY, LINKS_KEY]) {
      syncMap(live.getMap<YValue>(key), snapshot.getMap<YValue>(key));
    }
  }, origin);
}

/** A document holding the given Yjs state (e.g. a stored snapshot). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
