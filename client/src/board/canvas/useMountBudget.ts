import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { BoardItem } from '../../../../shared/model/schema';
import type { ItemView } from '../useBoardData';

/**
 * At most this many cards become DOM in one render. Mounting a card costs far more than
 * moving a mounted one: zooming out from 100 % on a 10,000-card board brought a hundred
 * or more new cards into view per frame, and frames took 100–200 ms (issue 19).
 */
export const MOUNT_BUDGET = 40;

/**
 * The cards to mount now, out of `wanted` (in reading order): every card already mounted,
 * every card `always` names (the one being edited, the selection: focus and drag need the
 * element), and up to `budget` more. The rest are `pending`: the canvas draws them as
 * placeholders (LodLayer) and they are mounted in the frames after, `budget` a frame,
 * so the view is complete within a few frames and no single frame mounts hundreds of cards.
 */
/** One render's share (see useMountBudget); `mounted` keeps the order of `wanted`. */
export function mountShare(wanted: readonly ItemView[], committed: ReadonlySet<string>, always: ReadonlySet<string>, budget: number) {
  const mounted: ItemView[] = [];
  const pending: BoardItem[] = [];
  let left = budget;
  for (const it of wanted) {
    if (committed.has(it.id) || always.has(it.id)) mounted.push(it);
    else if (left > 0) {
      left--;
      mounted.push(it);
    } else if (!('damaged' in it)) pending.push(it);
    // A damaged card waits without a placeholder: it has no colour or role to draw.
  }
  return { mounted, pending };
}

export function useMountBudget(wanted: ItemView[], always: ReadonlySet<string>, budget = MOUNT_BUDGET) {
  // What the last committed render mounted (a ref written after commit, so an abandoned render changes nothing).
  const committed = useRef<ReadonlySet<string>>(new Set());
  const { mounted, pending } = mountShare(wanted, committed.current, always, budget);
  useLayoutEffect(() => {
    committed.current = new Set(mounted.map((i) => i.id));
  });
  // Cards still waiting: render again next frame to mount the next share.
  const [, next] = useState(0);
  const waiting = pending.length > 0 || mounted.length + pending.length < wanted.length;
  useEffect(() => {
    if (!waiting) return;
    const f = requestAnimationFrame(() => next((n) => n + 1));
    return () => cancelAnimationFrame(f);
  });
  return { mounted, pending };
}
