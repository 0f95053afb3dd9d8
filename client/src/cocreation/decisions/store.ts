import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { decisionsMap, readDecisions, type DecisionsState } from '../../../../shared/cocreation/decisions';

/**
 * The decisions of one board, read once per change of the `decisions` map and
 * shared by the panel, the method-bar badge and every card's "Decided" mark
 * (one observer per document, not one per card).
 */
class DecisionsStore {
  state: DecisionsState;
  /** Ideas and frames that a decision in force came from. */
  decided: ReadonlySet<string>;
  private readonly listeners = new Set<() => void>();

  constructor(doc: Y.Doc) {
    this.state = readDecisions(doc);
    this.decided = decidedIds(this.state);
    const map = decisionsMap(doc);
    const onChange = () => {
      this.state = readDecisions(doc);
      this.decided = decidedIds(this.state);
      this.listeners.forEach((f) => f());
    };
    map.observe(onChange);
    doc.on('destroy', () => map.unobserve(onChange));
  }

  subscribe(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }
}

function decidedIds(state: DecisionsState): ReadonlySet<string> {
  const out = new Set<string>();
  for (const d of state.decisions) {
    if (d.revoked) continue;
    for (const id of d.ideas) out.add(id);
    if (d.frame) out.add(d.frame);
  }
  return out;
}

const stores = new WeakMap<Y.Doc, DecisionsStore>();

function storeOf(doc: Y.Doc): DecisionsStore {
  let s = stores.get(doc);
  if (!s) stores.set(doc, (s = new DecisionsStore(doc)));
  return s;
}

/** Open proposals and decisions, live. */
export function useDecisions(doc: Y.Doc): DecisionsState {
  const store = storeOf(doc);
  const subscribe = useCallback((f: () => void) => store.subscribe(f), [store]);
  return useSyncExternalStore(subscribe, () => store.state);
}

/** Whether a decision in force came from this card; re-renders the card only when that changes. */
export function useIsDecided(doc: Y.Doc | null, itemId: string): boolean {
  const store = doc ? storeOf(doc) : null;
  const subscribe = useCallback((f: () => void) => (store ? store.subscribe(f) : () => undefined), [store]);
  return useSyncExternalStore(subscribe, () => store?.decided.has(itemId) ?? false);
}
