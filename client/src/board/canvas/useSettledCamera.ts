import { useEffect, useRef, useState } from 'react';
import type { Camera } from '../../state/ui';

/** A gesture has settled when the camera has not moved for this long. */
export const SETTLE_MS = 120;

/**
 * The camera to cull with. While `hold` is true (the overview is up and stays up) it keeps the
 * camera of the last settled moment during a pan or zoom gesture, so a gesture step neither
 * queries the spatial index nor redraws the overview: the overview's bitmap is only
 * transformed (LodLayer). SETTLE_MS after the last move it takes the live camera: one
 * cull and one redraw per gesture (issue 19). Without `hold` it is the live camera.
 */
export function useSettledCamera(camera: Camera, hold: boolean): Camera {
  // Follows the live camera while not holding, so holding starts from the camera of that moment.
  const settled = useRef(camera);
  const [, settle] = useState(0);
  if (!hold) settled.current = camera;
  useEffect(() => {
    if (!hold) return;
    const t = setTimeout(() => {
      settled.current = camera;
      settle((n) => n + 1);
    }, SETTLE_MS);
    return () => clearTimeout(t);
  }, [camera, hold]);
  return settled.current;
}

/**
 * True while the camera is moving (it moved less than SETTLE_MS ago). The board's layer is then
 * marked `will-change: transform`: the browser scales the cards it has already drawn instead of
 * drawing them again at every zoom step, and draws them sharp once the gesture settles.
 */
export function useCameraMoving(camera: Camera): boolean {
  const [moving, setMoving] = useState(false);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setMoving(true);
    const t = setTimeout(() => setMoving(false), SETTLE_MS);
    return () => clearTimeout(t);
  }, [camera]);
  return moving;
}
