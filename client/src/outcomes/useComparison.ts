import { useState } from 'react';
import type * as Y from 'yjs';
import { docFromExport } from '../../../shared/export/json';
import { diffBoards, type BoardDiff } from '../../../shared/model/diff';
import { useUi } from '../state/ui';
import { fetchExport, type SnapshotMeta } from './api';
import type { PanelStatus } from './usePanelStatus';

export interface Comparison {
  name: string;
  diff: BoardDiff;
}

/** Compares a snapshot with the live board: the snapshot's JSON export, read into a document of its own. */
export function useComparison(boardId: string, doc: Y.Doc, params: Record<string, string> | undefined, status: PanelStatus, nameOf: (s: SnapshotMeta) => string) {
  const lang = useUi((s) => s.lang);
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const compare = (s: SnapshotMeta) =>
    status.run(async () => {
      const blob = await fetchExport(boardId, s.id, 'json', lang, params);
      const snapDoc = docFromExport(JSON.parse(await blob.text()));
      setComparison({ name: nameOf(s), diff: diffBoards(snapDoc, doc) });
      snapDoc.destroy();
    });

  return { comparison, compare, clear: () => setComparison(null) };
}
