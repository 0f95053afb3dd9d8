import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * "Rate this idea" from a card: the card asks, the method bar opens the value
 * panel, and the panel scrolls to and focuses that idea. `seq` makes a second
 * request for the same idea count again.
 */
interface ValueFocus {
  ideaId: string | null;
  seq: number;
  request(ideaId: string): void;
}

export const useValueFocus = create<ValueFocus>((set) => ({
  ideaId: null,
  seq: 0,
  request: (ideaId) => set((s) => ({ ideaId, seq: s.seq + 1 })),
}));

/** Calls `open` whenever a card asks to rate an idea (used by the method bar). */
export function useOpenOnValueRequest(open: () => void): void {
  const seq = useValueFocus((s) => s.seq);
  useEffect(() => {
    if (seq > 0) open();
    // Only a new request opens the panel, not a new `open` callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq]);
}
