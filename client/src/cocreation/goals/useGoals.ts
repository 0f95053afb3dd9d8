import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { goalsMap, readGoals, type GoalsState } from '../../../../shared/cocreation/goals';

/** The goals map of the document, parsed, live. */
export function useGoals(doc: Y.Doc): GoalsState {
  const [state, setState] = useState(() => readGoals(doc));
  useEffect(() => {
    const m = goalsMap(doc);
    const update = () => setState(readGoals(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return state;
}
