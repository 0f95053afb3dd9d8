import * as Y from 'yjs';
import { isRoleId, type RoleId } from '../roles';
import { readRound, type RoundState } from './votes';

/**
 * The co-creation root map of a board's Y.Doc (additive; docs/data-model.md):
 *   cocreation.round    — the current vote round (written by the server only)
 *   cocreation.settings — { anonymousNames: boolean } (any editor)
 *   cocreation[`client:<clientID>`] — the role each Yjs client declared, so
 *                         edits (Yjs operations per client) can be counted per role
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

/**
 * Edits per role, counted from the document itself: the number of Yjs
 * operations (characters typed, fields set, cards created…) each client has
 * made, attributed to the role that client declared. Clients without a
 * declared role (the server, the seed tool) are not counted.
 */
export function editsByRole(doc: Y.Doc): Partial<Record<RoleId, number>> {
  const clients = readClients(doc);
  const out: Partial<Record<RoleId, number>> = {};
  Y.decodeStateVector(Y.encodeStateVector(doc)).forEach((clock, clientId) => {
    const role = clients.get(clientId);
    if (role) out[role] = (out[role] ?? 0) + clock;
  });
  return out;
}
