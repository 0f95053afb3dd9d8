import { isRoleId, roleInfo, type RoleId } from './roles';

/**
 * The presence format (awareness state), read and written here only.
 *
 * Presence is untrusted remote input, so every field goes through a reader.
 * The `user` field is the person: the consent logic counts people by its
 * `person` key and `editor` flag, so a partial write (a caret extension that
 * sets `{name, color}`) must never drop them. Writers therefore go through
 * `mergeUser` — one place that merges, never replaces.
 */

/**
 * What a connection is. `presenter`: a projector / presenter view on a shared
 * screen; it is never asked for consent, whatever link opened it. A presenter
 * writes `writeUser(awareness, { ...PRESENTER })` (with its role and a name).
 * Anything else (or no field) reads as `participant`.
 */
export type PresenceKind = 'participant' | 'presenter';
export const PRESENTER: Readonly<Pick<PresenceUserField, 'kind' | 'editor'>> = { kind: 'presenter', editor: false };

export interface PresenceView {
  cx: number;
  cy: number;
  zoom: number;
}

/** The `user` field as written by this client. */
export interface PresenceUserField {
  name: string;
  role: RoleId;
  roleText: string;
  color: string;
  /** Public per-device person key (several tabs of one person share it). */
  person: string;
  /** False for observers (read-only links): they are not asked for consent. */
  editor: boolean;
  /** A presenter view is never asked for consent (see PresenceKind). */
  kind: PresenceKind;
}

/** Fields of the awareness state other than `user`; each is written on its own. */
export interface PresenceFields {
  pointer: { x: number; y: number } | null;
  editing: string | null;
  view: PresenceView | null;
  summon: (PresenceView & { seq: number }) | null;
  /**
   * True while this tab has had no input for a while (client/src/board/useIdle.ts):
   * an idle tab is not asked for consent until it has input again.
   */
  idle: boolean;
}

export interface PresenceUser {
  clientId: number;
  name: string;
  role: RoleId;
  roleText: string;
  color: string;
  /** Pointer position in board coordinates, if on the canvas. */
  pointer: { x: number; y: number } | null;
  /** Id of the card the person is editing. */
  editing: string | null;
  /** Centre of the person's view (board coordinates) and zoom, for follow mode. */
  view: PresenceView | null;
  /** A "come to my view" request: shown to the others, who may accept or decline. */
  summon: (PresenceView & { seq: number }) | null;
  isSelf: boolean;
  /** Public per-device person key, or null from clients without one. */
  person: string | null;
  /** False for observers (read-only links): they are not asked for consent. */
  canEdit: boolean;
  kind: PresenceKind;
  /** The tab published `idle: true` (no input for a while). */
  idle: boolean;
  /**
   * The person is marked as away on the board (the session's away marks, read
   * from the document by the client hook, not from awareness); false here.
   */
  away: boolean;
}

const PERSON_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export function readView(v: unknown): PresenceView | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const ok = (n: unknown, lim: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= lim;
  if (!ok(o.cx, 1e7) || !ok(o.cy, 1e7) || !ok(o.zoom, 4) || o.zoom < 0.1) return null;
  return { cx: o.cx, cy: o.cy, zoom: o.zoom };
}

/** One awareness state as a participant, or null when it has no valid `user`. */
export function readPresence(clientId: number, state: Record<string, unknown>, self: number): PresenceUser | null {
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user !== 'object' || typeof user.name !== 'string' || !isRoleId(user.role)) return null;
  const p = state.pointer as Record<string, unknown> | null | undefined;
  const pointer =
    p && typeof p.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y) ? { x: p.x, y: p.y } : null;
  const rawSummon = state.summon as Record<string, unknown> | null | undefined;
  const summonView = readView(rawSummon);
  const summon =
    summonView && rawSummon && typeof rawSummon.seq === 'number' && Number.isFinite(rawSummon.seq) ? { ...summonView, seq: rawSummon.seq } : null;
  return {
    clientId,
    name: user.name.slice(0, 80),
    role: user.role,
    roleText: typeof user.roleText === 'string' ? user.roleText.slice(0, 60) : '',
    color: roleInfo(user.role).color,
    pointer,
    editing: typeof state.editing === 'string' ? state.editing : null,
    view: readView(state.view),
    summon,
    isSelf: clientId === self,
    person: typeof user.person === 'string' && PERSON_KEY.test(user.person) ? user.person : null,
    canEdit: user.editor !== false,
    kind: user.kind === 'presenter' ? 'presenter' : 'participant',
    idle: state.idle === true,
    away: false,
  };
}

/**
 * The new `user` field after a (partial) write: the fields given replace
 * theirs, every other field is kept.
 */
export function mergeUser(prev: unknown, patch: Partial<PresenceUserField>): Partial<PresenceUserField> {
  const base = prev && typeof prev === 'object' ? (prev as Partial<PresenceUserField>) : {};
  const out: Partial<PresenceUserField> = { ...base };
  for (const [k, v] of Object.entries(patch) as Array<[keyof PresenceUserField, unknown]>) {
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

/** The minimal awareness surface the writer needs (y-protocols' Awareness has it). */
export interface AwarenessLike {
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
}

/** Writes (merges) the person's `user` field: the one writer of it. */
export function writeUser(awareness: AwarenessLike, patch: Partial<PresenceUserField>): void {
  awareness.setLocalStateField('user', mergeUser(awareness.getLocalState()?.user, patch));
}

/** Writes one of the non-person fields (pointer, editing, view, summon, idle). */
export function writePresenceField<K extends keyof PresenceFields>(awareness: AwarenessLike, key: K, value: PresenceFields[K]): void {
  awareness.setLocalStateField(key, value);
}
