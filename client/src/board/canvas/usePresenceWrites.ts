import { useEffect, useRef, type RefObject } from 'react';
import { writePresenceField } from '../../../../shared/presence';
import type { Camera } from '../../state/ui';
import { useUi } from '../../state/ui';
import type { BoardConnection } from '../../sync/connection';
import { screenToBoard } from '../geometry';
import { restoreAfterEditing } from '../readableZoom';

const POINTER_INTERVAL_MS = 50;

/**
 * What others see of me live (awareness, never the document): the card I am editing, my
 * pointer, and my view for those who follow me. Returns the pointer writers for the canvas's
 * pointer handlers.
 */
export function usePresenceWrites({
  provider,
  canvasRef,
  editingId,
  camera,
  size,
}: {
  provider: BoardConnection['provider'];
  canvasRef: RefObject<HTMLDivElement | null>;
  editingId: string | null;
  camera: Camera;
  size: { w: number; h: number };
}) {
  // Tell others which card I am editing (shown as "Ann is typing" on their screen).
  useEffect(() => {
    writePresenceField(provider.awareness, 'editing', editingId);
    // A new card was brought into a readable zoom for typing; typing is over.
    if (editingId === null) restoreAfterEditing();
  }, [provider, editingId]);

  // Follow mode: my view (centre and zoom) goes into awareness, at most every 100 ms.
  const viewTimer = useRef(0);
  useEffect(() => {
    if (viewTimer.current) return;
    viewTimer.current = window.setTimeout(() => {
      viewTimer.current = 0;
      const cam = useUi.getState().camera;
      const c = screenToBoard(cam, size.w / 2, size.h / 2);
      writePresenceField(provider.awareness, 'view', { cx: Math.round(c.x), cy: Math.round(c.y), zoom: Math.round(cam.zoom * 1000) / 1000 });
    }, 100);
  }, [camera, size, provider]);
  useEffect(() => () => window.clearTimeout(viewTimer.current), []);

  // My pointer, in board coordinates, at most every POINTER_INTERVAL_MS.
  const lastPointerSent = useRef(0);
  const sendPointer = (e: { clientX: number; clientY: number }) => {
    const now = performance.now();
    if (now - lastPointerSent.current > POINTER_INTERVAL_MS && canvasRef.current) {
      lastPointerSent.current = now;
      const box = canvasRef.current.getBoundingClientRect();
      const pos = screenToBoard(useUi.getState().camera, e.clientX - box.left, e.clientY - box.top);
      writePresenceField(provider.awareness, 'pointer', { x: Math.round(pos.x), y: Math.round(pos.y) });
    }
  };
  const clearPointer = () => writePresenceField(provider.awareness, 'pointer', null);
  return { sendPointer, clearPointer };
}
