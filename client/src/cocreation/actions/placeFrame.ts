import { createPlanFrame } from '../../../../shared/cocreation/planFrame';
import { placeCard } from '../../../../shared/model/placement';
import type { BoardItem } from '../../../../shared/model/schema';
import { screenToBoard } from '../../board/geometry';
import { LOCAL_ORIGIN } from '../../board/origin';
import { undoManagerFor } from '../../board/undo';
import { centredInFreeArea, fitToFreeArea, freeCanvasArea } from '../../board/viewport';
import type { Identity } from '../../state/identity';
import { DEFAULT_VIEWPORT, useUi } from '../../state/ui';
import type { BoardConnection } from '../../sync/connection';

const FRAME_W = 640;
/** Room for the title and the table head, then one row per action (rows wrap on long text; the card grows past its height then). */
const frameHeight = (actions: number) => Math.min(2400, Math.max(360, 170 + 50 * actions));

/** Below this zoom the plan's table is too small to read: show its top at this zoom instead of all of it. */
const READABLE_ZOOM = 0.6;

/** Shows the plan frame: whole when that is readable, else its top (title and first rows) at a readable zoom. */
export function showOnBoard(box: { x: number; y: number; w: number; h: number }): void {
  const fit = fitToFreeArea(box);
  if (fit && fit.zoom >= READABLE_ZOOM) return useUi.getState().setCamera(fit);
  const area = freeCanvasArea();
  const zoom = READABLE_ZOOM;
  const halfH = (area?.h ?? 600) / 2 / zoom;
  useUi.getState().setCamera(centredInFreeArea(box.x + box.w / 2, box.y + Math.min(box.h / 2, halfH - 20), zoom));
}

/**
 * Puts the plan frame on the board: the free spot nearest the middle of the
 * view where it covers no card and no frame (it is behind everything, so a
 * card under it would look as if it were part of the plan), then shows it.
 * One undo step with the person's other canvas edits. Returns its id.
 */
export function putPlanFrame(conn: BoardConnection, identity: Identity, items: readonly BoardItem[], title: string, actionCount: number): string {
  const { camera, viewport } = useUi.getState();
  const area = freeCanvasArea(undefined, 0) ?? { x: 0, y: 0, ...(viewport ?? DEFAULT_VIEWPORT) };
  const centre = screenToBoard(camera, area.x + area.w / 2, area.y + area.h / 2);
  const size = { w: FRAME_W, h: frameHeight(actionCount) };
  const spot = placeCard(size, centre, items, { gap: 40, step: 20, maxRings: 150 });
  const um = undoManagerFor(conn.doc);
  um.stopCapturing();
  const id = createPlanFrame(conn.doc, { ...spot, ...size, title, author: identity }, Date.now(), LOCAL_ORIGIN);
  um.stopCapturing();
  showOnBoard({ ...spot, ...size });
  return id;
}
