import { useEffect, useRef } from 'react';
import { writePresenceField, type AwarenessLike } from '../../../shared/presence';

/** No input for this long while the page is hidden: the tab is idle. */
export const IDLE_MS = 3 * 60_000;
/** No input for this long even while the page is visible (a projector-like tab left open). */
export const IDLE_MS_VISIBLE = 10 * 60_000;

export interface IdleThresholds {
  hiddenMs: number;
  visibleMs: number;
}

/**
 * The thresholds, read once. Tests set `window.__samskabIdle = { hiddenMs, visibleMs }`
 * before the page loads (page.addInitScript) instead of waiting minutes; the product
 * never sets it, so the defaults above are what people get.
 */
export function idleThresholds(): IdleThresholds {
  const o = (globalThis as { __samskabIdle?: Partial<IdleThresholds> }).__samskabIdle;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
  return { hiddenMs: ok(o?.hiddenMs) ? o.hiddenMs : IDLE_MS, visibleMs: ok(o?.visibleMs) ? o.visibleMs : IDLE_MS_VISIBLE };
}

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Publishes `idle` in this tab's presence (shared/presence.ts): true after no
 * pointer, key or touch input for `hiddenMs` while the page is hidden, or for
 * `visibleMs` even while visible; any input clears it at once. An idle tab is
 * not asked for consent (shared/cocreation/session.ts presenceStatus).
 * `onInput(lastAbsence)` runs on each input with the local time this tab last
 * went hidden or idle (0: never), so a caller can tell "came back" from
 * "still here" (the away mark, cocreation/phases/useComeBack.ts).
 */
export function useIdle(awareness: AwarenessLike | null, onInput?: (lastAbsence: number) => void): void {
  const input = useRef(onInput);
  input.current = onInput;
  useEffect(() => {
    if (!awareness) return;
    const { hiddenMs, visibleMs } = idleThresholds();
    let lastInput = Date.now();
    let hiddenAt = document.visibilityState === 'hidden' ? lastInput : 0;
    let lastAbsence = hiddenAt;
    let idle = false;
    const publish = (next: boolean) => {
      if (next === idle) return;
      idle = next;
      if (next) lastAbsence = Date.now();
      writePresenceField(awareness, 'idle', next);
    };
    publish(false);
    const check = () => {
      if (idle) return;
      const now = Date.now();
      const hidden = document.visibilityState === 'hidden';
      // Hidden: quiet since the later of the last input and the moment it was hidden.
      if ((hidden && now - Math.max(lastInput, hiddenAt) >= hiddenMs) || now - lastInput >= visibleMs) publish(true);
    };
    const onAny = () => {
      lastInput = Date.now();
      publish(false);
      input.current?.(lastAbsence);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
        lastAbsence = hiddenAt;
      }
      // Becoming visible alone does not clear idle: the next input does.
      check();
    };
    // Checked often enough for the thresholds (a short one in tests); the check itself is cheap.
    const timer = setInterval(check, Math.max(100, Math.min(1000, hiddenMs / 4, visibleMs / 4)));
    for (const e of INPUT_EVENTS) window.addEventListener(e, onAny, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onAny, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [awareness]);
}
