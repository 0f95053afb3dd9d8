import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { fetchExport, type FileFormat, type SnapshotMeta } from './api';
import { download, showInTab, svgToPng } from './files';
import type { PanelStatus } from './usePanelStatus';

/** The server's files, and PNG, which the browser draws from the SVG. */
export type ExportChoice = FileFormat | 'png';
/** What a snapshot can be exported as (its list offers these). */
export const EXPORT_CHOICES: ExportChoice[] = ['md', 'docx', 'json', 'csv', 'actions.csv', 'ics', 'svg', 'png'];
/** The minutes and the action plan's files (issue 16); 'html' is the print view, shown in a new tab. */
export const MINUTES_CHOICES: ExportChoice[] = ['md', 'docx', 'html', 'actions.csv', 'ics'];
/** The board's content as data and images. */
export const BOARD_CHOICES: ExportChoice[] = ['json', 'csv', 'svg', 'png'];

/** The UI text naming a choice (export_md … 'export_actions.csv'). */
export const choiceLabel = (f: ExportChoice): StringKey => `export_${f}` as StringKey;

/** Downloads the live board (snapshot null), a snapshot or one frame of the live board as a file; the print view opens in a new tab. */
export function useExport(boardId: string, title: string, params: Record<string, string> | undefined, status: PanelStatus, nameOf: (s: SnapshotMeta) => string) {
  const lang = useUi((s) => s.lang);
  const t = useT();
  return (snapshot: SnapshotMeta | null, format: ExportChoice, frameId?: string) => {
    // Opened now, in the click: a tab opened after the request would be stopped as a popup.
    const tab = format === 'html' ? window.open('', '_blank') : null;
    return status.run(async () => {
      const stem = (title || 'samskab').replace(/[^\p{L}\p{N} -]/gu, '').trim().replace(/\s+/g, '-') || 'samskab';
      // The file is named like the list shows the snapshot (an automatic one in the person's language).
      const name = snapshot ? `${stem}-${nameOf(snapshot).replace(/[^\p{L}\p{N} -]/gu, '').replace(/\s+/g, '-')}` : stem;
      try {
        if (format === 'png') {
          const svg = await fetchExport(boardId, snapshot?.id ?? null, 'svg', lang, params, frameId);
          download(await svgToPng(svg), `${name}.png`);
        } else if (format === 'html') {
          const page = await fetchExport(boardId, snapshot?.id ?? null, 'html', lang, params);
          if (!showInTab(tab, page)) {
            download(page, `${name}.html`);
            status.setMessage(t('exportPrintBlocked'));
          }
        } else {
          const file = format === 'actions.csv' ? `${name}-actions.csv` : `${name}.${format}`;
          download(await fetchExport(boardId, snapshot?.id ?? null, format, lang, params, frameId), file);
        }
      } catch (err) {
        tab?.close();
        throw err;
      }
    });
  };
}

export type ExportAs = ReturnType<typeof useExport>;
