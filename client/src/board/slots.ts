import { createContext, createElement, Fragment, useContext, type ComponentType, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { BoardItem } from '../../../shared/model/schema';

/**
 * The places where tools add to the canvas without the canvas knowing them
 * (issue 14): a card decoration, a selection-bar action, a note beside an item
 * in the outline. Tools fill them once in client/src/tools.ts; the page
 * provides them. The canvas imports no tool, so adding a tool touches its own
 * folder and that one registry.
 */
export interface BoardSlots {
  /** Drawn inside a card after its text; `active` while it is the one selected card and not edited. */
  CardDecoration: ComponentType<{ item: BoardItem; active: boolean }>;
  /** Buttons in the selection bar while exactly one item is selected. */
  SelectionActions: ComponentType<{ item: BoardItem }>;
  /**
   * A hook (the registry is fixed, so it is the same hook every render): for a
   * set of item ids in the outline, what to show beside each one.
   */
  useItemNotes: (doc: Y.Doc, ids: ReadonlySet<string>) => (id: string) => ReactNode;
}

const nothing = () => null;
const EMPTY: BoardSlots = { CardDecoration: nothing, SelectionActions: nothing, useItemNotes: () => nothing };

/** What one tool puts into the slots: any of them, or none. */
export type ToolSlots = Partial<BoardSlots>;

/**
 * The slots as the canvas uses them, from every tool's part (client/src/tools.tsx):
 * several tools in one slot are drawn one after the other, in registry order.
 */
export function combineSlots(tools: readonly ToolSlots[]): BoardSlots {
  const decorations = tools.flatMap((t) => (t.CardDecoration ? [t.CardDecoration] : []));
  const actions = tools.flatMap((t) => (t.SelectionActions ? [t.SelectionActions] : []));
  const notes = tools.flatMap((t) => (t.useItemNotes ? [t.useItemNotes] : []));
  const all = <P extends object>(list: ComponentType<P>[]) =>
    function Slot(props: P) {
      return createElement(Fragment, null, ...list.map((C, i) => createElement(C, { key: i, ...props })));
    };
  return {
    CardDecoration: decorations.length ? all(decorations) : EMPTY.CardDecoration,
    SelectionActions: actions.length ? all(actions) : EMPTY.SelectionActions,
    // The list is fixed for the life of the app, so the same hooks run in the same order every render.
    useItemNotes: (doc, ids) => {
      const each = notes.map((noteHook) => noteHook(doc, ids));
      return (id) => createElement(Fragment, null, ...each.map((f, i) => createElement(Fragment, { key: i }, f(id))));
    },
  };
}

const SlotsContext = createContext<BoardSlots>(EMPTY);

export function BoardSlotsProvider({ slots, children }: { slots: BoardSlots; children: ReactNode }) {
  return createElement(SlotsContext.Provider, { value: slots }, children);
}

export const useBoardSlots = (): BoardSlots => useContext(SlotsContext);
