import { useT } from '../i18n/useT';
import { MAX_ZOOM, MIN_ZOOM, useUi } from '../state/ui';
import { zoomAt } from './geometry';
import { freeCanvasArea } from './viewport';

/** Zooms about the middle of the part of the canvas that can be seen. */
function zoomBy(f: number) {
  const { camera, setCamera } = useUi.getState();
  const a = freeCanvasArea() ?? { x: 0, y: 0, w: 0, h: 0 };
  setCamera(zoomAt(camera, a.x + a.w / 2, a.y + a.h / 2, Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, camera.zoom * f))));
}

/**
 * −, the zoom percentage (resets to 100 %) and +. A component of its own because it reads the
 * zoom: in the board page, every zoom step of a gesture re-rendered the whole page (issue 19).
 */
export function ZoomControls() {
  const t = useT();
  const zoom = useUi((s) => s.camera.zoom);
  const pct = `${Math.round(zoom * 100)}%`;
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoomReset')}>
      <button type="button" onClick={() => zoomBy(1 / 1.25)} aria-label={t('zoomOut')}>
        −
      </button>
      <button type="button" onClick={() => useUi.getState().setCamera({ ...useUi.getState().camera, zoom: 1 })} aria-label={`${pct} – ${t('zoomReset')}`}>
        {pct}
      </button>
      <button type="button" onClick={() => zoomBy(1.25)} aria-label={t('zoomIn')}>
        +
      </button>
    </div>
  );
}
