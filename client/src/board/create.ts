import { createItem, linkItems, zRange } from '../../../shared/model/board';
import type { BoardItem, ItemKind } from '../../../shared/model/schema';
import { DEFAULT_SIZE } from '../../../shared/model/schema';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { LOCAL_ORIGIN } from './origin';
import { undoManagerFor } from './undo';
import { screenToBoard } from './geometry';
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

/**
 * Creates a card in the middle of the view (ideas and perspectives next to
 * their problem), stacked on top, and opens its editor. Returns the new id.
 */
export function addCard(conn: BoardConnection, identity: Identity, items: ReadonlyMap<string, ItemView>, kind: ItemKind): string | null {
  const { camera, selectedId } = useUi.getState();
  const targetProblem = targetProblemFor(items, selectedId);
  if (kind === 'perspective' && !targetProblem) return null;
  const canvas = document.querySelector('.canvas');
  const w = canvas?.clientWidth ?? 1200;
  const h = canvas?.clientHeight ?? 800;
  const size = DEFAULT_SIZE[kind];
  // Stagger new cards so repeated clicks do not stack them exactly.
  const jitter = (items.size % 8) * 24;
  const centre = screenToBoard(camera, w / 2, h / 2);
  let x = Math.round(centre.x - size.w / 2 + jitter);
  let y = Math.round(centre.y - size.h / 2 + jitter);
  if (targetProblem && (kind === 'idea' || kind === 'perspective')) {
    x = Math.round(targetProblem.x + (kind === 'perspective' ? -40 : 300) + jitter);
    y = Math.round(targetProblem.y + targetProblem.h + 60 + jitter);
  }
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
  useUi.getState().edit(id);
  return id;
}
