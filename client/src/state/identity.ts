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
