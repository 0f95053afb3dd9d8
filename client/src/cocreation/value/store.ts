import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { aggregateIdea, parseRatingKey, readRating, valueMap, type IdeaValue, type ValueRating } from '../../../../shared/cocreation/value';

/**
 * Value ratings of one board, aggregated per idea and kept up to date
 * incrementally: one observer on the `value` map per document (not one per
 * card), and a change re-aggregates only the ideas whose keys changed, so a
 * board with 10,000 cards pays per rating, never per card.
 */
class ValueStore {
  private readonly byIdea = new Map<string, Map<string, ValueRating>>();
  private aggregates = new Map<string, IdeaValue>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly allListeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {
    const map = valueMap(doc);
    map.forEach((value, key) => this.put(key, value));
    for (const id of this.byIdea.keys()) this.reaggregate(id);
    const onChange = (e: Y.YMapEvent<unknown>) => {
      const touched = new Set<string>();
      for (const key of e.keysChanged) {
        const k = parseRatingKey(key);
        if (!k) continue;
        touched.add(k.ideaId);
        this.put(key, map.get(key));
      }
      if (touched.size === 0) return;
      // A new Map per change: the panel's snapshot changes identity, cards' snapshots only for their idea.
      this.aggregates = new Map(this.aggregates);
      for (const id of touched) this.reaggregate(id);
      for (const id of touched) this.listeners.get(id)?.forEach((f) => f());
      this.allListeners.forEach((f) => f());
    };
    map.observe(onChange);
    doc.on('destroy', () => map.unobserve(onChange));
  }

  private put(key: string, value: unknown) {
    const k = parseRatingKey(key);
    if (!k) return;
    const r = value === undefined ? null : readRating(key, value);
    let group = this.byIdea.get(k.ideaId);
    if (r) {
      if (!group) this.byIdea.set(k.ideaId, (group = new Map()));
      group.set(key, r);
    } else if (group) {
      group.delete(key);
      if (group.size === 0) this.byIdea.delete(k.ideaId);
    }
  }

  private reaggregate(ideaId: string) {
    const group = this.byIdea.get(ideaId);
    if (group) this.aggregates.set(ideaId, aggregateIdea(ideaId, [...group.values()]));
    else this.aggregates.delete(ideaId);
  }

  get(ideaId: string): IdeaValue | undefined {
    return this.aggregates.get(ideaId);
  }

  /** Aggregates of every rated idea id (including deleted ones: callers list live ideas). */
  all(): ReadonlyMap<string, IdeaValue> {
    return this.aggregates;
  }

  subscribe(ideaId: string, f: () => void): () => void {
    let set = this.listeners.get(ideaId);
    if (!set) this.listeners.set(ideaId, (set = new Set()));
    set.add(f);
    return () => {
      set.delete(f);
      if (set.size === 0) this.listeners.delete(ideaId);
    };
  }

  subscribeAll(f: () => void): () => void {
    this.allListeners.add(f);
    return () => this.allListeners.delete(f);
  }
}

const stores = new WeakMap<Y.Doc, ValueStore>();

export function valueStore(doc: Y.Doc): ValueStore {
  let s = stores.get(doc);
  if (!s) stores.set(doc, (s = new ValueStore(doc)));
  return s;
}

const noop = () => () => undefined;

/** One idea's aggregate, live; re-renders only when that idea's ratings change. */
export function useIdeaValue(doc: Y.Doc | null, ideaId: string): IdeaValue | undefined {
  const store = doc ? valueStore(doc) : null;
  const subscribe = useCallback((f: () => void) => (store ? store.subscribe(ideaId, f) : noop()), [store, ideaId]);
  return useSyncExternalStore(subscribe, () => store?.get(ideaId));
}

/** Every idea's aggregate, live (the panel). */
export function useAllValues(doc: Y.Doc): ReadonlyMap<string, IdeaValue> {
  const store = valueStore(doc);
  const subscribe = useCallback((f: () => void) => store.subscribeAll(f), [store]);
  return useSyncExternalStore(subscribe, () => store.all());
}
