import type * as Y from 'yjs';
import { ROLE_IDS, type RoleId } from '../roles';
import { itemsMap } from './board';
import { CARD_COLORS, ITEM_KINDS, type BoardItem } from './schema';
import { readItem } from './validate';

/**
 * A board's first view (issue 19): the box, kind, role and colour of every card, without text,
 * links or history. A 50,000-card board's document is 26 MB and takes seconds to arrive and
 * apply; its overview is about 1.5 MB of JSON, so the browser can draw the whole board while
 * the document is still on its way. Served by GET /api/boards/<id>/overview (docs/api.md).
 */
export interface BoardOverview {
  v: 1;
  /** Per card, OVERVIEW_FIELDS numbers: x, y, w, h (whole board pixels), z, and indexes into ITEM_KINDS, ROLE_IDS and ['', ...CARD_COLORS]. */
  cards: number[];
}

export const OVERVIEW_FIELDS = 8;
const COLORS = ['', ...CARD_COLORS] as const;

/** What the overview layer draws of a card: a BoardItem's box and colouring, nothing else. */
export type OverviewCard = Pick<BoardItem, 'id' | 'x' | 'y' | 'w' | 'h' | 'z' | 'kind' | 'role' | 'color'>;

/** The overview of a board's current state; damaged items are left out, as the overview layer leaves them out. */
export function boardOverview(doc: Y.Doc): BoardOverview {
  const cards: number[] = [];
  itemsMap(doc).forEach((value, id) => {
    const it = readItem(id, value);
    if ('damaged' in it) return;
    cards.push(Math.round(it.x), Math.round(it.y), Math.round(it.w), Math.round(it.h), it.z, ITEM_KINDS.indexOf(it.kind), ROLE_IDS.indexOf(it.role), COLORS.indexOf(it.color));
  });
  return { v: 1, cards };
}

/**
 * The cards of an overview as the overview layer takes them (ids are positions: an overview has
 * no ids). Anything malformed gives null: the board then simply waits for its document.
 */
export function overviewCards(o: unknown): OverviewCard[] | null {
  if (typeof o !== 'object' || o === null || (o as BoardOverview).v !== 1 || !Array.isArray((o as BoardOverview).cards)) return null;
  const a = (o as BoardOverview).cards;
  if (a.length % OVERVIEW_FIELDS !== 0) return null;
  const out: OverviewCard[] = [];
  for (let i = 0; i < a.length; i += OVERVIEW_FIELDS) {
    const [x, y, w, h, z, k, r, c] = a.slice(i, i + OVERVIEW_FIELDS) as number[];
    if (![x, y, w, h, z].every(Number.isFinite)) return null;
    const kind = ITEM_KINDS[k as number];
    const role: RoleId | undefined = ROLE_IDS[r as number];
    const color = COLORS[c as number];
    if (kind === undefined || role === undefined || color === undefined) return null;
    out.push({ id: `overview-${i / OVERVIEW_FIELDS}`, x: x as number, y: y as number, w: w as number, h: h as number, z: z as number, kind, role, color });
  }
  return out;
}
