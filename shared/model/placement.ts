/**
 * Where a new card goes: the free spot nearest to where the person is
 * looking, inside the frame of the current phase when there is one (issue 13:
 * new cards landed on top of each other at the view centre). Pure geometry, so
 * the client and tests share it.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlaceOptions {
  /** Keep the card inside this area when there is room (a frame's working area). */
  within?: Box | null;
  /** Empty space kept between the new card and every other one. */
  gap?: number;
  /** Candidate positions lie on this grid (board px). */
  step?: number;
  /** How far (in steps) the search goes before it gives up on `within`, then on free space. */
  maxRings?: number;
}

const overlaps = (a: Box, b: Box, gap: number) => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/**
 * The top-left corner for a card of `size` whose centre is as close to
 * `anchor` as possible without overlapping `obstacles` (with `gap` between),
 * inside `within` if it has room. Candidates are searched ring by ring around
 * the anchor, nearest first, with a fixed order for equal distances, so the
 * result is deterministic. When no spot is free within the search radius the
 * card goes just below everything near the anchor (never on top of a card).
 */
export function placeCard(size: { w: number; h: number }, anchor: { x: number; y: number }, obstacles: readonly Box[], options: PlaceOptions = {}): { x: number; y: number } {
  const gap = options.gap ?? 20;
  const step = options.step ?? 20;
  const maxRings = options.maxRings ?? 60;
  const start = { x: Math.round((anchor.x - size.w / 2) / step) * step, y: Math.round((anchor.y - size.h / 2) / step) * step };
  const reach = maxRings * step + Math.max(size.w, size.h) + gap;
  // Only cards near the search area can block it: keeps a 10,000-card board cheap.
  const nearTo = (p: { x: number; y: number }) => obstacles.filter((o) => overlaps(o, { x: p.x - reach, y: p.y - reach, w: 2 * reach + size.w, h: 2 * reach + size.h }, 0));

  const search = (within: Box | null): { x: number; y: number } | null => {
    let origin = start;
    if (within) {
      // Start from the anchor pulled into the area, so a frame off to the side is searched from its nearest edge.
      origin = {
        x: Math.round(Math.min(Math.max(start.x, within.x), within.x + within.w - size.w) / step) * step,
        y: Math.round(Math.min(Math.max(start.y, within.y), within.y + within.h - size.h) / step) * step,
      };
    }
    const near = nearTo(origin);
    const free = (c: Box) => !near.some((o) => overlaps(c, o, gap));
    for (let ring = 0; ring <= maxRings; ring++) {
      const ringCandidates: Array<{ x: number; y: number; d: number }> = [];
      for (let i = -ring; i <= ring; i++) {
        for (let j = -ring; j <= ring; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
          ringCandidates.push({ x: origin.x + i * step, y: origin.y + j * step, d: i * i + j * j });
        }
      }
      // Nearest first; ties go right, then down (reading order), so results do not depend on the loop.
      ringCandidates.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x);
      for (const c of ringCandidates) {
        const box = { x: c.x, y: c.y, w: size.w, h: size.h };
        if (within && !inside(box, within)) continue;
        if (free(box)) return { x: c.x, y: c.y };
      }
    }
    return null;
  };

  const found = (options.within ? search(options.within) : null) ?? search(null);
  if (found) return found;
  // Crowded everywhere in reach: below the lowest card near the anchor.
  const bottom = nearTo(start).reduce((m, o) => Math.max(m, o.y + o.h), start.y);
  return { x: start.x, y: Math.ceil((bottom + gap) / step) * step };
}
