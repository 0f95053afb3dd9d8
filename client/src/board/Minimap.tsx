import { memo, useEffect, useRef, useState, type MutableRefObject, type PointerEvent } from 'react';
import { roleInfo } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { contentBounds, visibleRect, type Rect } from './geometry';
import type { ItemView } from './useBoardData';

const W = 200;
const H = 130;
const PAD = 200;
const LAYER_MS = 250;

function drawLayer(items: ReadonlyMap<string, ItemView>, layer: MutableRefObject<HTMLCanvasElement | null>, world: MutableRefObject<Rect>) {
  const cards = [...items.values()].filter((i): i is Exclude<ItemView, { damaged: true }> => !('damaged' in i));
  const b = contentBounds(cards) ?? { x: 0, y: 0, w: 1000, h: 700 };
  const r = { x: b.x - PAD, y: b.y - PAD, w: b.w + 2 * PAD, h: b.h + 2 * PAD };
  world.current = r;
  const off = layer.current ?? document.createElement('canvas');
  layer.current = off;
  off.width = W;
  off.height = H;
  const ctx = off.getContext('2d');
  if (!ctx) return;
  const s = Math.min(W / r.w, H / r.h);
  ctx.clearRect(0, 0, W, H);
  ctx.fillStyle = '#f7f8fa';
  ctx.fillRect(0, 0, W, H);
  for (const c of cards) {
    ctx.fillStyle = c.kind === 'frame' ? '#dfe4e9' : c.kind === 'problem' ? '#1f4e5f' : roleInfo(c.role).color;
    ctx.fillRect((c.x - r.x) * s, (c.y - r.y) * s, Math.max(1.5, c.w * s), Math.max(1.5, c.h * s));
  }
}

/**
 * An overview of the whole board with the visible area marked. Click or drag
 * in it to move there. The cards are drawn to an offscreen layer only when
 * they change (at most every LAYER_MS); a camera move redraws just the viewport frame.
 */
export const Minimap = memo(function Minimap({ items }: { items: ReadonlyMap<string, ItemView> }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLCanvasElement | null>(null);
  const world = useRef<Rect>({ x: 0, y: 0, w: 1, h: 1 });
  const camera = useUi((s) => s.camera);
  // The canvas's size, kept in the store by the canvas (null while there is none).
  const viewport = useUi((s) => s.viewport);

  // Cards → offscreen layer: at once the first time, then at most every LAYER_MS (trailing),
  // so a stream of remote moves does not redraw every card of a large board per frame.
  const [layerVersion, setLayerVersion] = useState(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const drawnAt = useRef(-Infinity);
  useEffect(() => {
    const draw = () => {
      timer.current = null;
      drawnAt.current = performance.now();
      drawLayer(itemsRef.current, layer, world);
      setLayerVersion((v) => v + 1);
    };
    if (timer.current !== null) return;
    const wait = drawnAt.current + LAYER_MS - performance.now();
    if (wait <= 0) draw();
    else timer.current = setTimeout(draw, wait);
  }, [items]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  // Layer + viewport frame → visible canvas.
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !layer.current || !viewport) return;
    const r = world.current;
    const s = Math.min(W / r.w, H / r.h);
    ctx.clearRect(0, 0, W, H);
    ctx.drawImage(layer.current, 0, 0);
    const v = visibleRect(camera, viewport.w, viewport.h, 0);
    ctx.strokeStyle = '#0b63ce';
    ctx.lineWidth = 2;
    ctx.strokeRect((v.x - r.x) * s, (v.y - r.y) * s, v.w * s, v.h * s);
  }, [camera, layerVersion, viewport]);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const r = world.current;
    const s = Math.min(W / r.w, H / r.h);
    const bx = r.x + (e.clientX - box.left) / s;
    const by = r.y + (e.clientY - box.top) / s;
    const { camera: cam, setCamera, viewport: v } = useUi.getState();
    setCamera({ zoom: cam.zoom, x: (v?.w ?? 0) / 2 - bx * cam.zoom, y: (v?.h ?? 0) / 2 - by * cam.zoom });
  };

  return (
    <canvas
      ref={canvas}
      className="minimap"
      width={W}
      height={H}
      role="img"
      aria-label={t('minimap')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) moveTo(e);
      }}
    />
  );
});
