import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { docFromExport } from '../../../shared/export/json';
import { getItem } from '../../../shared/model/board';
import { diffBoards, diffIsEmpty, type BoardDiff } from '../../../shared/model/diff';
import { readPlainText } from '../../../shared/model/richtext';
import { isDamaged } from '../../../shared/model/validate';
import type { StringKey } from '../i18n/strings';
import { formatDay } from '../i18n/formatDay';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import {
  deleteBoard,
  download,
  fetchExport,
  listSnapshots,
  restoreSnapshot,
  svgToPng,
  takeSnapshot,
  trashState,
  type ExportFormat,
  type SnapshotMeta,
} from './api';

const FORMATS: Array<ExportFormat | 'png'> = ['md', 'json', 'csv', 'svg', 'png'];

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

/** Snapshots, compare, restore, exports and deletion of one board, in one dialog. */
export function OutcomesPanel({ boardId, doc, title, params, canEdit, personName, onClose, onShowItem, onDeleted, onPrint, onHighlight }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  const [snapshots, setSnapshots] = useState<SnapshotMeta[] | null>(null);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [diff, setDiff] = useState<{ name: string; diff: BoardDiff } | null>(null);
  const [confirmText, setConfirmText] = useState('');
  const [viewing, setViewing] = useState<{ name: string; url: string } | null>(null);
  const selectedFrame = useSelectedFrame(doc);

  useEffect(() => () => {
    if (viewing) URL.revokeObjectURL(viewing.url);
  }, [viewing]);

  /** A snapshot opened read-only: its image, drawn by the server from the stored state. */
  const view = async (s: SnapshotMeta) => {
    setBusy(true);
    try {
      const blob = await fetchExport(boardId, s.id, 'svg', lang, params);
      setViewing({ name: displayName(s), url: URL.createObjectURL(blob) });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Automatic snapshots are named by the server in English; show them in the person's language
  // (with the language's own quotes around a restored snapshot's name: »…« in Danish).
  const displayName = (s: SnapshotMeta) => {
    if (s.kind === 'manual') return s.name;
    const restoredName = /“(.*)”/.exec(s.name)?.[1];
    const quoted = (name: string) => (lang === 'da' ? `»${name}«` : `“${name}”`);
    return restoredName ? `${t(`kind_${s.kind}` as StringKey)}: ${quoted(restoredName)}` : t(`kind_${s.kind}` as StringKey);
  };

  const fail = useCallback((err: unknown) => setMessage(t('failed', { reason: (err as Error).message })), [t]);

  const refresh = useCallback(async () => {
    try {
      const list = await listSnapshots(boardId, params);
      setSnapshots(list);
    } catch (err) {
      fail(err);
    }
  }, [boardId, params, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // How long the server keeps a deleted board, so the delete section says what will happen.
  const [trashDays, setTrashDays] = useState<number | null>(null);
  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    trashState(boardId, params).then(
      (s) => live && setTrashDays(s.trashDays),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, params, canEdit]);

  // Thumbnails need the board's credentials, so they are fetched and shown as blob URLs.
  useEffect(() => {
    if (!snapshots) return;
    let cancelled = false;
    const urls: string[] = [];
    void (async () => {
      for (const s of snapshots.slice(0, 24)) {
        if (thumbs[s.id]) continue;
        try {
          const blob = await fetchExport(boardId, s.id, 'thumbnail', lang, params);
          if (cancelled) return;
          const url = URL.createObjectURL(blob);
          urls.push(url);
          setThumbs((prev) => ({ ...prev, [s.id]: url }));
        } catch {
          // A missing thumbnail is not worth an error message.
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshots]);

  const take = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await takeSnapshot(boardId, name.trim(), personName, params);
      setName('');
      setMessage(t('snapshotTaken'));
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const compare = async (s: SnapshotMeta) => {
    setBusy(true);
    try {
      const blob = await fetchExport(boardId, s.id, 'json', lang, params);
      const snapDoc = docFromExport(JSON.parse(await blob.text()));
      setDiff({ name: displayName(s), diff: diffBoards(snapDoc, doc) });
      snapDoc.destroy();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (s: SnapshotMeta) => {
    if (!window.confirm(t('restoreConfirm', { name: displayName(s) }))) return;
    setBusy(true);
    try {
      const r = await restoreSnapshot(boardId, s.id, personName, params);
      setMessage(t('restored', { name: displayName(r.before) }));
      setDiff(null);
      await refresh();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (snapshot: SnapshotMeta | null, format: ExportFormat | 'png', frameId?: string) => {
    setBusy(true);
    try {
      const stem = (title || 'samskab').replace(/[^\p{L}\p{N} -]/gu, '').trim().replace(/\s+/g, '-') || 'samskab';
      // The file is named like the list shows the snapshot (an automatic one in the person's language).
      const name = snapshot ? `${stem}-${displayName(snapshot).replace(/[^\p{L}\p{N} -]/gu, '').replace(/\s+/g, '-')}` : stem;
      if (format === 'png') {
        const svg = await fetchExport(boardId, snapshot?.id ?? null, 'svg', lang, params, frameId);
        download(await svgToPng(svg), `${name}.png`);
      } else {
        download(await fetchExport(boardId, snapshot?.id ?? null, format, lang, params, frameId), `${name}.${format}`);
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const confirmWord = title.trim() || t('deleteWord');
  const remove = async () => {
    setBusy(true);
    try {
      const result = await deleteBoard(boardId, params);
      onDeleted('purgeAt' in result ? result.purgeAt : null);
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const diffSection = (label: StringKey, items: BoardDiff['added'], showable: boolean) =>
    items.length === 0 ? null : (
      <div className="diff-group">
        <h4>
          {t(label)} ({items.length})
        </h4>
        <ul>
          {items.map((i) => (
            <li key={i.id}>
              <span className="diff-kind">{t(`kind_${i.kind}` as StringKey)}</span> {i.text.split('\n')[0] || '—'}
              {showable && (
                <button type="button" className="link-button" onClick={() => onShowItem(i.id)}>
                  {t('showOnBoard')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <dialog ref={dialog} className="outcomes-dialog" aria-labelledby="outcomes-title" onCancel={onClose} onClose={onClose}>
      <div className="dialog-head">
        <h2 id="outcomes-title">{t('outcomesTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {message && (
        <p className="outcomes-message" role="status">
          {message}
        </p>
      )}

      <section aria-labelledby="snapshots-title">
        <h3 id="snapshots-title">{t('snapshots')}</h3>
        {canEdit && (
          <form className="row" onSubmit={take}>
            <label className="visually-hidden" htmlFor="snapshot-name">
              {t('snapshotName')}
            </label>
            <input
              id="snapshot-name"
              value={name}
              maxLength={120}
              placeholder={t('snapshotNamePlaceholder')}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="primary" disabled={busy || !name.trim()}>
              {t('takeSnapshot')}
            </button>
          </form>
        )}
        {snapshots?.length === 0 && <p className="muted">{t('noSnapshots')}</p>}
        <ul className="snapshot-list">
          {snapshots?.map((s) => (
            <li key={s.id} className="snapshot" data-snapshot-name={displayName(s)}>
              {thumbs[s.id] ? <img src={thumbs[s.id]} alt="" width="120" height="72" /> : <span className="thumb-placeholder" aria-hidden="true" />}
              <div className="snapshot-text">
                <strong>{displayName(s)}</strong>
                <span className="muted">
                  {new Date(s.takenAt).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB')} · {t('takenBy', { name: s.takenBy })} ·{' '}
                  {t(`kind_${s.kind}` as StringKey)}
                </span>
                <div className="snapshot-actions">
                  <button type="button" disabled={busy} onClick={() => void view(s)}>
                    {t('viewSnapshot')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void compare(s)}>
                    {t('compare')}
                  </button>
                  {canEdit && (
                    <button type="button" disabled={busy} onClick={() => void restore(s)}>
                      {t('restore')}
                    </button>
                  )}
                  <label className="visually-hidden" htmlFor={`export-${s.id}`}>
                    {t('exportSnapshot')} {displayName(s)}
                  </label>
                  <select
                    id={`export-${s.id}`}
                    value=""
                    disabled={busy}
                    onChange={(e) => {
                      if (e.target.value) void exportAs(s, e.target.value as ExportFormat | 'png');
                    }}
                  >
                    <option value="">{t('exportSnapshot')}…</option>
                    {FORMATS.map((f) => (
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
        {viewing && (
          <figure className="snapshot-view" aria-label={t('viewingSnapshot', { name: viewing.name })}>
            <figcaption>
              <strong>{t('viewingSnapshot', { name: viewing.name })}</strong>{' '}
              <button type="button" onClick={() => setViewing(null)}>
                {t('closeView')}
              </button>
            </figcaption>
            <img src={viewing.url} alt={t('viewingSnapshot', { name: viewing.name })} />
          </figure>
        )}
        {diff && (
          <div className="diff" role="region" aria-live="polite" aria-label={t('diffTitle', { name: diff.name })}>
            <h4>{t('diffTitle', { name: diff.name })}</h4>
            {diffIsEmpty(diff.diff) && <p>{t('diffNone')}</p>}
            {!diffIsEmpty(diff.diff) && (
              <button type="button" onClick={() => onHighlight(diff.name, diff.diff)}>
                {t('highlightOnBoard')}
              </button>
            )}
            {diffSection('diffAdded', diff.diff.added, true)}
            {diffSection('diffRemoved', diff.diff.removed, false)}
            {diffSection('diffMoved', diff.diff.moved, true)}
            {diffSection('diffText', diff.diff.textChanged, true)}
            {diff.diff.maps.length > 0 && (
              <>
                <h5>{t('diffAlso')}</h5>
                <ul className="diff-maps">
                  {diff.diff.maps.map((m) => (
                    <li key={m.key} data-root-map={m.key}>
                      {t(`diffOwner_${m.owner}`)}: {m.changed}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="export-title">
        <h3 id="export-title">
          {t('exportTitle')}: {t('exportBoard')}
        </h3>
        <div className="export-buttons">
          {FORMATS.map((f) => (
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

      {canEdit && (
        <section aria-labelledby="delete-title" className="danger-zone">
          <h3 id="delete-title">{t('deleteBoard')}</h3>
          <p>
            {trashDays
              ? t(title.trim() ? 'deleteExplainTrash' : 'deleteExplainTrashUntitled', { date: formatDay(Date.now() + trashDays * DAY_MS, lang) })
              : title.trim()
                ? t('deleteExplain')
                : t('deleteExplainUntitled')}
          </p>
          <p className="confirm-word">
            <strong>{confirmWord}</strong>
          </p>
          <div className="row">
            <label className="visually-hidden" htmlFor="delete-confirm">
              {t('deleteConfirmLabel')}
            </label>
            <input id="delete-confirm" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" />
            <button type="button" className="danger" disabled={busy || confirmText.trim() !== confirmWord} onClick={() => void remove()}>
              {trashDays ? t('deleteToTrash') : t('deleteForever')}
            </button>
          </div>
        </section>
      )}
    </dialog>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The selected item if it is a frame (its name is the first line of its text). */
function useSelectedFrame(doc: Y.Doc): { id: string; name: string } | null {
  const selectedId = useUi((s) => s.selectedId);
  if (!selectedId) return null;
  const item = getItem(doc, selectedId);
  if (!item || isDamaged(item) || item.kind !== 'frame') return null;
  return { id: item.id, name: readPlainText(item.body).split('\n')[0] ?? '' };
}
