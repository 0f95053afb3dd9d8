import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { SnapshotMeta } from './api';
import { EXPORT_CHOICES, type ExportChoice } from './useExport';

interface Props {
  snapshots: SnapshotMeta[] | null;
  thumbs: Record<string, string>;
  nameOf(s: SnapshotMeta): string;
  busy: boolean;
  canEdit: boolean;
  onView(s: SnapshotMeta): void;
  onCompare(s: SnapshotMeta): void;
  onRestore(s: SnapshotMeta): void;
  onExport(s: SnapshotMeta, format: ExportChoice): void;
}

/** The snapshots, newest first, each with its thumbnail and what can be done with it. */
export function SnapshotList({ snapshots, thumbs, nameOf, busy, canEdit, onView, onCompare, onRestore, onExport }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  return (
    <ul className="snapshot-list">
      {snapshots?.map((s) => (
        <li key={s.id} className="snapshot" data-snapshot-name={nameOf(s)}>
          {thumbs[s.id] ? <img src={thumbs[s.id]} alt="" width="120" height="72" /> : <span className="thumb-placeholder" aria-hidden="true" />}
          <div className="snapshot-text">
            <strong>{nameOf(s)}</strong>
            <span className="muted">
              {new Date(s.takenAt).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB')} · {s.takenBy && <>{t('takenBy', { name: s.takenBy })} · </>}
              {t(`kind_${s.kind}` as StringKey)}
            </span>
            <div className="snapshot-actions">
              <button type="button" disabled={busy} onClick={() => onView(s)}>
                {t('viewSnapshot')}
              </button>
              <button type="button" disabled={busy} onClick={() => onCompare(s)}>
                {t('compare')}
              </button>
              {canEdit && (
                <button type="button" disabled={busy} onClick={() => onRestore(s)}>
                  {t('restore')}
                </button>
              )}
              <label className="visually-hidden" htmlFor={`export-${s.id}`}>
                {t('exportSnapshot')} {nameOf(s)}
              </label>
              <select
                id={`export-${s.id}`}
                value=""
                disabled={busy}
                onChange={(e) => {
                  if (e.target.value) onExport(s, e.target.value as ExportChoice);
                }}
              >
                <option value="">{t('exportSnapshot')}…</option>
                {EXPORT_CHOICES.map((f) => (
                  <option key={f} value={f}>
                    {t(`export_${f}` as StringKey)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
