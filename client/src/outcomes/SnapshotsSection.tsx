import type * as Y from 'yjs';
import type { BoardDiff } from '../../../shared/model/diff';
import { useT } from '../i18n/useT';
import { DiffView } from './DiffView';
import { SnapshotList } from './SnapshotList';
import { SnapshotView } from './SnapshotView';
import { TakeSnapshotForm } from './TakeSnapshotForm';
import { useComparison } from './useComparison';
import type { ExportAs } from './useExport';
import type { PanelStatus } from './usePanelStatus';
import { useRestore } from './useRestore';
import { useSnapshotName } from './useSnapshotName';
import { useSnapshots } from './useSnapshots';
import { useSnapshotViewer } from './useSnapshotViewer';
import { useThumbnails } from './useThumbnails';

interface Props {
  boardId: string;
  doc: Y.Doc;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  personName: string;
  status: PanelStatus;
  exportAs: ExportAs;
  onShowItem(id: string): void;
  onHighlight(name: string, diff: BoardDiff): void;
}

/** The snapshots section: take one, list them, view, compare, restore and export one. */
export function SnapshotsSection({ boardId, doc, params, canEdit, personName, status, exportAs, onShowItem, onHighlight }: Props) {
  const t = useT();
  const nameOf = useSnapshotName();
  const { snapshots, refresh } = useSnapshots(boardId, params, status.fail);
  const thumbs = useThumbnails(boardId, params, snapshots);
  const viewer = useSnapshotViewer(boardId, params, status, nameOf);
  const { comparison, compare, clear } = useComparison(boardId, doc, params, status, nameOf);
  const restore = useRestore(boardId, params, personName, status, nameOf, async () => {
    clear();
    await refresh();
  });

  return (
    <section aria-labelledby="snapshots-title">
      <h3 id="snapshots-title">{t('snapshots')}</h3>
      {canEdit && <TakeSnapshotForm boardId={boardId} params={params} personName={personName} status={status} onTaken={refresh} />}
      {snapshots?.length === 0 && <p className="muted">{t('noSnapshots')}</p>}
      <SnapshotList
        snapshots={snapshots}
        thumbs={thumbs}
        nameOf={nameOf}
        busy={status.busy}
        canEdit={canEdit}
        onView={(s) => void viewer.view(s)}
        onCompare={(s) => void compare(s)}
        onRestore={(s) => void restore(s)}
        onExport={(s, format) => void exportAs(s, format)}
      />
      {viewer.viewing && <SnapshotView viewing={viewer.viewing} onClose={viewer.close} />}
      {comparison && <DiffView comparison={comparison} onShowItem={onShowItem} onHighlight={onHighlight} />}
    </section>
  );
}
