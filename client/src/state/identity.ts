import { isRoleId, type RoleId } from '../../../shared/roles';

export interface Identity {
  name: string;
  role: RoleId;
  /** Free-text description when role is "other". */
  roleText?: string;
}

const KEY = 'samskab.identity';

/** The person's name and role, remembered on this device. */
export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { name?: unknown; role?: unknown; roleText?: unknown };
    if (typeof v.name === 'string' && v.name.trim() && isRoleId(v.role)) {
      const roleText = v.role === 'other' && typeof v.roleText === 'string' ? v.roleText.slice(0, 60) : '';
      return { name: v.name.slice(0, 80), role: v.role, ...(roleText ? { roleText } : {}) };
    }
  } catch {
    // A broken entry is treated as none.
  }
  return null;
}

export function saveIdentity(identity: Identity): void {
  localStorage.setItem(KEY, JSON.stringify(identity));
}

/** A link can carry ?name=…&role=… so a facilitator can hand out pre-filled links per role. */
export function identityFromUrl(search: string): Partial<Identity> {
  const params = new URLSearchParams(search);
  const out: Partial<Identity> = {};
  const name = params.get('name')?.trim();
  const role = params.get('role');
  if (name) out.name = name.slice(0, 80);
  if (isRoleId(role)) out.role = role;
  return out;
}

/**
 * Every localStorage key that belongs to the person on this device, not to the
 * device: the public person key (presence, goals, ready marks), the secret voter
 * id (ballots) and the rating key, per board (client/src/state/deviceKey.ts).
 * A new per-person key must use one of these prefixes (tests/unit/consent-presence.test.ts).
 */
export const PERSON_KEY_PREFIXES = ['samskab.person.', 'samskab.voter.', 'samskab.valuer.'] as const;

/** The storage surface forgetPerson needs (localStorage has it). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

/**
 * Forgets the person on this device: name and role, and every per-person key on
 * every board, so the next person gets new keys and never sees the previous
 * person's ballot, ratings or goal entry. Other settings (language) stay.
 * Returns the keys removed.
 */
export function forgetPerson(storage: StorageLike): string[] {
  const gone: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null && (k === KEY || PERSON_KEY_PREFIXES.some((p) => k.startsWith(p)))) gone.push(k);
  }
  for (const k of gone) storage.removeItem(k);
  return gone;
}

/**
 * "New person on this device": forgets the person and reloads the board without a
 * pre-filled name and role, so the join dialog asks the next person and every
 * key is read fresh (a reload also drops keys kept in memory when storage is blocked).
 */
export function startNewPerson(): void {
  try {
    forgetPerson(localStorage);
  } catch {
    // Storage blocked: the keys lived in memory only, and the reload drops them.
  }
  const url = new URL(location.href);
  url.searchParams.delete('name');
  url.searchParams.delete('role');
  location.replace(url.toString());
}
