import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT';
import { navigate } from '../router';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import './access.css';
import type { BoardAccess } from './useBoardAccess';

function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return ref;
}

/** Seconds left of a wait, counting down. */
function useCountdown(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const rest = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(rest);
      if (rest === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [seconds]);
  return left;
}

function PasscodeDialog({ access }: { access: BoardAccess }) {
  const t = useT();
  const ref = useModal();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const state = access.state;
  const reason = state.phase === 'denied' ? state.reason : null;
  const wait = useCountdown(state.phase === 'denied' ? state.retryAfter : undefined);
  const message =
    reason === 'passcode-wrong'
      ? t('passcodeWrong')
      : reason === 'too-many-attempts'
        ? wait > 0
          ? t.plural('passcodeTooMany', wait)
          : t('passcodeTryAgain')
        : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!value || busy) return;
    setBusy(true);
    await access.submitPasscode(value);
    setBusy(false);
  };

  return (
    <dialog ref={ref} className="access-dialog passcode-dialog" aria-labelledby="passcode-title" onCancel={(e) => e.preventDefault()}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="dialog-head">
          <h2 id="passcode-title">{t('passcodeTitle')}</h2>
          <LanguageSwitch />
        </div>
        <p className="muted">{t('passcodeIntro')}</p>
        <label htmlFor="passcode-input">{t('passcodeLabel')}</label>
        <input
          id="passcode-input"
          type="password"
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={reason === 'passcode-wrong'}
          aria-describedby={message ? 'passcode-error' : undefined}
        />
        {message && (
          <p id="passcode-error" className="error" role="alert">
            {message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || !value || wait > 0}>
            {t('passcodeSubmit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function BlockedDialog({ reason }: { reason: 'link-rotated' | 'link-invalid' | 'link-required' | 'board-unknown' | 'other' }) {
  const t = useT();
  const ref = useModal();
  const title = reason === 'link-rotated' ? t('linkRotatedTitle') : reason === 'board-unknown' ? t('boardUnknownTitle') : t('linkInvalidTitle');
  const text =
    reason === 'link-rotated' ? t('linkRotated') : reason === 'link-required' ? t('linkRequired') : reason === 'board-unknown' ? t('boardUnknown') : t('linkInvalid');
  return (
    <dialog ref={ref} className="access-dialog blocked-dialog" aria-labelledby="blocked-title" aria-describedby="blocked-text" onCancel={(e) => e.preventDefault()}>
      <div className="dialog-head">
        <h2 id="blocked-title">{title}</h2>
        <LanguageSwitch />
      </div>
      <p id="blocked-text" data-reason={reason}>
        {text}
      </p>
      {reason !== 'board-unknown' && <p className="muted">{t('getBackIn')}</p>}
      <div className="dialog-actions">
        <a
          href="/"
          className="button-link"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('toStart')}
        </a>
      </div>
    </dialog>
  );
}

/** Shown instead of the board while access is refused: a passcode prompt, or why the link does not work. */
export function AccessGate({ access }: { access: BoardAccess }) {
  const s = access.state;
  if (s.phase !== 'denied') return null;
  if (s.reason === 'passcode-required' || s.reason === 'passcode-wrong' || s.reason === 'too-many-attempts') {
    return <PasscodeDialog access={access} />;
  }
  if (s.reason === 'link-rotated' || s.reason === 'link-invalid' || s.reason === 'link-required' || s.reason === 'board-unknown') return <BlockedDialog reason={s.reason} />;
  return <BlockedDialog reason="other" />;
}
