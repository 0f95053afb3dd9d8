import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { frameOfStep } from '../../shared/cocreation/phaseFrame';
import { readSession } from '../../shared/cocreation/session';
import { listItems } from '../../shared/model/board';
import { placeCard, type Box } from '../../shared/model/placement';
import { DEFAULT_SIZE } from '../../shared/model/schema';
import { buildFromTemplate } from '../../shared/templates';

/** New cards never land on other cards (issue 13: pairs landed exactly on top of each other). */
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
const idea = DEFAULT_SIZE.idea;

function addMany(n: number, anchor: { x: number; y: number }, start: Box[] = [], within: Box | null = null): Box[] {
  const placed: Box[] = [...start];
  for (let i = 0; i < n; i++) placed.push({ ...placeCard(idea, anchor, placed, { areas: within ? [within] : [] }), ...idea });
  return placed.slice(start.length);
}

describe('placing a new card', () => {
  it('goes centred on the anchor on an empty board', () => {
    // On the 20 px grid: 390 → 400.
    expect(placeCard(idea, { x: 500, y: 400 }, [])).toEqual({ x: 400, y: 320 });
  });

  it('ten cards added at the same view centre never overlap, and keep a gap', () => {
    const cards = addMany(10, { x: 0, y: 0 });
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) {
        const a = cards[i] as Box;
        const b = cards[j] as Box;
        expect(overlaps({ x: a.x - 10, y: a.y - 10, w: a.w + 20, h: a.h + 20 }, b), `${i} vs ${j}`).toBe(false);
      }
    // Near the centre: all within a few card sizes of it.
    for (const c of cards) expect(Math.hypot(c.x + c.w / 2, c.y + c.h / 2)).toBeLessThan(3 * idea.w);
  });

  it('stays inside the given frame area while there is room, then goes outside without overlapping', () => {
    const area: Box = { x: 1000, y: 1000, w: 960, h: 560 };
    const cards = addMany(12, { x: 0, y: 0 }, [], area);
    const inArea = cards.filter((c) => inside(c, area));
    // 960 × 560 holds 3 rows of 4 idea cards with 20 px gaps.
    expect(inArea.length).toBeGreaterThanOrEqual(9);
    expect(cards.slice(0, 9).every((c) => inside(c, area))).toBe(true);
    for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i] as Box, cards[j] as Box)).toBe(false);
  });

  it('avoids existing cards and is the same for the same input', () => {
    const blocker: Box = { x: -200, y: -200, w: 400, h: 400 };
    const a = placeCard(idea, { x: 0, y: 0 }, [blocker]);
    expect(overlaps({ ...a, ...idea }, blocker)).toBe(false);
    expect(placeCard(idea, { x: 0, y: 0 }, [blocker])).toEqual(a);
  });

  it('tries the areas in order and never lies across a frame border', () => {
    const full: Box = { x: 0, y: 0, w: 200, h: 100 };
    const roomy: Box = { x: 2000, y: 0, w: 600, h: 400 };
    const p = placeCard(idea, { x: 0, y: 0 }, [], { areas: [full, roomy] });
    expect(inside({ ...p, ...idea }, roomy)).toBe(true);
    const frame: Box = { x: 100, y: -300, w: 500, h: 600 };
    const q = placeCard(idea, { x: 90, y: 0 }, [], { containers: [frame] });
    const b = { ...q, ...idea };
    expect(inside(b, frame) || !overlaps(b, frame)).toBe(true);
  });

  it('in reading order packs a template idea frame: three starter ideas and eight more, in rows, none overlapping', () => {
    // The ideas frame of a template (960 × 640) with its three starter ideas, as create.ts fills it.
    const area: Box = { x: 2090, y: 70, w: 940, h: 560 };
    const starters: Box[] = [0, 1, 2].map((i) => ({ x: 2080 + 30 + i * 260, y: 80, ...idea }));
    const placed: Box[] = [...starters];
    for (let i = 0; i < 8; i++) {
      const p = placeCard(idea, { x: 2500, y: 300 }, placed, { areas: [area], gap: 12, step: 10, areaOrder: 'reading' });
      placed.push({ ...p, ...idea });
    }
    const mine = placed.slice(3);
    expect(mine.every((c) => inside(c, area))).toBe(true);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i] as Box, placed[j] as Box)).toBe(false);
    // Two tidy rows of four.
    expect(new Set(mine.map((c) => c.y)).size).toBe(2);
  });

  it('on a crowded area goes below everything near the anchor instead of on top', () => {
    const wall: Box = { x: -3000, y: -3000, w: 6000, h: 6000 };
    const p = placeCard(idea, { x: 0, y: 0 }, [wall], { maxRings: 5 });
    expect(overlaps({ ...p, ...idea }, wall)).toBe(false);
    expect(p.y).toBeGreaterThanOrEqual(3000);
  });
});

describe('the frame of the current phase', () => {
  it('is the template frame named like the step, in either language', () => {
    for (const lang of ['da', 'en'] as const) {
      const doc = new Y.Doc();
      buildFromTemplate(doc, 'youth-policy', lang, { now: 1 });
      const f = frameOfStep(listItems(doc).items, readSession(doc).current);
      expect(f?.kind).toBe('frame');
      expect(f?.w).toBe(960);
      expect(frameOfStep(listItems(doc).items, { id: 'x', phase: 'ideas', label: null, order: 0 })?.x).toBe(2080);
      expect(frameOfStep(listItems(doc).items, { id: 'y', phase: null, label: 'Ingen ramme hedder sådan', order: 0 })).toBeNull();
    }
  });
});
