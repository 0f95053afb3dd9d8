import { useMemo, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type * as Y from 'yjs';
import { itemsInFrame, moveItems, updateItem } from '../../../../shared/model/board';
import { useUi } from '../../state/ui';
import { LOCAL_ORIGIN } from '../origin';
import { undoManagerFor } from '../undo';
import type { ItemView } from '../useBoardData';

export const GRID = 20;
const DRAG_THRESHOLD = 3;

interface Drag {
  ids: string[];
  starts: Map<string, { x: number; y: number }>;
  els: Map<string, HTMLElement>;
  px: number;
  py: number;
  dx: number;
  dy: number;
  moved: boolean;
  frame: number;
}

/**
 * Dragging the selection and resizing a card. The DOM follows the pointer at once; the
 * document (and so everyone else) at most once per frame, and the whole gesture is one undo step.
 */
export function useCardDrag({ doc, canvasRef, itemsRef }: { doc: Y.Doc; canvasRef: RefObject<HTMLDivElement | null>; itemsRef: RefObject<ReadonlyMap<string, ItemView>> }) {
  return useMemo(() => {
    const flush = (d: Drag) => {
      d.frame = 0;
      const moves = d.ids.map((id) => {
        const s = d.starts.get(id) as { x: number; y: number };
        return { id, x: Math.round(s.x + d.dx), y: Math.round(s.y + d.dy) };
      });
      try {
        moveItems(doc, moves.filter((m) => doc.getMap('items').has(m.id)), LOCAL_ORIGIN);
      } catch {
        // An item was deleted by someone else mid-drag; nothing to move.
      }
    };

    /** Drags the selection (already made to include `id`) from this press. */
    const drag = (id: string, e: ReactPointerEvent<HTMLElement>) => {
      const ids = [...useUi.getState().selection];
      // Moving a frame moves the items inside it.
      for (const sid of [...ids]) {
        const it = itemsRef.current.get(sid);
        if (it && !('damaged' in it) && it.kind === 'frame') for (const inner of itemsInFrame(doc, sid)) if (!ids.includes(inner)) ids.push(inner);
      }
      const starts = new Map<string, { x: number; y: number }>();
      const els = new Map<string, HTMLElement>();
      for (const sid of ids) {
        const it = itemsRef.current.get(sid);
        if (!it || 'damaged' in it) continue;
        starts.set(sid, { x: it.x, y: it.y });
        const el = canvasRef.current?.querySelector(`[data-item-id="${CSS.escape(sid)}"]`);
        if (el instanceof HTMLElement) els.set(sid, el);
      }
      const primary = starts.get(id) ?? { x: 0, y: 0 };
      const d: Drag = { ids: [...starts.keys()], starts, els, px: e.clientX, py: e.clientY, dx: 0, dy: 0, moved: false, frame: 0 };
      const onMove = (ev: PointerEvent) => {
        const zoom = useUi.getState().camera.zoom;
        let dx = (ev.clientX - d.px) / zoom;
        let dy = (ev.clientY - d.py) / zoom;
        if (!d.moved && Math.hypot(ev.clientX - d.px, ev.clientY - d.py) < DRAG_THRESHOLD) return;
        if (!d.moved) undoManagerFor(doc).stopCapturing();
        d.moved = true;
        if (useUi.getState().snap) {
          dx = Math.round((primary.x + dx) / GRID) * GRID - primary.x;
          dy = Math.round((primary.y + dy) / GRID) * GRID - primary.y;
        }
        d.dx = dx;
        d.dy = dy;
        // The DOM follows the pointer at once; Yjs (and so everyone else) at most once per frame.
        for (const [sid, el] of d.els) {
          const s = d.starts.get(sid) as { x: number; y: number };
          el.style.transform = `translate(${Math.round(s.x + dx)}px, ${Math.round(s.y + dy)}px)`;
        }
        if (!d.frame) d.frame = requestAnimationFrame(() => flush(d));
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onUp);
        if (d.frame) cancelAnimationFrame(d.frame);
        if (d.moved) {
          flush(d);
          undoManagerFor(doc).stopCapturing();
        } else if (useUi.getState().selection.size > 1) {
          // A plain click (no drag) on a card of a multi-selection selects just that card.
          useUi.getState().select(id);
        }
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onUp);
    };

    /** Resizes one card from its corner handle. */
    const resize = (id: string, e: ReactPointerEvent<HTMLElement>) => {
      e.stopPropagation();
      const it = itemsRef.current.get(id);
      if (!it || 'damaged' in it) return;
      const start = { px: e.clientX, py: e.clientY, w: it.w, h: it.h };
      let frame = 0;
      let next = { w: it.w, h: it.h };
      undoManagerFor(doc).stopCapturing();
      const write = () => {
        frame = 0;
        try {
          updateItem(doc, id, next, LOCAL_ORIGIN);
        } catch {
          // deleted meanwhile
        }
      };
      const onMove = (ev: PointerEvent) => {
        const zoom = useUi.getState().camera.zoom;
        let w = start.w + (ev.clientX - start.px) / zoom;
        let h = start.h + (ev.clientY - start.py) / zoom;
        if (useUi.getState().snap) {
          w = Math.round(w / GRID) * GRID;
          h = Math.round(h / GRID) * GRID;
        }
        next = { w: Math.round(Math.min(4000, Math.max(80, w))), h: Math.round(Math.min(4000, Math.max(60, h))) };
        if (!frame) frame = requestAnimationFrame(write);
      };
      const onUp = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        if (frame) cancelAnimationFrame(frame);
        write();
        undoManagerFor(doc).stopCapturing();
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };

    return { drag, resize };
  }, [doc, canvasRef, itemsRef]);
}
