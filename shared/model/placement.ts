/**
 * Where a new card goes: the free spot nearest to where the person is
 * looking, inside the frame it belongs in when there is one (issue 13: new
 * cards landed on top of each other at the view centre, ideas on the
 * perspectives). Pure geometry, so the client and tests share it.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlaceOptions {
  /** Areas to try in order (a frame's working area); the first with room wins, then free space. */
  areas?: readonly Box[];
  /** Frames: a card lies wholly inside or wholly outside each, never across its border. */
  containers?: readonly Box[];
  /** Empty space kept between the new card and every other one. */
  gap?: number;
  /** Candidate positions lie on this grid (board px). */
  step?: number;
  /** How far (in steps) the search goes around its starting point. */
  maxRings?: number;
  /**
   * Inside an area: 'nearest' to the anchor, or 'reading' order (the first free
   * spot from the top left), which packs a frame into tidy rows.
   */
  areaOrder?: 'nearest' | 'reading';
}

const overlaps = (a: Box, b: Box, gap: number) => a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/**
 * The top-left corner for a card of `size` whose centre is as close to
 * `anchor` as possible without overlapping `obstacles` (with `gap` between)
 * or lying across a container's border: in the first of `areas` that has
 * room, else anywhere. Candidates are searched ring by ring, nearest first,
 * with a fixed order for equal distances, so the result is deterministic.
 * When nothing within reach is free the card goes just below everything near
 * the anchor (never on top of a card).
 */
export function placeCard(size: { w: number; h: number }, anchor: { x: number; y: number }, obstacles: readonly Box[], options: PlaceOptions = {}): { x: number; y: number } {
  const gap = options.gap ?? 20;
  const step = options.step ?? 20;
  const maxRings = options.maxRings ?? 60;
  const containers = options.containers ?? [];
  const snap = (v: number) => Math.round(v / step) * step;
  const start = { x: snap(anchor.x - size.w / 2), y: snap(anchor.y - size.h / 2) };
  const reach = maxRings * step + Math.max(size.w, size.h) + gap;
  // Only what lies near a search can block it: keeps a 10,000-card board cheap.
  const nearTo = <T extends Box>(list: readonly T[], p: { x: number; y: number }) =>
    list.filter((o) => overlaps(o, { x: p.x - reach, y: p.y - reach, w: 2 * reach + size.w, h: 2 * reach + size.h }, 0));

  const search = (area: Box | null): { x: number; y: number } | null => {
    if (area && (area.w < size.w || area.h < size.h)) return null;
    // An area off to the side is searched from the point in it nearest to the anchor.
    const origin = area
      ? { x: snap(Math.min(Math.max(start.x, area.x), area.x + area.w - size.w)), y: snap(Math.min(Math.max(start.y, area.y), area.y + area.h - size.h)) }
      : start;
    const near = nearTo(obstacles, origin);
    const frames = nearTo(containers, origin);
    const fits = (b: Box) =>
      (!area || inside(b, area)) && !near.some((o) => overlaps(b, o, gap)) && frames.every((f) => inside(b, f) || !overlaps(b, f, 0));
    if (area && options.areaOrder === 'reading') {
      const x0 = Math.ceil(area.x / step) * step;
      const y0 = Math.ceil(area.y / step) * step;
      for (let y = y0; y + size.h <= area.y + area.h; y += step)
        for (let x = x0; x + size.w <= area.x + area.w; x += step) if (fits({ x, y, w: size.w, h: size.h })) return { x, y };
      return null;
    }
    for (let ring = 0; ring <= maxRings; ring++) {
      const candidates: Array<{ x: number; y: number; d: number }> = [];
      for (let i = -ring; i <= ring; i++) {
        for (let j = -ring; j <= ring; j++) {
          if (Math.max(Math.abs(i), Math.abs(j)) === ring) candidates.push({ x: origin.x + i * step, y: origin.y + j * step, d: i * i + j * j });
        }
      }
      // Nearest first; ties in reading order (top, then left), so results do not depend on the loops.
      candidates.sort((a, b) => a.d - b.d || a.y - b.y || a.x - b.x);
      for (const c of candidates) if (fits({ x: c.x, y: c.y, w: size.w, h: size.h })) return { x: c.x, y: c.y };
    }
    return null;
  };

  for (const area of options.areas ?? []) {
    const spot = search(area);
    if (spot) return spot;
  }
  const spot = search(null);
  if (spot) return spot;
  // Crowded everywhere in reach: below the lowest card or frame near the anchor.
  const bottom = [...nearTo(obstacles, start), ...nearTo(containers, start)].reduce((m, o) => Math.max(m, o.y + o.h), start.y);
  return { x: start.x, y: Math.ceil((bottom + gap) / step) * step };
}
