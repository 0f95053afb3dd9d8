import type { Camera } from '../state/ui';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function screenToBoard(camera: Camera, sx: number, sy: number): { x: number; y: number } {
  return { x: (sx - camera.x) / camera.zoom, y: (sy - camera.y) / camera.zoom };
}

/** Zoom by `factor` keeping the board point under (sx, sy) fixed on screen. */
export function zoomAt(camera: Camera, sx: number, sy: number, zoom: number): Camera {
  const p = screenToBoard(camera, sx, sy);
  return { zoom, x: sx - p.x * zoom, y: sy - p.y * zoom };
}

/** The board area visible in a viewport of the given size, grown by `margin` screen pixels. */
export function visibleRect(camera: Camera, width: number, height: number, margin = 200): Rect {
  const tl = screenToBoard(camera, -margin, -margin);
  return { x: tl.x, y: tl.y, w: (width + 2 * margin) / camera.zoom, h: (height + 2 * margin) / camera.zoom };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Where the segment from the centre of `r` towards (tx, ty) leaves the rectangle. */
export function edgePoint(r: Rect, tx: number, ty: number): { x: number; y: number } {
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** Camera that fits the given rectangle into the viewport. */
export function fitCamera(r: Rect, width: number, height: number, padding = 60): Camera {
  const zoom = Math.min(1, Math.max(0.1, Math.min((width - 2 * padding) / r.w, (height - 2 * padding) / r.h)));
  return { zoom, x: width / 2 - (r.x + r.w / 2) * zoom, y: height / 2 - (r.y + r.h / 2) * zoom };
}

/** Bounding box of a set of rectangles, or null if there are none. */
export function contentBounds(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, w: maxX - minX, h: maxY - minY } : null;
}
