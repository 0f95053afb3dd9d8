import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readSession, sessionMap, type SessionState } from '../../../../shared/cocreation/session';

/** The session (agenda, current step, proposal, marks, timer) the document holds, live. */
export function useSession(doc: Y.Doc): SessionState {
  const [state, setState] = useState(() => readSession(doc));
  useEffect(() => {
    const m = sessionMap(doc);
    const update = () => setState(readSession(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return state;
}

/** Re-renders once a second (countdowns, "time is up"). */
export function useTick(ms = 1000): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), ms);
    return () => clearInterval(id);
  }, [ms]);
}
