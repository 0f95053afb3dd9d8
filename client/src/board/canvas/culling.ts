import type { BoardItem } from '../../../../shared/model/schema';
import type { Camera } from '../../state/ui';
import { visibleRect } from '../geometry';
import type { ItemIndex } from '../spatial';
import type { ItemView } from '../useBoardData';

/** Below this zoom, and with many cards in view, cards are drawn on a 2D canvas instead of as DOM. */
export const LOD_ZOOM = 0.35;
const LOD_MIN_COUNT = 300;
/**
 * The overview draws this fraction of the view's size beyond each edge, so that panning on
 * its cached bitmap (see useSettledCamera) shows cards, not blank edges, until the gesture settles.
 */
export const LOD_MARGIN = 0.5;

/**
 * What to draw for this camera: the ids in view (from the spatial index, never a scan of
 * every card), whether the 2D layer (LOD) stands in for the DOM, the items mounted as DOM in
 * reading order, and the items the 2D layer draws.
 */
export function cull({
  camera,
  size,
  index,
  items,
  editingId,
  selection,
}: {
  camera: Camera;
  size: { w: number; h: number };
  index: ItemIndex;
  items: ReadonlyMap<string, ItemView>;
  editingId: string | null;
  selection: ReadonlySet<string>;
}) {
  const view = visibleRect(camera, size.w, size.h);
  const inView = index.grid.query(view);
  const lod = camera.zoom < LOD_ZOOM && inView.length > LOD_MIN_COUNT;
  const domIds = new Set<string>(lod ? [] : inView);
  // The card being edited and selected cards always stay mounted (focus, editor, drag).
  if (editingId && items.has(editingId)) domIds.add(editingId);
  if (selection.size <= 200) for (const id of selection) if (items.has(id)) domIds.add(id);

  // Reading order (top to bottom, left to right) keeps Tab order stable while panning.
  const ordered: ItemView[] = [];
  for (const id of domIds) {
    const it = items.get(id);
    if (it) ordered.push(it);
  }
  ordered.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));

  const lodItems: BoardItem[] = [];
  // The overview's keyboard navigator lists the cards in view only, not those in the drawn margin.
  const navItems: BoardItem[] = [];
  if (lod) {
    for (const id of inView) {
      const it = items.get(id);
      if (it && !('damaged' in it) && !domIds.has(id)) navItems.push(it);
    }
    const wide = index.grid.query(visibleRect(camera, size.w, size.h, LOD_MARGIN * Math.max(size.w, size.h)));
    for (const id of wide) {
      const it = items.get(id);
      if (it && !('damaged' in it) && !domIds.has(id)) lodItems.push(it);
    }
  }
  return { inView, lod, domIds, ordered, lodItems, navItems };
}
