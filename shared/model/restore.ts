import * as Y from 'yjs';
import { COCREATION_KEY, SETTINGS_KEY } from '../cocreation/doc';
import { RESTORED_MAPS, restores, ROOT_MAPS, type RootMapSpec } from '../doc/registry';

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

/** Makes `live` equal to `target` by setting, replacing and deleting keys (only the keys `only` accepts). */
function syncMap(live: Y.Map<YValue>, target: Y.Map<YValue>, only: (key: string) => boolean = () => true): void {
  for (const key of [...live.keys()]) if (only(key) && !target.has(key)) live.delete(key);
  target.forEach((value, key) => {
    if (!only(key)) return;
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

/**
 * Edits `live` so that everything people made — every restorable root map of
 * the registry (shared/doc/registry.ts) — equals `snapshot`, in one
 * transaction. Live coordination (open proposal, ready marks, timer, vote
 * round) stays as it is now.
 */
export function restoreInto(live: Y.Doc, snapshot: Y.Doc, origin?: unknown): void {
  live.transact(() => {
    for (const spec of RESTORED_MAPS) {
      syncMap(live.getMap<YValue>(spec.key), snapshot.getMap<YValue>(spec.key), (key) => restores(spec, key));
    }
  }, origin);
}

/** The restorable part of a root map as plain JSON, keys sorted: what "equal after restore" means. */
export function restorableJson(doc: Y.Doc, spec: RootMapSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const m = doc.getMap<YValue>(spec.key);
  for (const key of [...m.keys()].sort()) {
    if (!restores(spec, key)) continue;
    const v = m.get(key);
    out[key] = v instanceof Y.XmlFragment && !(v instanceof Y.XmlElement) ? v.toString() : v instanceof Y.AbstractType ? jsonOf(v) : v;
  }
  return out;
}

function jsonOf(v: Y.AbstractType<unknown>): unknown {
  if (v instanceof Y.Map) {
    const o: Record<string, unknown> = {};
    for (const k of [...v.keys()].sort()) {
      const x = v.get(k);
      o[k] = x instanceof Y.XmlFragment || x instanceof Y.XmlElement ? x.toString() : x instanceof Y.AbstractType ? jsonOf(x) : x;
    }
    return o;
  }
  return v instanceof Y.XmlFragment || v instanceof Y.XmlElement ? v.toString() : v.toJSON();
}

/** A document holding the given Yjs state (e.g. a stored snapshot). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Removes live coordination — what a restore leaves alone (the vote round,
 * client role declarations, an open proposal with its ready marks, done marks,
 * the timer) — from a document that starts a new board (an import): the new
 * board has no server-side round or session that would match it. The names
 * setting stays: it is a choice about the board, and an anonymous board must
 * not show names because it was imported.
 */
export function dropLiveCoordination(doc: Y.Doc, origin?: unknown): void {
  doc.transact(() => {
    for (const spec of ROOT_MAPS) {
      if (spec.restore === 'all' || spec.history) continue;
      const m = doc.getMap<unknown>(spec.key);
      for (const key of [...m.keys()]) {
        if (restores(spec, key)) continue;
        if (spec.key === COCREATION_KEY && key === SETTINGS_KEY) continue;
        m.delete(key);
      }
    }
  }, origin);
}
