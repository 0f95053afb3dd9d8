import { useCallback, useEffect, useState } from 'react';

/** Which view a board opens in on this device: the phone-first participation view or the canvas. */
export type ViewMode = 'phone' | 'canvas';

/** Small screens and touch devices up to tablet size get the phone view unless the person chose otherwise. */
export const PHONE_QUERY = '(max-width: 700px), (pointer: coarse) and (max-width: 900px)';
const KEY = 'samskab.view';

const isMode = (v: unknown): v is ViewMode => v === 'phone' || v === 'canvas';

function stored(): ViewMode | null {
  try {
    const v = localStorage.getItem(KEY);
    return isMode(v) ? v : null;
  } catch {
    return null;
  }
}

function remember(mode: ViewMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // Storage blocked: the choice lasts as long as the page.
  }
}

const smallNow = () => typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;

/**
 * The view for this device: a `?view=phone|canvas` link (remembered), else the
 * person's remembered choice, else the phone view on small or touch screens.
 * `small` says whether the screen is phone-sized (the switch back is offered there).
 */
export function useViewMode(): { mode: ViewMode; small: boolean; setMode(mode: ViewMode): void } {
  const [choice, setChoice] = useState<ViewMode | null>(() => {
    const fromUrl = new URLSearchParams(location.search).get('view');
    if (isMode(fromUrl)) {
      remember(fromUrl);
      return fromUrl;
    }
    return stored();
  });
  const [small, setSmall] = useState(smallNow);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(PHONE_QUERY);
    const on = () => setSmall(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const setMode = useCallback((mode: ViewMode) => {
    remember(mode);
    setChoice(mode);
  }, []);
  return { mode: choice ?? (small ? 'phone' : 'canvas'), small, setMode };
}
