import { useEffect, useRef, useState } from 'react';
import { formatDay } from '../i18n/formatDay';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { ApiError } from '../http/errors';
import { recoverBoard, trashState } from './api';
import './outcomes.css';

/** How often an open trash notice asks whether the board was recovered elsewhere. */
const RECHECK_MS = 10_000;

/**
 * Shown over the board when it was moved to the trash (close 4201): until
 * when it is kept, and for an editor a button that brings it back for
 * everyone, exactly as it was. The others reconnect when they reload or press
 * it themselves; nobody is left looking at a board that silently stopped.
 */
export function TrashNotice({ boardId, conn, params, canEdit }: { boardId: string; conn: BoardConnection; params: Record<string, string> | undefined; canEdit: boolean }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [purgeAt, setPurgeAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    const check = () =>
      trashState(boardId, params).then(
        (s) => {
          if (!live) return;
          // Someone recovered it meanwhile (here or on another screen): just connect again.
          if (!s.trashed) conn.resume();
          else setPurgeAt(s.purgeAt ?? null);
        },
        (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
      );
    void check();
    // While the notice is up, look again now and then: nobody has to reload to see a recovery.
    const timer = setInterval(() => void check(), RECHECK_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [boardId, params, conn]);

  useEffect(() => button.current?.focus(), [purgeAt]);

  const recover = async () => {
    setBusy(true);
    setError(null);
    try {
      await recoverBoard(boardId, params);
      conn.resume();
    } catch (err) {
      // 409: someone else recovered it first — fine, connect.
      if (err instanceof ApiError && err.status === 409) conn.resume();
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const date = purgeAt === null ? '…' : formatDay(purgeAt, lang);
  return (
    <div className="trash-backdrop">
      <section className="trash-notice" role="alert" aria-labelledby="trash-title">
        <h2 id="trash-title">{t('trashTitle')}</h2>
        <p>{t(canEdit ? 'trashEditor' : 'trashObserver', { date })}</p>
        {canEdit && (
          <button ref={button} type="button" className="primary" disabled={busy} onClick={() => void recover()}>
            {t('trashRecover')}
          </button>
        )}
        {error && <p className="error">{t('failed', { reason: error })}</p>}
      </section>
    </div>
  );
}
