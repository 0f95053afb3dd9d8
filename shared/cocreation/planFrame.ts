import type * as Y from 'yjs';
import { createItem, getItem, zRange } from '../model/board';
import { isDamaged } from '../model/validate';
import type { Author } from '../model/schema';
import { isRecord, isTime } from '../doc/readers';
import { ActionError, actionsMap } from './actions';

/**
 * The board's implementation-plan frame (issue 16): one frame card on the
 * canvas that shows the action plan inside it. Which frame it is lives in the
 * `actions` root map under the key `planFrame` → { id, at } (readActions
 * skips that key: it has no `|`), so a restore of the action plan brings the
 * frame mark back with it. A later mark replaces an earlier one.
 */
export const PLAN_FRAME_KEY = 'planFrame';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface PlanFrame {
  id: string;
  at: number;
}

const isFrame = (doc: Y.Doc, id: string) => {
  const it = getItem(doc, id);
  return it !== null && !isDamaged(it) && it.kind === 'frame';
};

/** The plan frame, or null when none was placed or its frame card is gone (deleted, damaged, not a frame). Never throws. */
export function readPlanFrame(doc: Y.Doc): PlanFrame | null {
  const v = actionsMap(doc).get(PLAN_FRAME_KEY);
  if (!isRecord(v) || typeof v.id !== 'string' || !ID_PATTERN.test(v.id) || !isTime(v.at)) return null;
  return isFrame(doc, v.id) ? { id: v.id, at: v.at } : null;
}

/** Marks an existing frame card as the board's plan frame. */
export function setPlanFrame(doc: Y.Doc, frameId: string, now: number, origin?: unknown): void {
  if (!isTime(now)) throw new ActionError('now must be a time in ms since the epoch');
  if (typeof frameId !== 'string' || !ID_PATTERN.test(frameId) || !isFrame(doc, frameId)) throw new ActionError('the plan frame must be a frame on the board');
  doc.transact(() => actionsMap(doc).set(PLAN_FRAME_KEY, { id: frameId, at: now }), origin);
}

/**
 * Creates the plan frame at (x, y) — behind every card, like any new frame —
 * titled `title`, and marks it, in one transaction. Returns its id.
 */
export function createPlanFrame(doc: Y.Doc, input: { x: number; y: number; w?: number; h?: number; title: string; author: Author }, now: number, origin?: unknown): string {
  let id = '';
  doc.transact(() => {
    id = createItem(doc, { kind: 'frame', x: input.x, y: input.y, w: input.w, h: input.h, z: zRange(doc).min - 1, author: input.author, text: input.title, now }, origin);
    setPlanFrame(doc, id, now, origin);
  }, origin);
  return id;
}
