import { ROLES, roleLabel, type RoleId } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';

export type SheetLayout = 'half' | 'quarter';

const MAX_PASSCODE_TEXT = 60;

/** What the facilitator sets before printing the QR sheet; not printed itself. */
export function SheetControls(props: {
  layout: SheetLayout;
  onLayout(l: SheetLayout): void;
  roles: ReadonlySet<RoleId>;
  onRoles(r: ReadonlySet<RoleId>): void;
  showPasscode: boolean;
  onShowPasscode(on: boolean): void;
  passcodeText: string;
  onPasscodeText(s: string): void;
  count: number;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const { roles, onRoles } = props;
  const toggle = (id: RoleId, on: boolean) => {
    const next = new Set(roles);
    if (on) next.add(id);
    else next.delete(id);
    onRoles(next);
  };
  const none = props.count === 0;
  return (
    <div className="qr-sheet-form">
      <fieldset>
        <legend>{t('sheetLayout')}</legend>
        {(['quarter', 'half'] as const).map((l) => (
          <label key={l} className="qr-choice">
            <input type="radio" name="sheet-layout" value={l} checked={props.layout === l} onChange={() => props.onLayout(l)} />
            <span>{l === 'half' ? t('sheetLayoutHalf') : t('sheetLayoutQuarter')}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="qr-roles" aria-describedby={none ? 'sheet-roles-error' : undefined}>
        <legend>{t('sheetRoles')}</legend>
        <button type="button" className="qr-all" aria-pressed={roles.size === ROLES.length} onClick={() => onRoles(new Set(ROLES.map((r) => r.id)))}>
          {t('sheetAllRoles')}
        </button>
        {ROLES.map((r) => (
          <label key={r.id} className="qr-choice">
            <input type="checkbox" checked={roles.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
            <span className="qr-swatch" style={{ background: r.color }} aria-hidden="true" />
            <span>{roleLabel(r.id, lang)}</span>
          </label>
        ))}
        {none && (
          <p id="sheet-roles-error" className="error" role="alert">
            {t('sheetNoRoles')}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('passcodeSection')}</legend>
        <label className="qr-choice">
          <input type="checkbox" checked={props.showPasscode} onChange={(e) => props.onShowPasscode(e.target.checked)} />
          <span>{t('sheetPasscodeShow')}</span>
        </label>
        {props.showPasscode && (
          <>
            <label htmlFor="sheet-passcode-text" className="qr-field-label">
              {t('sheetPasscodeText')}
            </label>
            <input
              id="sheet-passcode-text"
              type="text"
              autoComplete="off"
              maxLength={MAX_PASSCODE_TEXT}
              value={props.passcodeText}
              placeholder={t('sheetAskFacilitator')}
              aria-describedby="sheet-passcode-hint"
              onChange={(e) => props.onPasscodeText(e.target.value)}
            />
            <p id="sheet-passcode-hint" className="muted">
              {t('sheetPasscodeHint')}
            </p>
          </>
        )}
      </fieldset>
      <div className="qr-print-row">
        <button type="button" className="primary qr-print" disabled={none} onClick={() => window.print()}>
          {t('sheetPrint')}
        </button>
        <span className="muted" role="status">
          {t.plural('sheetCount', props.count)}
        </span>
      </div>
    </div>
  );
}
