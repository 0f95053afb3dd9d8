import { useEffect, useRef } from 'react';
import type { BoardItem } from '../../../shared/model/schema';
import { roleInfo } from '../../../shared/roles';
import type { Camera } from '../state/ui';
import { COLOR_VALUES } from './Card';

/**
 * Far zoomed out, thousands of cards are in view and their text is unreadable
 * anyway: draw them as coloured rectangles on one 2D canvas instead of
 * thousands of DOM nodes. Only items the spatial index reports in view are drawn.
 * Keyboard and screen-reader users reach these cards through CardNavigator.
 */
export function LodLayer({ items, camera, width, height, highlightId = null }: { items: BoardItem[]; camera: Camera; width: number; height: number; highlightId?: string | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
    if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(dpr * camera.zoom, 0, 0, dpr * camera.zoom, dpr * camera.x, dpr * camera.y);
    const sorted = items.length < 20_000 ? [...items].sort((a, b) => a.z - b.z) : items;
    ctx.lineWidth = 1 / camera.zoom;
    ctx.strokeStyle = '#7b8794';
    for (const it of sorted) {
      const role = roleInfo(it.role).color;
      ctx.fillStyle = it.color ? (COLOR_VALUES[it.color] ?? role) : it.kind === 'problem' ? '#ffffff' : role;
      ctx.fillRect(it.x, it.y, it.w, it.h);
      ctx.strokeRect(it.x, it.y, it.w, it.h);
      ctx.fillStyle = role;
      ctx.fillRect(it.x, it.y, it.w, Math.min(it.h, 8));
    }
    // The keyboard navigator's card (CardNavigator): a thick focus-coloured outline, 4 screen px whatever the zoom.
    const hit = highlightId ? items.find((i) => i.id === highlightId) : undefined;
    if (hit) {
      const pad = 6 / camera.zoom;
      ctx.lineWidth = 4 / camera.zoom;
      ctx.strokeStyle = '#0b63ce';
      ctx.strokeRect(hit.x - pad, hit.y - pad, hit.w + 2 * pad, hit.h + 2 * pad);
    }
  }, [items, camera, width, height, highlightId]);
  return <canvas ref={ref} className="lod-layer" style={{ width, height }} aria-hidden="true" />;
}
