import type { Rect } from './geometry';
import { diffMaps } from './persistentMap';

/**
 * A uniform-grid spatial index: each item is registered in every cell its
 * rectangle touches, so a viewport query visits only the cells it covers
 * instead of every item on the board. Updates are O(cells touched).
 */
export class SpatialGrid {
  private readonly cells = new Map<string, Set<string>>();
  private readonly rects = new Map<string, Rect>();
  private readonly keys = new Map<string, string[]>();

  constructor(readonly cellSize = 512) {}

  get size(): number {
    return this.rects.size;
  }

  private cellKeys(r: Rect): string[] {
    const c = this.cellSize;
    const x0 = Math.floor(r.x / c);
    const y0 = Math.floor(r.y / c);
    const x1 = Math.floor((r.x + Math.max(0, r.w)) / c);
    const y1 = Math.floor((r.y + Math.max(0, r.h)) / c);
    const out: string[] = [];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(`${x},${y}`);
    return out;
  }

  set(id: string, r: Rect): void {
    const prev = this.rects.get(id);
    if (prev && prev.x === r.x && prev.y === r.y && prev.w === r.w && prev.h === r.h) return;
    this.remove(id);
    const keys = this.cellKeys(r);
    for (const k of keys) {
      let cell = this.cells.get(k);
      if (!cell) this.cells.set(k, (cell = new Set()));
      cell.add(id);
    }
    this.rects.set(id, { x: r.x, y: r.y, w: r.w, h: r.h });
    this.keys.set(id, keys);
  }

  remove(id: string): void {
    const keys = this.keys.get(id);
    if (!keys) return;
    for (const k of keys) {
      const cell = this.cells.get(k);
      cell?.delete(id);
      if (cell && cell.size === 0) this.cells.delete(k);
    }
    this.keys.delete(id);
    this.rects.delete(id);
  }

  get(id: string): Rect | undefined {
    return this.rects.get(id);
  }

  /** Ids whose rectangles intersect `r` (touching edges do not count). */
  query(r: Rect): string[] {
    const c = this.cellSize;
    const x0 = Math.floor(r.x / c);
    const y0 = Math.floor(r.y / c);
    const x1 = Math.floor((r.x + r.w) / c);
    const y1 = Math.floor((r.y + r.h) / c);
    const seen = new Set<string>();
    const out: string[] = [];
    const scanCells = (x1 - x0 + 1) * (y1 - y0 + 1);
    // A huge query (zoomed far out) scans items, not empty cells.
    if (scanCells > this.cells.size) {
      for (const [id, b] of this.rects) if (hit(r, b)) out.push(id);
      return out;
    }
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const cell = this.cells.get(`${x},${y}`);
        if (!cell) continue;
        for (const id of cell) {
          if (seen.has(id)) continue;
          seen.add(id);
          const b = this.rects.get(id) as Rect;
          if (hit(r, b)) out.push(id);
        }
      }
    }
    return out;
  }
}

function hit(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

interface Boxed {
  id: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
}

/**
 * Keeps a SpatialGrid in step with the board's item map. The map keeps object
 * identity for unchanged items and (as a PersistentMap) shares untouched buckets between
 * versions, so a sync costs the items that changed, not the board (it runs per Yjs batch,
 * never per camera frame). `onChange` hears every id the sync moved, added or removed.
 */
export class ItemIndex {
  readonly grid = new SpatialGrid(512);
  private last: ReadonlyMap<string, Boxed> = new Map();

  sync(items: ReadonlyMap<string, Boxed>, onChange?: (id: string, before: Rect | undefined) => void): void {
    if (items === this.last) return;
    diffMaps(this.last, items, (id, it) => {
      const before = onChange ? this.grid.get(id) : undefined;
      if (it) this.grid.set(id, { x: it.x, y: it.y, w: it.w ?? 220, h: it.h ?? 120 });
      else this.grid.remove(id);
      onChange?.(id, before);
    });
    this.last = items;
  }
}
