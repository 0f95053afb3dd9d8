import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, type RoleId } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import { LanguageSwitch } from '../ui/LanguageSwitch';

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
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('join')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
