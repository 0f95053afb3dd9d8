import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT';
import type { StringKey } from '../i18n/strings';
import './access.css';
import type { AccessInfo } from './api';
import type { BoardAccess } from './useBoardAccess';
import { ViewOnlyBadge } from './ViewOnly';

// The QR library loads with the open share panel only, not with every board.
const ShareQrCodes = lazy(() => import('./ShareQrCodes'));

function CopyField({ id, label, hint, value }: { id: string; label: string; hint: string; value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (e.g. plain http): select the text so Ctrl+C works.
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2500);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} ref={input} readOnly value={value} aria-describedby={`${id}-hint`} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()} aria-label={`${t('copy')}: ${label}`}>
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted">
        {hint}
      </p>
    </>
  );
}

function SharePanel({ access, info, onClose }: { access: BoardAccess; info: AccessInfo; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [passcode, setPasscode] = useState('');
  const [note, setNote] = useState<{ ok: boolean; key: StringKey } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const run = async (fn: () => Promise<StringKey | null>, okKey: StringKey) => {
    setBusy(true);
    const failed = await fn();
    setBusy(false);
    setNote(failed ? { ok: false, key: failed } : { ok: true, key: okKey });
  };

  const savePasscode = (e: FormEvent) => {
    e.preventDefault();
    if ([...passcode].length < 4) {
      setNote({ ok: false, key: 'passcodeTooShort' });
      return;
    }
    void run(async () => ((await access.setPasscode(passcode)) ? 'accessFailed' : null), 'passcodeSaved').then(() => setPasscode(''));
  };

  const abs = (link: string) => `${location.origin}${link}`;

  return (
    <dialog ref={dialog} className="access-dialog share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <div className="dialog-head">
        <h2 id="share-title">{t('shareTitle')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('shareClose')}
        </button>
      </div>
      <p className="muted">{t('shareIntro')}</p>
      {info.open || !info.links ? (
        <>
          <p className="notice">{t('openBoardExplain')}</p>
          <button type="button" className="primary" disabled={busy} onClick={() => void run(async () => ((await access.rotate()) ? null : 'accessFailed'), 'linksCreated')}>
            {t('createLinks')}
          </button>
        </>
      ) : (
        <>
          <CopyField id="editor-link" label={t('editorLink')} hint={t('editorLinkHint')} value={abs(info.links.editor)} />
          <CopyField id="observer-link" label={t('observerLink')} hint={t('observerLinkHint')} value={abs(info.links.observer)} />
          <Suspense fallback={null}>
            <ShareQrCodes info={info} links={info.links} />
          </Suspense>

          <h3>{t('passcodeSection')}</h3>
          <p data-passcode={info.passcode ? 'on' : 'off'}>{info.passcode ? t('passcodeOn') : t('passcodeOff')}</p>
          <form onSubmit={savePasscode}>
            <label htmlFor="new-passcode">{t('newPasscode')}</label>
            <div className="row">
              <input id="new-passcode" type="password" autoComplete="new-password" value={passcode} maxLength={128} onChange={(e) => setPasscode(e.target.value)} />
              <button type="submit" disabled={busy}>
                {t('setPasscode')}
              </button>
            </div>
          </form>
          {info.passcode && (
            <button type="button" className="remove-passcode" disabled={busy} onClick={() => void run(async () => ((await access.setPasscode(null)) ? 'accessFailed' : null), 'passcodeRemoved')}>
              {t('removePasscode')}
            </button>
          )}
          <label className="checkbox">
            <input type="checkbox" checked={info.observerCursors} onChange={(e) => void access.setObserverCursors(e.target.checked)} />
            <span>{t('observerCursorsLabel')}</span>
          </label>

          <h3>{t('rotateSection')}</h3>
          <p className="muted">{t('rotateExplain')}</p>
          {confirmRotate ? (
            <div className="row">
              <button
                type="button"
                className="danger rotate-confirm"
                disabled={busy}
                onClick={() => {
                  setConfirmRotate(false);
                  void run(async () => ((await access.rotate()) ? null : 'accessFailed'), 'linksRotated');
                }}
              >
                {t('rotateConfirm')}
              </button>
              <button type="button" onClick={() => setConfirmRotate(false)}>
                {t('shareCancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="rotate-button" disabled={busy} onClick={() => setConfirmRotate(true)}>
              {t('rotateButton')}
            </button>
          )}
        </>
      )}
      <p role="status" aria-live="polite" className={note?.ok ? 'ok' : 'error'}>
        {note ? t(note.key) : ''}
      </p>
    </dialog>
  );
}

/** Topbar: the share button for editors, the "view only" badge for observers. */
export function AccessControls({ access }: { access: BoardAccess }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const s = access.state;
  if (s.phase !== 'ok') return null;
  if (s.info.mode === 'observer') return <ViewOnlyBadge />;
  return (
    <>
      <button type="button" className="share-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('share')}
      </button>
      {open && <SharePanel access={access} info={s.info} onClose={() => setOpen(false)} />}
    </>
  );
}
