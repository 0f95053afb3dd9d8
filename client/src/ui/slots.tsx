import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Places on the board page that components elsewhere in the tree render into:
 * `dock`, beside the canvas, for the one open side panel (the canvas shrinks
 * rather than being covered); `notices`, under the add-card toolbar, for
 * proposals and other notices of the session.
 */
export interface LayoutSlots {
  dock: HTMLElement | null;
  notices: HTMLElement | null;
}

const Slots = createContext<LayoutSlots>({ dock: null, notices: null });

export const LayoutSlotsProvider = Slots.Provider;

/** Renders its children in a slot of the board page, or where it stands when the page has no such slot (yet). */
export function InSlot({ slot, children }: { slot: keyof LayoutSlots; children: ReactNode }) {
  const el = useContext(Slots)[slot];
  return el ? createPortal(children, el) : <>{children}</>;
}
