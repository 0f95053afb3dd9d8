import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/useT';
import { takeSnapshot } from './api';
import type { PanelStatus } from './usePanelStatus';

interface Props {
  boardId: string;
  params: Record<string, string> | undefined;
  personName: string;
  status: PanelStatus;
  /** Lists the snapshots again once the new one is stored. */
  onTaken(): Promise<void>;
}

/** Names and takes a snapshot of the board as it is now (editors only). */
export function TakeSnapshotForm({ boardId, params, personName, status, onTaken }: Props) {
  const t = useT();
  const [name, setName] = useState('');

  const take = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    await status.run(async () => {
      await takeSnapshot(boardId, name.trim(), personName, params);
      setName('');
      status.setMessage(t('snapshotTaken'));
      await onTaken();
    });
  };

  return (
    <form className="row" onSubmit={take}>
      <label className="visually-hidden" htmlFor="snapshot-name">
        {t('snapshotName')}
      </label>
      <input
        id="snapshot-name"
        value={name}
        maxLength={120}
        placeholder={t('snapshotNamePlaceholder')}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={status.busy || !name.trim()}>
        {t('takeSnapshot')}
      </button>
    </form>
  );
}
