import * as Y from 'yjs';
import { ITEMS_KEY } from '../model/schema';
import { isRoleId, type RoleId } from '../roles';
import { readRound, type RoundState } from './votes';

/**
 * The co-creation root map of a board's Y.Doc (additive; docs/data-model.md):
 *   cocreation.round    — the current vote round (written by the server only)
 *   cocreation.settings — { anonymousNames: boolean } (any editor)
 *   cocreation[`client:<clientID>`] — the role each Yjs client declared, so
 *                         card edit sessions (editSessionsByRole) can be counted per role
 */
export const COCREATION_KEY = 'cocreation';
export const ROUND_KEY = 'round';
export const SETTINGS_KEY = 'settings';

export const cocreationMap = (doc: Y.Doc) => doc.getMap<unknown>(COCREATION_KEY);

export function readRoundOf(doc: Y.Doc): RoundState | null {
  return readRound(cocreationMap(doc).get(ROUND_KEY));
}

export interface CocreationSettings {
  anonymousNames: boolean;
}

export function readSettings(doc: Y.Doc): CocreationSettings {
  const s = cocreationMap(doc).get(SETTINGS_KEY) as Record<string, unknown> | undefined;
  return { anonymousNames: typeof s === 'object' && s !== null && s.anonymousNames === true };
}

export function setAnonymousNames(doc: Y.Doc, on: boolean, origin?: unknown): void {
  doc.transact(() => cocreationMap(doc).set(SETTINGS_KEY, { anonymousNames: on }), origin);
}

const CLIENT_PREFIX = 'client:';

/**
 * Records which role this Yjs client edits as. One flat key per client in the
 * root map (`client:<clientID>`), so concurrent registrations on two replicas
 * never collide (a nested map created concurrently would lose entries).
 */
export function registerClient(doc: Y.Doc, role: RoleId, origin?: unknown): void {
  const key = `${CLIENT_PREFIX}${doc.clientID}`;
  if (cocreationMap(doc).get(key) === role) return;
  doc.transact(() => cocreationMap(doc).set(key, role), origin);
}

/** Yjs client id → declared role (malformed entries skipped). */
export function readClients(doc: Y.Doc): Map<number, RoleId> {
  const out = new Map<number, RoleId>();
  cocreationMap(doc).forEach((role, key) => {
    if (!key.startsWith(CLIENT_PREFIX)) return;
    const id = Number(key.slice(CLIENT_PREFIX.length));
    if (Number.isSafeInteger(id) && isRoleId(role)) out.set(id, role);
  });
  return out;
}

/** Where one Yjs struct wrote: a card's text, a card's creation, something else people wrote, or nothing to count. */
type Write = { kind: 'body' | 'create'; card: string } | { kind: 'other' } | null;
const OTHER: Write = { kind: 'other' };

/**
 * Card edit sessions per role, counted from the document's own history (no
 * client reports totals, and nothing is added to the document to count them).
 *
 * A typed word is many Yjs operations, and a keystroke count is not a
 * contribution ("redigeringer 627"), so the meter counts *sessions*: each
 * client's structs are read in the order it wrote them (its clock), and a
 * session is a stretch in which it edited one card's text without writing
 * anything else in between — another card, a comment, a goal, a rating, the
 * board title. Returning to the same card after something else is a new
 * session. Not counted: the stretch in which a client created the card (the
 * card already counts as an item, and its first text belongs to it), moving,
 * resizing or colouring cards (layout fields neither start nor end a session),
 * the co-creation bookkeeping (`cocreation` map), and text of deleted cards
 * (Yjs garbage-collects it, so its structs no longer say where they were; two
 * stretches on one card around such text then read as one). Pure deletions make
 * no structs and are not seen. Every replica holds the same structs, so everyone
 * computes the same numbers. Clients without a declared role (the server, the
 * seed tool) are not counted.
 */
export function editSessionsByRole(doc: Y.Doc): Partial<Record<RoleId, number>> {
  const clients = readClients(doc);
  const rootName = new Map<object, string>();
  doc.share.forEach((type, name) => rootName.set(type, name));
  const itemsRoot = doc.share.get(ITEMS_KEY);
  // Everything inside one nested type (a card's text, a paragraph) writes to the same place.
  const inside = new Map<object, Write>();

  const writeOf = (struct: Y.Item | Y.GC): Write => {
    if (!(struct instanceof Y.Item)) return null; // GC: content of something deleted, place unknown
    const parent = struct.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    const owner = parent._item;
    if (owner === null) {
      // A top-level entry: a card in `items`, or a key of another root map.
      const root = rootName.get(parent);
      if (root === ITEMS_KEY) return struct.parentSub ? { kind: 'create', card: struct.parentSub } : null;
      return root === undefined || root === COCREATION_KEY ? null : OTHER;
    }
    if (itemsRoot !== undefined && owner.parent === itemsRoot) {
      // A field of a card: its text (the `body` fragment) counts, layout fields do not. Text of a
      // deleted card does not count: other replicas have garbage-collected it, and the one that deleted
      // it (its undo keeps the structs) must come to the same number.
      return struct.parentSub === 'body' && owner.parentSub && !owner.deleted ? { kind: 'body', card: owner.parentSub } : null;
    }
    let w = inside.get(parent);
    if (w === undefined) {
      // Deeper content writes where its enclosing type was written: inside a card's text it is that card's text.
      w = writeOf(owner);
      inside.set(parent, w);
    }
    return w;
  };

  const out: Partial<Record<RoleId, number>> = {};
  doc.store.clients.forEach((structs, clientId) => {
    const role = clients.get(clientId);
    if (!role) return;
    let sessions = 0;
    let at: string | null = null; // the card this client was last writing to (null: something else)
    let counted = false; // the current stretch has been counted (or is the card's creation)
    for (const struct of structs) {
      const w = writeOf(struct);
      if (w === null) continue;
      if (w.kind === 'other') at = null;
      else if (w.kind === 'create') {
        at = w.card;
        counted = true;
      } else {
        if (at !== w.card) {
          at = w.card;
          counted = false;
        }
        if (!counted) {
          sessions++;
          counted = true;
        }
      }
    }
    if (sessions > 0) out[role] = (out[role] ?? 0) + sessions;
  });
  return out;
}
