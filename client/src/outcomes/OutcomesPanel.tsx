import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { BoardDiff } from '../../../shared/model/diff';
import { useT } from '../i18n/useT';
import { DeleteSection } from './DeleteSection';
import { ExportSection } from './ExportSection';
import { SnapshotsSection } from './SnapshotsSection';
import { StorySection } from './StorySection';
import { useExport } from './useExport';
import { usePanelStatus } from './usePanelStatus';
import { useSnapshotName } from './useSnapshotName';

interface Props {
  boardId: string;
  doc: Y.Doc;
  title: string;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  personName: string;
  onClose(): void;
  onShowItem(id: string): void;
  /** After deleting: `purgeAt` when the board went to the trash, null when it was erased at once. */
  onDeleted(purgeAt: number | null): void;
  onPrint(): void;
  onHighlight(name: string, diff: BoardDiff): void;
}

/**
 * Snapshots, compare, restore, exports and deletion of one board, in one dialog. The sections
 * share one busy flag and one status line (usePanelStatus): one request at a time.
 */
export function OutcomesPanel({ boardId, doc, title, params, canEdit, personName, onClose, onShowItem, onDeleted, onPrint, onHighlight }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const status = usePanelStatus();
  const nameOf = useSnapshotName();
  const exportAs = useExport(boardId, title, params, status, nameOf);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="outcomes-dialog" aria-labelledby="outcomes-title" onCancel={onClose} onClose={onClose}>
      <div className="dialog-head">
        <h2 id="outcomes-title">{t('outcomesTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {status.message && (
        <p className="outcomes-message" role="status">
          {status.message}
        </p>
      )}
      <SnapshotsSection
        boardId={boardId}
        doc={doc}
        params={params}
        canEdit={canEdit}
        personName={personName}
        status={status}
        exportAs={exportAs}
        onShowItem={onShowItem}
        onHighlight={onHighlight}
      />
      <ExportSection doc={doc} busy={status.busy} exportAs={exportAs} onPrint={onPrint} />
      <StorySection boardId={boardId} params={params} canEdit={canEdit} status={status} />
      {canEdit && <DeleteSection boardId={boardId} title={title} params={params} status={status} onDeleted={onDeleted} />}
    </dialog>
  );
}
