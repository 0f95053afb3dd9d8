import { useUi } from '../state/ui';
import { fetchExport, type ExportFormat, type SnapshotMeta } from './api';
import { download, svgToPng } from './files';
import type { PanelStatus } from './usePanelStatus';

/** The server's formats, and PNG, which the browser draws from the SVG. */
export type ExportChoice = ExportFormat | 'png';
export const EXPORT_CHOICES: ExportChoice[] = ['md', 'json', 'csv', 'svg', 'png'];

/** Downloads the live board (snapshot null), a snapshot or one frame of the live board as a file. */
export function useExport(boardId: string, title: string, params: Record<string, string> | undefined, status: PanelStatus, nameOf: (s: SnapshotMeta) => string) {
  const lang = useUi((s) => s.lang);
  return (snapshot: SnapshotMeta | null, format: ExportChoice, frameId?: string) =>
    status.run(async () => {
      const stem = (title || 'samskab').replace(/[^\p{L}\p{N} -]/gu, '').trim().replace(/\s+/g, '-') || 'samskab';
      // The file is named like the list shows the snapshot (an automatic one in the person's language).
      const name = snapshot ? `${stem}-${nameOf(snapshot).replace(/[^\p{L}\p{N} -]/gu, '').replace(/\s+/g, '-')}` : stem;
      if (format === 'png') {
        const svg = await fetchExport(boardId, snapshot?.id ?? null, 'svg', lang, params, frameId);
        download(await svgToPng(svg), `${name}.png`);
      } else {
        download(await fetchExport(boardId, snapshot?.id ?? null, format, lang, params, frameId), `${name}.${format}`);
      }
    });
}

export type ExportAs = ReturnType<typeof useExport>;
