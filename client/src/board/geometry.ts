import type { Camera } from '../state/ui';
import { MIN_ZOOM } from '../state/zoomLimits';

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
  const zoom = Math.min(1, Math.max(MIN_ZOOM, Math.min((width - 2 * padding) / r.w, (height - 2 * padding) / r.h)));
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

/** Like fitCamera, but into `area` (a part of the viewport, in the same coordinates as the camera). */
export function fitCameraInto(r: Rect, area: Rect, padding = 60): Camera {
  const c = fitCamera(r, area.w, area.h, padding);
  return { zoom: c.zoom, x: c.x + area.x, y: c.y + area.y };
}

/** Areas smaller than this are no use to fit anything into: then the whole viewport is used. */
const MIN_FREE = 120;

/**
 * The best rectangle inside `area` that none of `covered` (things floating over
 * it: toolbars, the sidebar, the minimap) overlaps. With `content`, best means
 * the one that shows it largest (at most 100 %), then the largest area; without,
 * the largest area. Candidate edges are the edges of the area and of the covers,
 * so the answer is exact, and cheap for the handful of covers on a board.
 */
export function freeRect(area: Rect, covered: readonly Rect[], content?: Rect, padding = 0): Rect {
  const covers = covered
    .map((c) => {
      const x = Math.max(area.x, c.x);
      const y = Math.max(area.y, c.y);
      return { x, y, w: Math.min(area.x + area.w, c.x + c.w) - x, h: Math.min(area.y + area.h, c.y + c.h) - y };
    })
    .filter((c) => c.w > 0 && c.h > 0);
  if (covers.length === 0) return area;
  const edges = (a: number, b: number, pick: (c: Rect) => [number, number]) =>
    [...new Set([a, b, ...covers.flatMap(pick)])].filter((v) => v >= a && v <= b).sort((p, q) => p - q);
  const xs = edges(area.x, area.x + area.w, (c) => [c.x, c.x + c.w]);
  const ys = edges(area.y, area.y + area.h, (c) => [c.y, c.y + c.h]);
  const score = (r: Rect) => (content ? Math.min(1, (r.w - 2 * padding) / content.w, (r.h - 2 * padding) / content.h) : 0);
  let best: Rect | null = null;
  let bestScore = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      for (let k = 0; k < ys.length; k++) {
        for (let l = k + 1; l < ys.length; l++) {
          const r = { x: xs[i]!, y: ys[k]!, w: xs[j]! - xs[i]!, h: ys[l]! - ys[k]! };
          // Taller from the same top only adds more covers: stop at the first one.
          if (covers.some((c) => intersects(r, c))) break;
          if (r.w < MIN_FREE || r.h < MIN_FREE) continue;
          const s = score(r);
          if (s > bestScore || (s === bestScore && best && r.w * r.h > best.w * best.h)) {
            best = r;
            bestScore = s;
          }
        }
      }
    }
  }
  return best ?? area;
}
