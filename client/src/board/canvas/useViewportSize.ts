import { useEffect, useState, type RefObject } from 'react';
import { useUi } from '../../state/ui';

/** The canvas element's size in CSS pixels, measured again whenever it changes (and copied to the UI store). */
export function useViewportSize(ref: RefObject<HTMLDivElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 1200, h: 800 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setSize({ w: el.clientWidth, h: el.clientHeight });
      useUi.getState().setViewport(el.clientWidth, el.clientHeight);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
