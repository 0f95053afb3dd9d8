import { useMemo, type RefObject } from 'react';
import type * as Y from 'yjs';
import { deleteItems } from '../../../../shared/model/board';
import { useUi } from '../../state/ui';
import type { CardActions } from '../Card';
import { separateStep } from '../keys';
import { LOCAL_ORIGIN } from '../origin';
import type { ItemView } from '../useBoardData';
import { useCardDrag } from './useCardDrag';

/** What a card asks of the canvas: select, drag, resize, edit, delete (see CardActions). */
export function useCardActions({
  doc,
  canvasRef,
  itemsRef,
  focusCard,
  pickBuildOn,
}: {
  doc: Y.Doc;
  canvasRef: RefObject<HTMLDivElement | null>;
  itemsRef: RefObject<ReadonlyMap<string, ItemView>>;
  focusCard: (id: string) => void;
  pickBuildOn: (id: string) => void;
}): CardActions {
  const { drag, resize } = useCardDrag({ doc, canvasRef, itemsRef });
  return useMemo<CardActions>(
    () => ({
      pointerDown: (id, e) => {
        if (e.button !== 0) return;
        const ui = useUi.getState();
        if (ui.buildOnFrom) {
          // Picking the idea to build on: this press picks, it does not select or drag.
          e.preventDefault();
          pickBuildOn(id);
          return;
        }
        if (e.shiftKey || e.metaKey || e.ctrlKey) {
          // No mousedown follows, so focusing the card cannot re-select what shift-click removed.
          e.preventDefault();
          ui.toggleSelect(id);
          return;
        }
        if (!ui.selection.has(id)) ui.select(id);
        drag(id, e);
      },
      resizeStart: resize,
      focus: (id) => {
        const ui = useUi.getState();
        if (!ui.selection.has(id)) ui.select(id);
      },
      startEdit: (id) => {
        // Enter on a card while picking the idea to build on picks it (keyboard path).
        if (useUi.getState().buildOnFrom) pickBuildOn(id);
        else useUi.getState().edit(id);
      },
      stopEdit: (id) => {
        useUi.getState().edit(null);
        useUi.getState().select(id);
        // Keyboard users continue from the card they were editing.
        focusCard(id);
      },
      remove: (id) => {
        const sel = useUi.getState().selection;
        separateStep(doc, () => deleteItems(doc, sel.has(id) ? [...sel] : [id], LOCAL_ORIGIN));
        useUi.getState().select(null);
        canvasRef.current?.focus();
      },
    }),
    [doc, canvasRef, focusCard, pickBuildOn, drag, resize],
  );
}
