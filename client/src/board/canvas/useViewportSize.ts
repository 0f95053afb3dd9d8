import { useEffect, type RefObject } from 'react';
import { DEFAULT_VIEWPORT, useUi, type Viewport } from '../../state/ui';

/**
 * Keeps the canvas element's size in the UI store (`viewport`), measured again whenever it
 * changes and cleared when the canvas goes, and returns it (DEFAULT_VIEWPORT until measured).
 * The minimap and the board page read the size there instead of measuring the DOM.
 */
export function useViewportSize(ref: RefObject<HTMLDivElement | null>): Viewport {
  const size = useUi((s) => s.viewport);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => useUi.getState().setViewport({ w: el.clientWidth, h: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      ro.disconnect();
      useUi.getState().setViewport(null);
    };
  }, [ref]);
  return size ?? DEFAULT_VIEWPORT;
}
