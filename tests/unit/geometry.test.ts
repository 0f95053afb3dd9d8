import { describe, expect, it } from 'vitest';
import { fitCameraInto, freeRect } from '../../client/src/board/geometry';

/** The canvas of a 1366×768 laptop, with what floats over it (measured from the board page). */
const canvas = { x: 0, y: 0, w: 1366, h: 665 };
const toolbar = { x: 12, y: 12, w: 980, h: 50 };
const sidebar = { x: 1114, y: 12, w: 240, h: 420 };
const minimap = { x: 1152, y: 471, w: 200, h: 130 };
const zoom = { x: 1194, y: 607, w: 158, h: 44 };

describe('freeRect: the part of the canvas nothing floats over', () => {
  it('is the whole area when nothing covers it', () => {
    expect(freeRect(canvas, [])).toEqual(canvas);
    expect(freeRect(canvas, [{ x: 2000, y: 0, w: 10, h: 10 }])).toEqual(canvas);
  });

  it('keeps clear of the toolbar, the sidebar and the minimap', () => {
    const covers = [toolbar, sidebar, minimap, zoom];
    const wide = { x: 0, y: 0, w: 3000, h: 1400 };
    const r = freeRect(canvas, covers, wide, 40);
    for (const c of covers) expect(r.x + r.w <= c.x || c.x + c.w <= r.x || r.y + r.h <= c.y || c.y + c.h <= r.y).toBe(true);
    // For a wide board: everything under the toolbar, left of the sidebar.
    expect(r).toEqual({ x: 0, y: 62, w: 1114, h: 603 });
  });

  it('picks the part that shows the content largest, not just the largest part', () => {
    // A tall, narrow board beside a panel-like cover on the left: the tall free column wins.
    const cover = { x: 0, y: 0, w: 800, h: 300 };
    const tall = { x: 0, y: 0, w: 200, h: 2000 };
    expect(freeRect({ x: 0, y: 0, w: 1000, h: 700 }, [cover], tall)).toEqual({ x: 800, y: 0, w: 200, h: 700 });
    const wide = { x: 0, y: 0, w: 3000, h: 200 };
    expect(freeRect({ x: 0, y: 0, w: 1000, h: 700 }, [cover], wide)).toEqual({ x: 0, y: 300, w: 1000, h: 400 });
  });

  it('falls back to the whole area when no free part is big enough to use', () => {
    expect(freeRect({ x: 0, y: 0, w: 300, h: 300 }, [{ x: 0, y: 0, w: 250, h: 250 }, { x: 100, y: 100, w: 200, h: 200 }])).toEqual({ x: 0, y: 0, w: 300, h: 300 });
  });

  it('fitCameraInto centres the content in the free part', () => {
    const cam = fitCameraInto({ x: 0, y: 0, w: 1000, h: 500 }, { x: 100, y: 50, w: 600, h: 400 }, 50);
    expect(cam.zoom).toBeCloseTo(0.5);
    // The content's middle (500, 250) lands on the free part's middle (400, 250).
    expect(cam.x + 500 * cam.zoom).toBeCloseTo(400);
    expect(cam.y + 250 * cam.zoom).toBeCloseTo(250);
  });
});
