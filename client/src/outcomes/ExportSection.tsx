import type * as Y from 'yjs';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { BOARD_CHOICES, choiceLabel, MINUTES_CHOICES, type ExportAs } from './useExport';
import { useSelectedFrame } from './useSelectedFrame';

interface Props {
  doc: Y.Doc;
  busy: boolean;
  exportAs: ExportAs;
  onPrint(): void;
}

/**
 * Exports of the live board: the minutes and the action plan's files (issue 16),
 * the board's content in every format, print, and the selected frame as an image.
 */
export function ExportSection({ doc, busy, exportAs, onPrint }: Props) {
  const t = useT();
  const selectedFrame = useSelectedFrame(doc);
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">
        {t('exportTitle')}: {t('exportBoard')}
      </h3>
      <div role="group" aria-labelledby="export-minutes-title" aria-describedby="export-minutes-intro">
        <h4 id="export-minutes-title">{t('exportMinutesTitle')}</h4>
        <p id="export-minutes-intro">
          {t('exportMinutesIntro')}
        </p>
        <div className="export-buttons">
          {MINUTES_CHOICES.map((f) => (
            <button key={f} type="button" disabled={busy} onClick={() => void exportAs(null, f)}>
              {t(choiceLabel(f))}
            </button>
          ))}
        </div>
      </div>
      <div role="group" aria-labelledby="export-board-title">
        <h4 id="export-board-title">{t('exportBoardFiles')}</h4>
        <div className="export-buttons">
          {BOARD_CHOICES.map((f) => (
            <button key={f} type="button" disabled={busy} onClick={() => void exportAs(null, f)}>
              {t(choiceLabel(f))}
            </button>
          ))}
          <button type="button" onClick={onPrint}>
            {t('print')}
          </button>
        </div>
      </div>
      {selectedFrame && (
        <div className="export-buttons frame-export">
          <span>{t('exportFrame', { name: selectedFrame.name || t('kind_frame' as StringKey) })}</span>
          {(['svg', 'png'] as const).map((f) => (
            <button key={f} type="button" disabled={busy} onClick={() => void exportAs(null, f, selectedFrame.id)}>
              {t(`export_${f}` as StringKey)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
