import * as Y from 'yjs';
import { ROOT_MAPS } from '../doc/registry';
import { namesHidden } from './names';

export { namesHidden, publicName } from './names';

/** An author as written into shared state now: without the name while names are hidden. */
export function publicAuthor<A extends { name: string }>(doc: Y.Doc, author: A): A {
  return namesHidden(doc) ? { ...author, name: '' } : author;
}

/**
 * A copy of the board with every participant name removed, map by map through
 * the registry (each root map that holds names declares how to remove them).
 * The copy's own state carries no name either: the removed values are
 * garbage-collected, so a JSON export's Yjs state is as clean as its text.
 */
export function withoutNames(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  for (const spec of ROOT_MAPS) spec.stripNames?.(copy);
  // Re-encode through a fresh doc: only live values are carried over.
  const clean = new Y.Doc();
  Y.applyUpdate(clean, Y.encodeStateAsUpdate(copy));
  copy.destroy();
  return clean;
}

/**
 * What an export shows: the board itself, or a copy without names while names
 * are hidden. `hiddenNow` is the live board's state for an export of a snapshot:
 * a snapshot taken before names were hidden is exported without them too.
 */
export function exportView(doc: Y.Doc, hiddenNow = false): { doc: Y.Doc; anonymous: boolean } {
  return hiddenNow || namesHidden(doc) ? { doc: withoutNames(doc), anonymous: true } : { doc, anonymous: false };
}
