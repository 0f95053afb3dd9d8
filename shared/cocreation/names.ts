import type * as Y from 'yjs';
import { readRoundOf, readSettings } from './doc';

/**
 * Whether participant names are hidden now (issue 15): the board hides them,
 * or a vote round that hides them is open. While they are, the document's
 * writers (cards, comments, goal entries, proposals) store '' for the name —
 * the role and a per-device key stay — so the name never leaves the device.
 * Exports hide names written before (shared/cocreation/anonymity.ts).
 */
export function namesHidden(doc: Y.Doc): boolean {
  if (readSettings(doc).anonymousNames) return true;
  const round = readRoundOf(doc);
  return round !== null && round.status === 'open' && round.anonymousNames;
}

/** The name to write into shared state now: '' while names are hidden. */
export function publicName(doc: Y.Doc, name: string): string {
  return namesHidden(doc) ? '' : name;
}
