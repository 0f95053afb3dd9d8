import type * as Y from 'yjs';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { EXPORT_CHOICES, type ExportAs } from './useExport';
import { useSelectedFrame } from './useSelectedFrame';

interface Props {
  doc: Y.Doc;
  busy: boolean;
  exportAs: ExportAs;
  onPrint(): void;
}

/** Exports of the live board in every format, print, and the selected frame as an image. */
export function ExportSection({ doc, busy, exportAs, onPrint }: Props) {
  const t = useT();
  const selectedFrame = useSelectedFrame(doc);
  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">
        {t('exportTitle')}: {t('exportBoard')}
      </h3>
      <div className="export-buttons">
        {EXPORT_CHOICES.map((f) => (
          <button key={f} type="button" disabled={busy} onClick={() => void exportAs(null, f)}>
            {t(`export_${f}` as StringKey)}
          </button>
        ))}
        <button type="button" onClick={onPrint}>
          {t('print')}
        </button>
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
