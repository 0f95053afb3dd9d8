import { DEFAULT_VIEWPORT, useUi, type Camera } from '../state/ui';
import type { Rect } from './geometry';
import { centredInFreeArea, freeCanvasArea } from './viewport';

/**
 * A new card is typed at a readable zoom: in the fitted overview of a template
 * board (33 %) card text is 5 px (issue 13). Below MIN_READABLE the view
 * zooms to READABLE around the card, and goes back when typing ends, unless
 * the person moved the view meanwhile.
 */
const MIN_READABLE = 0.8;
const READABLE = 1;

const sameCamera = (a: Camera, b: Camera) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-6;

export function readableForEditing(card: Rect): void {
  const { camera, viewport, setCamera, setEditReturn, editReturn } = useUi.getState();
  const zoom = camera.zoom < MIN_READABLE ? READABLE : camera.zoom;
  // Visible means in the part of the canvas no toolbar or sidebar covers.
  const area = freeCanvasArea(undefined, 0) ?? { x: 0, y: 0, ...(viewport ?? DEFAULT_VIEWPORT) };
  const sx = camera.x + card.x * camera.zoom;
  const sy = camera.y + card.y * camera.zoom;
  const visible = sx >= area.x && sy >= area.y && sx + card.w * camera.zoom <= area.x + area.w && sy + card.h * camera.zoom <= area.y + area.h;
  if (zoom === camera.zoom && visible) return;
  const next = centredInFreeArea(card.x + card.w / 2, card.y + card.h / 2, zoom);
  // A second new card while typing the first keeps the view to go back to.
  setEditReturn({ before: editReturn?.before ?? camera, set: next });
  setCamera(next);
}

/** Typing ended: back to the view the person had, if they have not moved it. */
export function restoreAfterEditing(): void {
  const { camera, editReturn, setCamera, setEditReturn } = useUi.getState();
  if (!editReturn) return;
  setEditReturn(null);
  if (sameCamera(camera, editReturn.set)) setCamera(editReturn.before);
}
