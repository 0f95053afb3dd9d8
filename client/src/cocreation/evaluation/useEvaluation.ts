import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cocreationMap } from '../../../../shared/cocreation/doc';
import { evaluationMap, readEvaluation, type EvaluationState } from '../../../../shared/cocreation/evaluation';
import { goalsMap } from '../../../../shared/cocreation/goals';
import { actionsMap } from '../../../../shared/cocreation/actions';
import { decisionsMap } from '../../../../shared/cocreation/decisions';
import { roundsMap } from '../../../../shared/cocreation/rounds';

/**
 * The evaluation map, parsed, live; plus a counter that changes whenever the
 * goals, the vote rounds, decisions or the action plan change (the comparison view reads those too).
 */
export function useEvaluation(doc: Y.Doc): { state: EvaluationState; decisionsVersion: number } {
  const [state, setState] = useState(() => readEvaluation(doc));
  const [decisionsVersion, setVersion] = useState(0);
  useEffect(() => {
    const ev = evaluationMap(doc);
    const goals = goalsMap(doc);
    const co = cocreationMap(doc);
    // Decisions, the action plan and every vote round are compared too (issue 16).
    const others = [decisionsMap(doc), actionsMap(doc), roundsMap(doc)];
    const update = () => setState(readEvaluation(doc));
    const bump = () => setVersion((v) => v + 1);
    // Client registrations (`client:<id>`) in the co-creation map are not decisions.
    const onCo = (e: Y.YMapEvent<unknown>) => [...e.keysChanged].some((k) => !k.startsWith('client:')) && bump();
    update();
    ev.observe(update);
    goals.observe(bump);
    co.observe(onCo);
    for (const m of others) m.observe(bump);
    return () => {
      for (const m of others) m.unobserve(bump);
      ev.unobserve(update);
      goals.unobserve(bump);
      co.unobserve(onCo);
    };
  }, [doc]);
  return { state, decisionsVersion };
}
