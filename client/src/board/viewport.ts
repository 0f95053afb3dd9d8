import { useUi, type Camera } from '../state/ui';
import { contentBounds, fitCameraInto, freeRect, type Rect } from './geometry';

/**
 * What floats over the canvas and hides the cards under it. The side panels are
 * not here: they dock beside the canvas, which shrinks (see BoardPage).
 */
const OVERLAYS = [
  '.toolbar',
  '.hud-notices > *',
  '.sidebar',
  '.minimap',
  '.zoom-controls',
  '.selection-bar',
  '.follow-banner',
  '.summon-banner',
  '.co-banner',
  '.highlight-bar',
].join(', ');

/** Room kept between fitted content and the edges of the free area. */
export const FIT_PADDING = 40;

/**
 * The part of the canvas nothing floats over, measured now, in canvas
 * coordinates (those of the camera). With `content`, the part that shows it
 * largest. Null without a canvas.
 */
export function freeCanvasArea(content?: Rect, padding = FIT_PADDING): Rect | null {
  const canvas = document.querySelector<HTMLElement>('.canvas');
  if (!canvas) return null;
  const box = canvas.getBoundingClientRect();
  const covered: Rect[] = [];
  for (const el of document.querySelectorAll(OVERLAYS)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) covered.push({ x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height });
  }
  return freeRect({ x: 0, y: 0, w: canvas.clientWidth, h: canvas.clientHeight }, covered, content, padding);
}

/** The camera that shows `bounds` (board coordinates) whole in the free part of the canvas: "Fit", and a board's first view. */
export function fitToFreeArea(bounds: Rect, padding = FIT_PADDING): Camera | null {
  const area = freeCanvasArea(bounds, padding);
  return area && fitCameraInto(bounds, area, padding);
}

/** Moves the camera to show all of `rects` (nothing happens for none): "Fit", a board's first view, its overview. */
export function showWhole(rects: Iterable<Rect>): void {
  const bounds = contentBounds(rects);
  const camera = bounds && fitToFreeArea(bounds);
  if (camera) useUi.getState().setCamera(camera);
}

/** The camera at `zoom` with board point (x, y) in the middle of the free part of the canvas. */
export function centredInFreeArea(x: number, y: number, zoom: number): Camera {
  const area = freeCanvasArea() ?? { x: 0, y: 0, w: 1200, h: 800 };
  return { zoom, x: area.x + area.w / 2 - x * zoom, y: area.y + area.h / 2 - y * zoom };
}
