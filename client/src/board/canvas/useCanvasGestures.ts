import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject, type WheelEvent } from 'react';
import { useUi, type Camera } from '../../state/ui';
import { MAX_ZOOM, MIN_ZOOM } from '../../state/zoomLimits';
import { screenToBoard, zoomAt, type Rect } from '../geometry';
import type { ItemIndex } from '../spatial';
import type { ItemView } from '../useBoardData';
import { useSpacePan } from './useSpacePan';

type Gesture =
  | { kind: 'pan'; px: number; py: number; x: number; y: number; touch: boolean; moved: boolean }
  | { kind: 'band'; sx: number; sy: number; additive: boolean }
  | { kind: 'pinch' };

type Point = { x: number; y: number };

/**
 * Gestures on the empty board: pan (touch, the pan tool, the middle button, space held),
 * two-finger pinch, wheel and trackpad zoom, and the marquee (rubber band) that selects.
 * Presses on cards are the cards' own (useCardActions).
 */
export function useCanvasGestures({ canvasRef, index, items }: { canvasRef: RefObject<HTMLDivElement | null>; index: ItemIndex; items: ReadonlyMap<string, ItemView> }) {
  const gesture = useRef<Gesture | null>(null);
  const touches = useRef(new Map<number, Point>());
  const pinchStart = useRef<{ dist: number; mid: Point; camera: Camera } | null>(null);
  const [band, setBand] = useState<Rect | null>(null);
  const { spaceDown, spacePan } = useSpacePan();

  const boxOf = (e: { clientX: number; clientY: number }) => {
    const box = canvasRef.current?.getBoundingClientRect();
    return { x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target !== e.currentTarget && !target.classList.contains('world') && !target.classList.contains('lod-layer')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const ui = useUi.getState();
    ui.setFollowing(null);
    // A press on empty board ends a "builds on" pick without linking.
    if (ui.buildOnFrom) ui.setBuildOnFrom(null);
    if (e.pointerType === 'touch') {
      touches.current.set(e.pointerId, boxOf(e));
      if (touches.current.size === 2) {
        const [a, b] = [...touches.current.values()] as [Point, Point];
        pinchStart.current = { dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, camera: ui.camera };
        gesture.current = { kind: 'pinch' };
        return;
      }
    }
    const pan = e.pointerType === 'touch' || ui.tool === 'pan' || e.button === 1 || spaceDown.current;
    if (pan) {
      gesture.current = { kind: 'pan', px: e.clientX, py: e.clientY, x: ui.camera.x, y: ui.camera.y, touch: e.pointerType === 'touch', moved: false };
      return;
    }
    if (e.button !== 0) return;
    const p = boxOf(e);
    const additive = e.shiftKey || e.metaKey || e.ctrlKey;
    gesture.current = { kind: 'band', sx: p.x, sy: p.y, additive };
    if (!additive) ui.select(null);
    canvasRef.current?.focus({ preventScroll: true });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (g?.kind === 'pinch' && touches.current.has(e.pointerId)) {
      touches.current.set(e.pointerId, boxOf(e));
      const start = pinchStart.current;
      if (start && touches.current.size >= 2) {
        const [a, b] = [...touches.current.values()] as [Point, Point];
        const dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const p = screenToBoard(start.camera, start.mid.x, start.mid.y);
        const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, (start.camera.zoom * dist) / start.dist));
        useUi.getState().setCamera({ zoom, x: mid.x - p.x * zoom, y: mid.y - p.y * zoom });
      }
    } else if (g?.kind === 'pan') {
      if (Math.abs(e.clientX - g.px) + Math.abs(e.clientY - g.py) > 6) g.moved = true;
      useUi.getState().setCamera({ ...useUi.getState().camera, x: g.x + e.clientX - g.px, y: g.y + e.clientY - g.py });
    } else if (g?.kind === 'band') {
      const p = boxOf(e);
      setBand({ x: Math.min(g.sx, p.x), y: Math.min(g.sy, p.y), w: Math.abs(p.x - g.sx), h: Math.abs(p.y - g.sy) });
    }
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (g?.kind === 'pinch') {
      if (touches.current.size < 2) {
        pinchStart.current = null;
        gesture.current = null;
      }
      return;
    }
    gesture.current = null;
    // A tap on empty board (a finger that did not pan) clears the selection, as a click does: phones have no Escape key.
    if (g?.kind === 'pan' && g.touch && !g.moved) useUi.getState().select(null);
    if (g?.kind === 'band' && band && band.w + band.h > 4) {
      const cam = useUi.getState().camera;
      const tl = screenToBoard(cam, band.x, band.y);
      const rect = { x: tl.x, y: tl.y, w: band.w / cam.zoom, h: band.h / cam.zoom };
      const hits = index.grid.query(rect).filter((id) => {
        const it = items.get(id);
        return it !== undefined && !('damaged' in it);
      });
      const ui = useUi.getState();
      ui.setSelection(g.additive ? [...ui.selection, ...hits] : hits);
    }
    setBand(null);
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const ui = useUi.getState();
    const cam = ui.camera;
    ui.setFollowing(null);
    if (e.ctrlKey || e.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel.
      const zoom = cam.zoom * Math.exp(-e.deltaY * 0.01);
      ui.setCamera(zoomAt(cam, e.clientX - box.left, e.clientY - box.top, Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))));
    } else {
      ui.setCamera({ ...cam, x: cam.x - e.deltaX, y: cam.y - e.deltaY });
    }
  };

  // Native listener: React's wheel listener is passive, so it cannot stop the page from zooming.
  useEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const stop = (e: globalThis.WheelEvent) => e.preventDefault();
    el.addEventListener('wheel', stop, { passive: false });
    return () => el.removeEventListener('wheel', stop);
  }, [canvasRef]);

  return { onPointerDown, onPointerMove, onPointerUp, onWheel, band, spacePan };
}
