import { createItem, linkItems, zRange } from '../../../shared/model/board';
import type { BoardItem } from '../../../shared/model/schema';
import { contentBounds } from '../board/geometry';
import { newCardSpot } from '../board/create';
import { LOCAL_ORIGIN } from '../board/origin';
import { undoManagerFor } from '../board/undo';
import type { ItemView } from '../board/useBoardData';
import type { Identity } from '../state/identity';
import type { BoardConnection } from '../sync/connection';

/** Longest card text the phone accepts (a card is a sticky note, not an essay). */
export const MAX_CARD_TEXT = 1000;

export type NewCard = { kind: 'perspective'; problem: BoardItem; text: string } | { kind: 'idea'; problem: BoardItem | null; buildsOn: BoardItem | null; text: string };

/**
 * Writes a card from the phone: placed like a card added on the canvas
 * (board/create.ts newCardSpot: free space, never on another card, in the
 * right frame), a perspective next to its problem, an idea that builds on
 * another next to it, linked as the canvas links them. One undo step.
 */
export function addPhoneCard(conn: BoardConnection, identity: Identity, items: ReadonlyMap<string, ItemView>, card: NewCard): string {
  const live = [...items.values()].filter((i): i is BoardItem => !('damaged' in i));
  const near = card.kind === 'perspective' ? card.problem : card.buildsOn;
  const bounds = contentBounds(live);
  const around = card.kind === 'idea' && card.problem ? card.problem : null;
  const centre = around ? { x: around.x + around.w / 2, y: around.y + around.h / 2 } : bounds ? { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 } : { x: 0, y: 0 };
  // No camera on a phone: zoom 0 means "not looking at any frame", so the phase's or idea frame decides.
  const { x, y } = newCardSpot(conn, items, card.kind, centre, 0, near);
  const doc = conn.doc;
  const um = undoManagerFor(doc);
  um.stopCapturing();
  let id = '';
  doc.transact(() => {
    id = createItem(
      doc,
      { kind: card.kind, x, y, z: zRange(doc).max + 1, author: identity, text: card.text, ...(card.kind === 'perspective' ? { problemId: card.problem.id } : {}) },
      LOCAL_ORIGIN,
    );
    if (card.kind === 'idea' && card.problem) linkItems(doc, { kind: 'addresses', from: id, to: card.problem.id }, LOCAL_ORIGIN);
    if (card.kind === 'idea' && card.buildsOn) linkItems(doc, { kind: 'builds-on', from: id, to: card.buildsOn.id }, LOCAL_ORIGIN);
  }, LOCAL_ORIGIN);
  um.stopCapturing();
  return id;
}
