import { frameOfStep } from '../../../shared/cocreation/phaseFrame';
import { readSession } from '../../../shared/cocreation/session';
import { createItem, linkItems, listItems, zRange } from '../../../shared/model/board';
import { placeCard, type Box } from '../../../shared/model/placement';
import type { BoardItem, ItemKind } from '../../../shared/model/schema';
import { DEFAULT_SIZE } from '../../../shared/model/schema';
import type { Identity } from '../state/identity';
import { DEFAULT_VIEWPORT, useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { LOCAL_ORIGIN } from './origin';
import { undoManagerFor } from './undo';
import { screenToBoard } from './geometry';
import { readableForEditing } from './readableZoom';
import { freeCanvasArea } from './viewport';
import type { ItemView } from './useBoardData';

/** The problem new ideas and perspectives attach to: the selected one, or the board's only problem. */
export function targetProblemFor(items: ReadonlyMap<string, ItemView>, selectedId: string | null): BoardItem | null {
  const selected = selectedId ? items.get(selectedId) : undefined;
  if (selected && !('damaged' in selected) && selected.kind === 'problem') return selected;
  let only: BoardItem | null = null;
  for (const i of items.values()) {
    if ('damaged' in i || i.kind !== 'problem') continue;
    if (only) return null;
    only = i;
  }
  return only;
}

/** A frame's working area: below its title band, inside a margin. */
const FRAME_HEAD = 70;
const FRAME_PAD = 10;
/** Tight enough that a template's idea frame takes four cards a row (a dozen in all), loose enough to read. */
const CARD_GAP = 12;
const GRID_STEP = 10;
const workArea = (f: BoardItem): Box => ({ x: f.x + FRAME_PAD, y: f.y + FRAME_HEAD, w: f.w - 2 * FRAME_PAD, h: f.h - FRAME_HEAD - FRAME_PAD });
const contains = (f: BoardItem, p: { x: number; y: number }) => p.x >= f.x && p.y >= f.y && p.x <= f.x + f.w && p.y <= f.y + f.h;
/** Zoomed in this far, the frame under the view centre is where the person is working. */
const LOOKING_ZOOM = 0.5;
/** Before the idea phase, a new idea's home is the idea frame, not the problem-understanding one. */
const BEFORE_IDEAS = new Set(['understand', 'goals']);

/**
 * Where a new card goes (issue 13): the free spot nearest to the view centre
 * (a new perspective: nearest to its problem), in the first frame with room
 * of: the frame the person is looking at, the card's home frame (ideas go to
 * the idea frame while the session is still before it), the current phase's
 * frame; else free space. Never on another card, a frame's title or across a
 * frame's border.
 */
export function newCardSpot(
  conn: BoardConnection,
  items: ReadonlyMap<string, ItemView>,
  kind: ItemKind,
  centre: { x: number; y: number },
  zoom: number,
  near: BoardItem | null,
): { x: number; y: number } {
  const size = DEFAULT_SIZE[kind];
  // The cards as the doc has them now, not as the last render saw them: cards added a moment ago
  // (three perspectives from the lens in a row, issue 17) must already be obstacles.
  const fromDoc = listItems(conn.doc).items;
  const live = fromDoc.length > 0 ? fromDoc : [...items.values()].filter((i): i is BoardItem => !('damaged' in i));
  const frames = live.filter((i) => i.kind === 'frame');
  if (kind === 'frame') return placeCard(size, centre, frames, { gap: 40 });
  const obstacles: Box[] = live.map((i) => (i.kind === 'frame' ? { x: i.x, y: i.y, w: i.w, h: FRAME_HEAD - 10 } : i));

  const anchor = near ? { x: near.x + near.w / 2, y: near.y + near.h + 40 + size.h / 2 } : centre;
  const smallestAt = (p: { x: number; y: number }) => frames.filter((f) => contains(f, p)).sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? null;
  const outermostAt = (p: { x: number; y: number }) => frames.filter((f) => contains(f, p)).sort((a, b) => b.w * b.h - a.w * a.h)[0] ?? null;
  const current = readSession(conn.doc).current;
  const phaseFrame = frameOfStep(live, current);
  const ideaFrame = kind === 'idea' && current.phase && BEFORE_IDEAS.has(current.phase) ? frameOfStep(live, { id: 'ideas', phase: 'ideas', label: null, order: 0 }) : null;
  const order: Array<BoardItem | null> = near
    ? [smallestAt(anchor), outermostAt(anchor)]
    : [zoom >= LOOKING_ZOOM ? smallestAt(anchor) : null, zoom >= LOOKING_ZOOM ? outermostAt(anchor) : null, ideaFrame, phaseFrame, outermostAt(anchor)];
  const seen = new Set<string>();
  const areas: Box[] = [];
  for (const f of order) {
    if (!f || seen.has(f.id)) continue;
    seen.add(f.id);
    areas.push(workArea(f));
  }
  return placeCard(size, anchor, obstacles, { areas, containers: frames, gap: CARD_GAP, step: GRID_STEP, maxRings: 120, areaOrder: near ? 'nearest' : 'reading' });
}

/**
 * Creates a card in free space near the middle of the view (a perspective
 * next to its problem), stacked on top, opens its editor and brings it into a
 * readable zoom while it is typed. Returns the new id.
 */
export function addCard(conn: BoardConnection, identity: Identity, items: ReadonlyMap<string, ItemView>, kind: ItemKind): string | null {
  const { camera, selectedId, viewport } = useUi.getState();
  const targetProblem = targetProblemFor(items, selectedId);
  if (kind === 'perspective' && !targetProblem) return null;
  // The middle of what the person sees: the canvas less the toolbar and sidebar over it.
  const area = freeCanvasArea(undefined, 0) ?? { x: 0, y: 0, ...(viewport ?? DEFAULT_VIEWPORT) };
  const centre = screenToBoard(camera, area.x + area.w / 2, area.y + area.h / 2);
  const { x, y } = newCardSpot(conn, items, kind, centre, camera.zoom, kind === 'perspective' ? targetProblem : null);
  const doc = conn.doc;
  let id = '';
  const um = undoManagerFor(doc);
  um.stopCapturing();
  doc.transact(() => {
    id = createItem(
      doc,
      {
        kind,
        x,
        y,
        // Frames go behind everything, so the cards placed on them stay clickable.
        z: kind === 'frame' ? zRange(doc).min - 1 : zRange(doc).max + 1,
        author: identity,
        ...(kind === 'perspective' && targetProblem ? { problemId: targetProblem.id } : {}),
      },
      LOCAL_ORIGIN,
    );
    if (kind === 'idea' && targetProblem) {
      linkItems(doc, { kind: 'addresses', from: id, to: targetProblem.id }, LOCAL_ORIGIN);
    }
  }, LOCAL_ORIGIN);
  um.stopCapturing();
  const size = DEFAULT_SIZE[kind];
  if (kind !== 'frame') readableForEditing({ x, y, w: size.w, h: size.h });
  useUi.getState().edit(id);
  return id;
}
