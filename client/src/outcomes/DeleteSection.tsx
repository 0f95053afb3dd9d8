import { useState } from 'react';
import { formatDay } from '../i18n/formatDay';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { deleteBoard } from './api';
import type { PanelStatus } from './usePanelStatus';
import { useTrashDays } from './useTrashDays';

interface Props {
  boardId: string;
  title: string;
  params: Record<string, string> | undefined;
  status: PanelStatus;
  /** `purgeAt` when the board went to the trash, null when it was erased at once. */
  onDeleted(purgeAt: number | null): void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deleting the board (editors only): typing its title (or the delete word) confirms. */
export function DeleteSection({ boardId, title, params, status, onDeleted }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const trashDays = useTrashDays(boardId, params);
  const [confirmText, setConfirmText] = useState('');
  const confirmWord = title.trim() || t('deleteWord');

  const remove = async () => {
    status.setBusy(true);
    try {
      const result = await deleteBoard(boardId, params);
      // Stays busy: the page leaves the board.
      onDeleted('purgeAt' in result ? result.purgeAt : null);
    } catch (err) {
      status.fail(err);
      status.setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-title" className="danger-zone">
      <h3 id="delete-title">{t('deleteBoard')}</h3>
      <p>
        {trashDays
          ? t(title.trim() ? 'deleteExplainTrash' : 'deleteExplainTrashUntitled', { date: formatDay(Date.now() + trashDays * DAY_MS, lang) })
          : title.trim()
            ? t('deleteExplain')
            : t('deleteExplainUntitled')}
      </p>
      <p className="confirm-word">
        <strong>{confirmWord}</strong>
      </p>
      <div className="row">
        <label className="visually-hidden" htmlFor="delete-confirm">
          {t('deleteConfirmLabel')}
        </label>
        <input id="delete-confirm" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" />
        <button type="button" className="danger" disabled={status.busy || confirmText.trim() !== confirmWord} onClick={() => void remove()}>
          {trashDays ? t('deleteToTrash') : t('deleteForever')}
        </button>
      </div>
    </section>
  );
}
