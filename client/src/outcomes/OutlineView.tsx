import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { exportView } from '../../../shared/cocreation/anonymity';
import { projectReport, type BoardReport, type ReportIdea } from '../../../shared/export/projection';
import { itemsMap } from '../../../shared/model/board';
import { useBoardSlots } from '../board/slots';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';

const CardEditor = lazy(() => import('../board/CardEditor').then((m) => ({ default: m.CardEditor })));

/** The report as every export shows it: from a copy without names while names are hidden (shared/cocreation/anonymity.ts). */
function reportOf(doc: Y.Doc, lang: 'da' | 'en'): BoardReport {
  const view = exportView(doc);
  const report = projectReport(view.doc, lang);
  if (view.anonymous) view.doc.destroy();
  return report;
}

/** "Name · Role", or only the role when the name is hidden. */
const byline = (name: string, role: string) => (name ? `${name} · ${role}` : role);

/** Re-reads the report when the board changes, at most once per animation frame. */
function useReport(doc: Y.Doc, lang: 'da' | 'en'): BoardReport {
  const [report, setReport] = useState(() => reportOf(doc, lang));
  useEffect(() => {
    let frame = 0;
    const update = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          setReport(reportOf(doc, lang));
        });
    };
    update();
    doc.on('update', update);
    return () => {
      doc.off('update', update);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc, lang]);
  return report;
}

/**
 * The whole board as headings and lists, in the order of the Markdown report:
 * a screen-reader-friendly way to read and edit it, and what gets printed.
 * Each text is edited in place with the same collaborative editor as on the canvas.
 */
export function OutlineView({
  doc,
  provider,
  identity,
  canEdit,
  onBack,
}: {
  doc: Y.Doc;
  provider: WebsocketProvider;
  identity: Identity | null;
  canEdit: boolean;
  onBack(): void;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const report = useReport(doc, lang);
  const [editing, setEditing] = useState<string | null>(null);
  // Comments open in their side panel from here too: the way in for observers and keyboard readers.
  const liveIds = useMemo(() => {
    const ids = new Set<string>();
    for (const p of report.problems) for (const x of [p, ...p.perspectives, ...p.ideas]) ids.add(x.id);
    for (const x of [...report.looseIdeas, ...report.loosePerspectives]) ids.add(x.id);
    return ids;
  }, [report]);
  const { useItemNotes } = useBoardSlots();
  const discussion = useItemNotes(doc, liveIds);

  const text = (id: string, value: string, label: string) => {
    const item = itemsMap(doc).get(id);
    const body = item instanceof Y.Map ? item.get('body') : null;
    if (editing === id && body instanceof Y.XmlFragment && identity) {
      return (
        <div className="outline-editor">
          <Suspense fallback={<p>{value}</p>}>
            <CardEditor fragment={body} provider={provider} label={label} onExit={() => setEditing(null)} onChange={() => undefined} />
          </Suspense>
          <button type="button" onClick={() => setEditing(null)}>
            {t('done')}
          </button>
        </div>
      );
    }
    return (
      <>
        <span className="outline-text">{value || '—'}</span>
        {canEdit && identity && (
          <button type="button" className="link-button no-print" onClick={() => setEditing(id)} aria-label={`${t('edit')}: ${label}`}>
            {t('edit')}
          </button>
        )}
      </>
    );
  };

  const perspectiveList = (list: BoardReport['loosePerspectives']) => (
    <ul>
      {list.map((v) => (
        <li key={v.id}>
          <strong>{v.roleLabel}</strong>
          {v.authorName ? ` (${v.authorName})` : ''}: {text(v.id, v.text, `${t('kind_perspective')}: ${v.roleLabel}`)} {discussion(v.id)}
        </li>
      ))}
    </ul>
  );
  const ideaList = (list: ReportIdea[]) => (
    <ol>
      {list.map((i) => (
        <li key={i.id}>
          {text(i.id, i.text, `${t('kind_idea')}: ${i.text.split('\n')[0] ?? ''}`)} {discussion(i.id)}{' '}
          <span className="muted">
            — {byline(i.authorName, i.roleLabel)}
          </span>
        </li>
      ))}
    </ol>
  );

  return (
    <article className="outline" aria-labelledby="outline-title">
      <div className="outline-head no-print">
        <button type="button" onClick={onBack}>
          ← {t('backToCanvas')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>
      <h1 id="outline-title">{report.title || t('untitledBoard')}</h1>
      {report.problems.length === 0 && report.looseIdeas.length === 0 && <p>{t('outlineEmpty')}</p>}
      {report.problems.map((p, n) => (
        <section key={p.id} aria-labelledby={`outline-${p.id}`}>
          <h2 id={`outline-${p.id}`}>
            {n + 1}. {text(p.id, p.text, `${t('kind_problem')} ${n + 1}`)}
          </h2>
          <p className="muted">
            {byline(p.authorName, p.roleLabel)} {discussion(p.id)}
          </p>
          <h3>{t('outlinePerspectives')}</h3>
          {perspectiveList(p.perspectives)}
          <h3>{t('outlineIdeas')}</h3>
          {ideaList(p.ideas)}
        </section>
      ))}
      {report.looseIdeas.length > 0 && (
        <section aria-labelledby="outline-other">
          <h2 id="outline-other">{t('outlineOtherIdeas')}</h2>
          {ideaList(report.looseIdeas)}
        </section>
      )}
      {report.loosePerspectives.length > 0 && (
        <section aria-labelledby="outline-loose">
          <h2 id="outline-loose">{t('outlineLoose')}</h2>
          {perspectiveList(report.loosePerspectives)}
        </section>
      )}
    </article>
  );
}
