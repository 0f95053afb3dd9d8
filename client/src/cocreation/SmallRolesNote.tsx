import { MIN_ROLE_GROUP } from '../../../shared/cocreation/smallRoles';
import { roleLabel, type RoleId } from '../../../shared/roles';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';

type T = (key: StringKey, vars?: Record<string, string>) => string;

/**
 * Why results have no row for some roles (shared/cocreation/smallRoles.ts):
 * merged into "Other roles" (naming the roles in it), or no breakdown at all.
 * Null when every role has its own row.
 */
export function smallRolesText(t: T, lang: 'da' | 'en', merged: readonly RoleId[], withheld: boolean): string | null {
  if (withheld) return t('smallRolesWithheld');
  if (merged.length === 0) return null;
  return t('smallRolesMerged', { min: String(MIN_ROLE_GROUP), roles: merged.map((r) => roleLabel(r, lang)).join(', ') });
}

/** The note as a paragraph under results; renders nothing when every role has its own row. */
export function SmallRolesNote({ merged, withheld }: { merged: readonly RoleId[]; withheld: boolean }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const text = smallRolesText(t, lang, merged, withheld);
  if (!text) return null;
  return (
    <p className="muted small small-roles-note" data-small-roles={withheld ? 'withheld' : 'merged'}>
      {text}
    </p>
  );
}
