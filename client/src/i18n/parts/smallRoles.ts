import { SMALL_ROLES_TEXT } from '../../../../shared/cocreation/smallRoles';

/**
 * UI texts for small roles (issue 13 item 5), merged into STRINGS. The notes
 * come from shared/cocreation/smallRoles.ts, so the screen and the minutes say
 * the same; the merged group's label ("Andre roller" / "Other roles") is read
 * from there directly, like the role labels.
 */
export const SMALL_ROLES_STRINGS = {
  da: {
    smallRolesMerged: SMALL_ROLES_TEXT.da.merged,
    smallRolesWithheld: SMALL_ROLES_TEXT.da.withheld,
    smallRolesAll: 'Alle roller',
  },
  en: {
    smallRolesMerged: SMALL_ROLES_TEXT.en.merged,
    smallRolesWithheld: SMALL_ROLES_TEXT.en.withheld,
    smallRolesAll: 'All roles',
  },
} as const;
