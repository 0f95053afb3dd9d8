import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { actionsMap, readActions, type Action } from '../../../../shared/cocreation/actions';
import { decisionsMap, readDecisions, type DecisionsState } from '../../../../shared/cocreation/decisions';
import { PLAN_FRAME_KEY } from '../../../../shared/cocreation/planFrame';

export interface ActionsSnapshot {
  actions: Action[];
  /** The frame id marked as the plan frame (it may have been deleted since: see readPlanFrame). */
  planFrameMark: string | null;
}

/**
 * One parsed copy of a root map per document, kept live by one observer (not
 * one per card: every frame card on the canvas asks whether it is the plan frame).
 */
class MapStore<T> {
  private snapshot: T;
  private readonly listeners = new Set<() => void>();
  constructor(doc: Y.Doc, map: Y.Map<unknown>, read: () => T) {
    this.snapshot = read();
    const onChange = () => {
      this.snapshot = read();
      this.listeners.forEach((f) => f());
    };
    map.observe(onChange);
    doc.on('destroy', () => map.unobserve(onChange));
  }
  get = (): T => this.snapshot;
  subscribe = (f: () => void): (() => void) => {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  };
}

const readSnapshot = (doc: Y.Doc): ActionsSnapshot => {
  const mark = actionsMap(doc).get(PLAN_FRAME_KEY);
  const id = mark && typeof mark === 'object' && 'id' in mark && typeof mark.id === 'string' ? mark.id : null;
  return { actions: readActions(doc), planFrameMark: id };
};

const actionStores = new WeakMap<Y.Doc, MapStore<ActionsSnapshot>>();
const decisionStores = new WeakMap<Y.Doc, MapStore<DecisionsState>>();

function storeOf<T>(stores: WeakMap<Y.Doc, MapStore<T>>, doc: Y.Doc, make: () => MapStore<T>): MapStore<T> {
  let s = stores.get(doc);
  if (!s) stores.set(doc, (s = make()));
  return s;
}

/** The action plan of the document, live (another participant's edit re-renders at once). */
export function useActions(doc: Y.Doc): ActionsSnapshot {
  const s = storeOf(actionStores, doc, () => new MapStore(doc, actionsMap(doc), () => readSnapshot(doc)));
  return useSyncExternalStore(s.subscribe, s.get);
}

/** The board's decisions, live: an action's group names the decision it comes from. */
export function useDecisions(doc: Y.Doc): DecisionsState {
  const s = storeOf(decisionStores, doc, () => new MapStore(doc, decisionsMap(doc), () => readDecisions(doc)));
  return useSyncExternalStore(s.subscribe, s.get);
}
