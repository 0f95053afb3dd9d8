import { describe, expect, it } from 'vitest';
import { ROLE_IDS, ROLES, isRoleId, roleInfo, roleLabel } from '../../shared/roles';

/**
 * The actor roles table of the product brief (shared/PRODUCT.md, "Actor roles"):
 * id, Danish, English. The ids are stable: they are stored in boards.
 */
const PRODUCT_ROLES: Array<[string, string, string]> = [
  ['politician', 'politiker', 'politician'],
  ['public-manager', 'offentlig leder', 'public manager'],
  ['public-employee', 'offentlig medarbejder', 'public employee'],
  ['citizen', 'borger', 'citizen'],
  ['service-user', 'bruger eller pårørende', 'service user or relative'],
  ['volunteer-association', 'frivillig forening', 'volunteer association'],
  ['interest-organisation', 'interesseorganisation', 'interest organisation'],
  ['business', 'virksomhed', 'business'],
  ['social-enterprise', 'socialøkonomisk virksomhed', 'social enterprise'],
  ['researcher', 'forsker', 'researcher'],
  ['other', 'andet', 'other'],
];

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const ch = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = ch.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (lin[0] as number) + 0.7152 * (lin[1] as number) + 0.0722 * (lin[2] as number);
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('roles', () => {
  it('has exactly the 11 roles of the product brief, in order', () => {
    expect([...ROLE_IDS]).toEqual(PRODUCT_ROLES.map((r) => r[0]));
    expect(ROLES.map((r) => r.id)).toEqual(PRODUCT_ROLES.map((r) => r[0]));
  });

  it.each(PRODUCT_ROLES)('%s has the brief’s Danish and English labels', (id, da, en) => {
    expect(isRoleId(id)).toBe(true);
    if (!isRoleId(id)) return;
    expect(roleLabel(id, 'da').toLowerCase()).toBe(da);
    expect(roleLabel(id, 'en').toLowerCase()).toBe(en);
    expect(roleInfo(id).id).toBe(id);
  });

  it('every role has a distinct #rrggbb colour that carries dark text (WCAG AA, 4.5:1)', () => {
    const colours = ROLES.map((r) => r.color);
    for (const c of colours) {
      expect(c).toMatch(/^#[0-9a-f]{6}$/i);
      // Dark card text (#1f1f1f) on the role colour.
      expect(contrast(c, '#1f1f1f'), `contrast of ${c}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(colours.map((c) => c.toLowerCase())).size).toBe(colours.length);
  });

  it('the role "other" is labelled with the person’s own words when given', () => {
    expect(roleLabel('other', 'da', '  Havnefoged ')).toBe('Havnefoged');
    expect(roleLabel('other', 'en', 'Harbour master')).toBe('Harbour master');
    expect(roleLabel('other', 'da', '   ')).toBe('Andet');
    expect(roleLabel('other', 'en')).toBe('Other');
    // Only "other" is free text; a fixed role keeps its name.
    expect(roleLabel('citizen', 'da', 'Konge')).toBe('Borger');
  });

  it('isRoleId rejects everything else', () => {
    for (const v of ['', 'Politician', 'king', 'other ', null, undefined, 3, {}]) expect(isRoleId(v)).toBe(false);
  });
});
