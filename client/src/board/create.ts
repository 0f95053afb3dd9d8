import { frameOfStep } from '../../../shared/cocreation/phaseFrame';
import { readSession } from '../../../shared/cocreation/session';
import { createItem, linkItems, zRange } from '../../../shared/model/board';
import { placeCard, type Box } from '../../../shared/model/placement';
import type { BoardItem, ItemKind } from '../../../shared/model/schema';
import { DEFAULT_SIZE } from '../../../shared/model/schema';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { LOCAL_ORIGIN } from './origin';
import { undoManagerFor } from './undo';
import { screenToBoard } from './geometry';
import { readableForEditing } from './readableZoom';
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
const FRAME_PAD = 20;
const workArea = (f: BoardItem): Box => ({ x: f.x + FRAME_PAD, y: f.y + FRAME_HEAD, w: f.w - 2 * FRAME_PAD, h: f.h - FRAME_HEAD - FRAME_PAD });
const contains = (f: BoardItem, p: { x: number; y: number }) => p.x >= f.x && p.y >= f.y && p.x <= f.x + f.w && p.y <= f.y + f.h;
/** Zoomed in this far, the frame under the view centre is where the person is working. */
const LOOKING_ZOOM = 0.5;

/**
 * Where a new card goes (issue 13): the free spot nearest to the view centre
 * (a new perspective: nearest to its problem), inside the frame the person is
 * looking at, or else the frame of the session's current phase, never on
 * another card. Frames are containers, not obstacles, but their title bands are.
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
  const live = [...items.values()].filter((i): i is BoardItem => !('damaged' in i));
  const frames = live.filter((i) => i.kind === 'frame');
  const obstacles: Box[] = [];
  for (const i of live) obstacles.push(i.kind === 'frame' ? { x: i.x, y: i.y, w: i.w, h: FRAME_HEAD - 10 } : i);
  if (kind === 'frame') return placeCard(size, centre, live.filter((i) => i.kind === 'frame'), { gap: 40 });

  const anchor = near ? { x: near.x + near.w / 2, y: near.y + near.h + 40 + size.h / 2 } : centre;
  const smallest = (fs: BoardItem[]) => fs.sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? null;
  const lookedAt = smallest(frames.filter((f) => contains(f, anchor)));
  const phase = frameOfStep(live, readSession(conn.doc).current);
  // A card next to its problem stays in the problem's frame; otherwise where the person looks, or the current phase.
  const frame = near ? lookedAt : zoom >= LOOKING_ZOOM ? (lookedAt ?? phase) : (phase ?? lookedAt);
  return placeCard(size, anchor, obstacles, { within: frame ? workArea(frame) : null });
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
  const centre = screenToBoard(camera, viewport.w / 2, viewport.h / 2);
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
