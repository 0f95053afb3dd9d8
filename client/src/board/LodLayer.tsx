import { useEffect, useRef } from 'react';
import type { OverviewCard } from '../../../shared/model/overview';
import { roleInfo } from '../../../shared/roles';
import type { Camera } from '../state/ui';
import { COLOR_VALUES } from './Card';

/**
 * Far zoomed out, thousands of cards are in view and their text is unreadable
 * anyway: draw them as coloured rectangles on one 2D canvas instead of
 * thousands of DOM nodes. Only items the spatial index reports in view (plus `margin`
 * screen px around it) are drawn. Keyboard and screen-reader users reach these cards
 * through CardNavigator.
 *
 * The canvas is drawn only when what it shows changes (the items, the highlight, the size):
 * during a pan or zoom gesture the items stay the same (useSettledCamera) and the drawn
 * bitmap is moved and scaled with a CSS transform from the camera it was drawn at to the live
 * one, which costs no drawing at all (issue 19).
 */
export function LodLayer({
  items,
  camera,
  width,
  height,
  margin = 0,
  highlightId = null,
  className = 'lod-layer',
  drawKey,
}: {
  items: readonly OverviewCard[];
  camera: Camera;
  width: number;
  height: number;
  margin?: number;
  highlightId?: string | null;
  className?: string;
  /** Redraws at the current camera when it changes (the items alone decide otherwise). */
  drawKey?: unknown;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawnAt = useRef<Camera>(camera);
  const cameraRef = useRef(camera);
  cameraRef.current = camera;
  const w = width + 2 * margin;
  const h = height + 2 * margin;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const cam = cameraRef.current;
    drawnAt.current = cam;
    canvas.style.transform = '';
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
    if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    // Board → this canvas, whose top left corner is `margin` px above and left of the view's.
    ctx.setTransform(dpr * cam.zoom, 0, 0, dpr * cam.zoom, dpr * (cam.x + margin), dpr * (cam.y + margin));
    const sorted = items.length < 20_000 ? [...items].sort((a, b) => a.z - b.z) : items;
    ctx.lineWidth = 1 / cam.zoom;
    ctx.strokeStyle = '#7b8794';
    // Below 4 screen px a card is a dot of colour: its outline and role band would only blur it, at three times the cost.
    const detailed = cam.zoom * 60 >= 4;
    for (const it of sorted) {
      const role = roleInfo(it.role).color;
      ctx.fillStyle = it.color ? (COLOR_VALUES[it.color] ?? role) : it.kind === 'problem' ? '#ffffff' : role;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      if (!detailed) continue;
      ctx.strokeRect(it.x, it.y, it.w, it.h);
      ctx.fillStyle = role;
      ctx.fillRect(it.x, it.y, it.w, Math.min(it.h, 8));
    }
    // The keyboard navigator's card (CardNavigator): a thick focus-coloured outline, 4 screen px whatever the zoom.
    const hit = highlightId ? items.find((i) => i.id === highlightId) : undefined;
    if (hit) {
      const pad = 6 / cam.zoom;
      ctx.lineWidth = 4 / cam.zoom;
      ctx.strokeStyle = '#0b63ce';
      ctx.strokeRect(hit.x - pad, hit.y - pad, hit.w + 2 * pad, hit.h + 2 * pad);
    }
  }, [items, w, h, margin, highlightId, drawKey]);

  // Camera moved since the drawing: the bitmap follows by transform (scale about the canvas's own corner).
  const d = drawnAt.current;
  const s = camera.zoom / d.zoom;
  // The element's corner sits at (-margin, -margin): a board point drawn at canvas px u shows at u·s + t - margin.
  const tx = camera.x - d.x * s - margin * (s - 1);
  const ty = camera.y - d.y * s - margin * (s - 1);
  const moved = camera.zoom !== d.zoom || camera.x !== d.x || camera.y !== d.y;
  return (
    <canvas
      ref={ref}
      className={className}
      style={{ width: w, height: h, left: -margin, top: -margin, transformOrigin: '0 0', transform: moved ? `translate(${tx}px, ${ty}px) scale(${s})` : undefined }}
      aria-hidden="true"
    />
  );
}
