import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cocreationMap } from '../../../../shared/cocreation/doc';
import { readRoundHistory, roundsMap } from '../../../../shared/cocreation/rounds';
import type { RoundState } from '../../../../shared/cocreation/votes';

/** Every vote round of the board, oldest first, live (the history map and the current round). */
export function useRoundHistory(doc: Y.Doc): RoundState[] {
  const [rounds, setRounds] = useState(() => readRoundHistory(doc));
  useEffect(() => {
    const update = () => setRounds(readRoundHistory(doc));
    const history = roundsMap(doc);
    const current = cocreationMap(doc);
    update();
    history.observe(update);
    current.observe(update);
    return () => {
      history.unobserve(update);
      current.unobserve(update);
    };
  }, [doc]);
  return rounds;
}
