import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * "Propose decision" from a card's selection bar: the card asks, the method
 * bar opens the decisions panel, and the panel's form starts with that idea
 * (or frame) chosen. `seq` makes a second request for the same card count again.
 */
interface DecisionRequest {
  itemId: string | null;
  kind: 'idea' | 'frame';
  seq: number;
  request(itemId: string, kind: 'idea' | 'frame'): void;
}

export const useDecisionRequest = create<DecisionRequest>((set) => ({
  itemId: null,
  kind: 'idea',
  seq: 0,
  request: (itemId, kind) => set((s) => ({ itemId, kind, seq: s.seq + 1 })),
}));

/** Calls `open` whenever a card asks to propose a decision (used by the method bar). */
export function useOpenOnDecisionRequest(open: () => void): void {
  const seq = useDecisionRequest((s) => s.seq);
  useEffect(() => {
    if (seq > 0) open();
    // Only a new request opens the panel, not a new `open` callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);
}
