/**
 * Actor roles from the Manifest for samskabelse (see docs/data-model.md).
 * The ids are stable: they are stored in boards, exports and links.
 */
export const ROLE_IDS = [
  'politician',
  'public-manager',
  'public-employee',
  'citizen',
  'service-user',
  'volunteer-association',
  'interest-organisation',
  'business',
  'social-enterprise',
  'researcher',
  'other',
] as const;

export type RoleId = (typeof ROLE_IDS)[number];

export interface RoleInfo {
  id: RoleId;
  da: string;
  en: string;
  /** Card and cursor colour; chosen to stay distinguishable and to carry dark text (WCAG AA). */
  color: string;
}

export const ROLES: readonly RoleInfo[] = [
  { id: 'politician', da: 'Politiker', en: 'Politician', color: '#f4a3a3' },
  { id: 'public-manager', da: 'Offentlig leder', en: 'Public manager', color: '#f7c08a' },
  { id: 'public-employee', da: 'Offentlig medarbejder', en: 'Public employee', color: '#f3de8a' },
  { id: 'citizen', da: 'Borger', en: 'Citizen', color: '#a8dba8' },
  { id: 'service-user', da: 'Bruger eller pårørende', en: 'Service user or relative', color: '#8fd3c8' },
  { id: 'volunteer-association', da: 'Frivillig forening', en: 'Volunteer association', color: '#9cc8f0' },
  { id: 'interest-organisation', da: 'Interesseorganisation', en: 'Interest organisation', color: '#b8b3f0' },
  { id: 'business', da: 'Virksomhed', en: 'Business', color: '#d9b3e8' },
  { id: 'social-enterprise', da: 'Socialøkonomisk virksomhed', en: 'Social enterprise', color: '#f0b3d2' },
  { id: 'researcher', da: 'Forsker', en: 'Researcher', color: '#c9d1a0' },
  { id: 'other', da: 'Andet', en: 'Other', color: '#d0d4da' },
];

const byId = new Map<string, RoleInfo>(ROLES.map((r) => [r.id, r]));

export function isRoleId(value: unknown): value is RoleId {
  return typeof value === 'string' && byId.has(value);
}

export function roleInfo(id: RoleId): RoleInfo {
  // Safe: RoleId is a closed union and every member is in ROLES.
  return byId.get(id) as RoleInfo;
}

export function roleLabel(id: RoleId, lang: 'da' | 'en', roleText?: string): string {
  // "other" is described by the person in their own words when they gave some.
  if (id === 'other' && roleText && roleText.trim()) return roleText.trim();
  return roleInfo(id)[lang];
}
