import { useEffect, useState } from 'react';
import { useUi } from '../state/ui';
import { fetchExport, type SnapshotMeta } from './api';
import type { PanelStatus } from './usePanelStatus';

export interface Viewing {
  name: string;
  url: string;
}

/** A snapshot opened read-only: its image, drawn by the server from the stored state. */
export function useSnapshotViewer(boardId: string, params: Record<string, string> | undefined, status: PanelStatus, nameOf: (s: SnapshotMeta) => string) {
  const lang = useUi((s) => s.lang);
  const [viewing, setViewing] = useState<Viewing | null>(null);

  useEffect(() => () => {
    if (viewing) URL.revokeObjectURL(viewing.url);
  }, [viewing]);

  const view = (s: SnapshotMeta) =>
    status.run(async () => {
      const blob = await fetchExport(boardId, s.id, 'svg', lang, params);
      setViewing({ name: nameOf(s), url: URL.createObjectURL(blob) });
    });

  return { viewing, view, close: () => setViewing(null) };
}
