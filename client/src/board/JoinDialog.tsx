import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, type RoleId } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { startNewPerson, type Identity } from '../state/identity';
import { useUi } from '../state/ui';
import { LanguageSwitch } from '../ui/LanguageSwitch';

// Styled here (not in styles.css, which another part of the canvas owns): a gap between the buttons, a framed question.
const ACTIONS = { gap: 8, flexWrap: 'wrap' } as const;
const CONFIRM = { marginTop: 14, padding: 12, border: '2px solid #e0a65b', borderRadius: 10, background: '#fffaf1' } as const;

/** Asks for a display name and an actor role; every role has the same rights. */
export function JoinDialog({
  initial,
  onJoin,
  onCancel,
}: {
  initial: Partial<Identity>;
  onJoin: (identity: Identity) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [name, setName] = useState(initial.name ?? '');
  const [role, setRole] = useState<RoleId>(initial.role ?? 'citizen');
  const [roleText, setRoleText] = useState(initial.roleText ?? '');
  const [error, setError] = useState<string | null>(null);
  // "New person on this device" asks first: it cannot be undone on this device.
  const [confirmNew, setConfirmNew] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmNew) confirmButton.current?.focus();
  }, [confirmNew]);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('nameRequired'));
      return;
    }
    const text = roleText.trim().slice(0, 60);
    onJoin({ name: trimmed.slice(0, 80), role, ...(role === 'other' && text ? { roleText: text } : {}) });
  };

  return (
    <dialog ref={dialog} className="join-dialog" aria-labelledby="join-title" onCancel={(e) => (onCancel ? onCancel() : e.preventDefault())}>
      <form onSubmit={submit} noValidate>
        <div className="dialog-head">
          <h2 id="join-title">{t('joinTitle')}</h2>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('joinIntro')}</p>
        <label htmlFor="join-name">{t('yourName')}</label>
        <input
          id="join-name"
          value={name}
          maxLength={80}
          autoComplete="nickname"
          autoFocus
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? 'join-error' : undefined}
        />
        {error && (
          <p id="join-error" className="error" role="alert">
            {error}
          </p>
        )}
        <fieldset className="role-picker">
          <legend>{t('yourRole')}</legend>
          {ROLES.map((r) => (
            <label key={r.id} className="role-option" style={{ ['--role-color' as string]: r.color }}>
              <input type="radio" name="role" value={r.id} checked={role === r.id} onChange={() => setRole(r.id)} />
              <span>{r[lang]}</span>
            </label>
          ))}
        </fieldset>
        {role === 'other' && (
          <>
            <label htmlFor="join-role-text">{t('otherRole')}</label>
            <input id="join-role-text" value={roleText} maxLength={60} onChange={(e) => setRoleText(e.target.value)} />
          </>
        )}
        <div className="dialog-actions" style={ACTIONS}>
          {/* Only for someone already on this device (changing name or role): a shared tablet or laptop. */}
          {onCancel && !confirmNew && (
            <button type="button" className="secondary" onClick={() => setConfirmNew(true)}>
              {t('newPerson')}
            </button>
          )}
          <button type="submit" className="primary">
            {t('join')}
          </button>
        </div>
        {confirmNew && (
          <div className="new-person-confirm" role="group" aria-labelledby="new-person-question" style={CONFIRM}>
            <p id="new-person-question" style={{ margin: 0 }}>
              {t('newPersonQuestion')}
            </p>
            <div className="dialog-actions" style={ACTIONS}>
              <button type="button" className="secondary" onClick={() => setConfirmNew(false)}>
                {t('newPersonCancel')}
              </button>
              <button ref={confirmButton} type="button" className="primary" onClick={startNewPerson}>
                {t('newPersonConfirm')}
              </button>
            </div>
          </div>
        )}
      </form>
    </dialog>
  );
}
