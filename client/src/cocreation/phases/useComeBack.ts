import { useCallback, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { clearAway, readAway, sessionMap, type AwayMark } from '../../../../shared/cocreation/session';

/** When this page was loaded: a self-made away mark older than that is from an earlier visit. */
const PAGE_START = Date.now();

/**
 * Clears my away mark when I am back, as the input handler for useIdle:
 * - marked by someone else: at my first input after the mark reached this tab;
 * - marked by myself (on this device, so its clock): only at input after this
 *   tab went hidden or idle since the mark, or on a page opened after it — the
 *   mouse move right after clicking "mark as away" must not undo it.
 * "I'm back" clears it at once (WhoCounts).
 */
export function useComeBack(doc: Y.Doc, myKey: string | null): (lastAbsence: number) => void {
  const seen = useRef<{ mark: AwayMark; seenAt: number } | null>(null);
  useEffect(() => {
    if (!myKey) return;
    const m = sessionMap(doc);
    const update = () => {
      const mark = readAway(doc).get(myKey);
      if (!mark) seen.current = null;
      else if (!seen.current || seen.current.mark.at !== mark.at) seen.current = { mark, seenAt: Date.now() };
    };
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc, myKey]);
  return useCallback(
    (lastAbsence: number) => {
      const s = seen.current;
      if (!s || !myKey) return;
      const back = s.mark.self ? Math.max(lastAbsence, PAGE_START) > s.mark.at : true;
      if (!back) return;
      seen.current = null;
      clearAway(doc, myKey, 'cocreation');
    },
    [doc, myKey],
  );
}
