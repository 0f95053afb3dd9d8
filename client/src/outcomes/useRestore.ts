import { useT } from '../i18n/useT';
import { restoreSnapshot, type SnapshotMeta } from './api';
import type { PanelStatus } from './usePanelStatus';

/** Restores a snapshot after the person confirms; the server keeps the state before it as a snapshot. */
export function useRestore(
  boardId: string,
  params: Record<string, string> | undefined,
  personName: string,
  status: PanelStatus,
  nameOf: (s: SnapshotMeta) => string,
  onRestored: () => Promise<void>,
) {
  const t = useT();
  return async (s: SnapshotMeta) => {
    if (!window.confirm(t('restoreConfirm', { name: nameOf(s) }))) return;
    await status.run(async () => {
      const r = await restoreSnapshot(boardId, s.id, personName, params);
      status.setMessage(t('restored', { name: nameOf(r.before) }));
      await onRestored();
    });
  };
}
