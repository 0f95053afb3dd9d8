import { useState } from 'react';
import { itemsMap } from '../../../shared/model/board';
import { readItem } from '../../../shared/model/validate';
import { useNamesHidden } from '../board/names';
import { centredInFreeArea } from '../board/viewport';
import { roleLabel } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { navigate } from '../router';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { InSlot } from '../ui/slots';
import type { BoardDiff } from '../../../shared/model/diff';
import { OutcomesPanel } from './OutcomesPanel';
import { OutlineView } from './OutlineView';
import './outcomes.css';

/** Topbar buttons for the outcomes dialog and the outline view of a board. */
export function OutcomesControls({
  boardId,
  conn,
  title,
  params,
  canEdit,
  identity,
}: {
  boardId: string;
  conn: BoardConnection;
  title: string;
  params: Record<string, string> | undefined;
  canEdit: boolean;
  identity: Identity | null;
}) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  // A snapshot taken or a restore made while names are hidden is signed with the role (its metadata is shared and exported).
  const namesHidden = useNamesHidden();
  const [panel, setPanel] = useState(false);
  const [outline, setOutline] = useState(false);
  const [highlight, setHighlight] = useState<{ name: string; diff: BoardDiff } | null>(null);

  const showItem = (id: string) => {
    const item = readItem(id, itemsMap(conn.doc).get(id));
    if ('damaged' in item) return;
    const { camera, setCamera, select } = useUi.getState();
    setCamera(centredInFreeArea(item.x + item.w / 2, item.y + item.h / 2, camera.zoom));
    select(id);
    setPanel(false);
    setOutline(false);
  };

  return (
    <>
      <button type="button" className="outline-button" aria-pressed={outline} onClick={() => setOutline((o) => !o)}>
        {t('outline')}
      </button>
      <button type="button" className="outcomes-button" onClick={() => setPanel(true)}>
        {t('outcomes')}
      </button>
      {panel && (
        <OutcomesPanel
          boardId={boardId}
          doc={conn.doc}
          title={title}
          params={params}
          canEdit={canEdit}
          personName={identity ? (namesHidden ? roleLabel(identity.role, lang, identity.roleText) : identity.name) : 'Unknown'}
          onClose={() => setPanel(false)}
          onShowItem={showItem}
          onHighlight={(name, diff) => {
            setHighlight({ name, diff });
            setPanel(false);
          }}
          onDeleted={(purgeAt) => navigate(purgeAt === null ? '/?deleted=1' : `/?trashed=${purgeAt}`)}
          onPrint={() => {
            setPanel(false);
            setOutline(true);
            // Print once the outline is on screen.
            setTimeout(() => window.print(), 300);
          }}
        />
      )}
      {highlight && (
        <>
          <style>{highlightCss(highlight.diff, t('diffAdded'), t('diffMoved'), t('diffText'))}</style>
          {/* Under the add-card toolbar with the other notices, never over it. */}
          <InSlot slot="notices">
            <div className="highlight-bar" role="status">
              <span>{t('diffTitle', { name: highlight.name })}</span>
              <span className="legend legend-added">{t('diffAdded')}</span>
              <span className="legend legend-moved">{t('diffMoved')}</span>
              <span className="legend legend-changed">{t('diffText')}</span>
              {/* What has no card to mark: removed cards and the other parts a restore changes (the same set as the comparison). */}
              {highlight.diff.removed.length > 0 && (
                <span className="highlight-also">
                  {t('diffRemoved')}: {highlight.diff.removed.length}
                </span>
              )}
              {highlight.diff.maps.length > 0 && (
                <span className="highlight-also" data-highlight-maps="">
                  {highlight.diff.maps.map((m) => `${t(`diffOwner_${m.owner}`)}: ${m.changed}`).join(' · ')}
                </span>
              )}
              <button type="button" onClick={() => setHighlight(null)}>
                {t('stopHighlight')}
              </button>
            </div>
          </InSlot>
        </>
      )}
      {outline && <OutlineView doc={conn.doc} provider={conn.provider} identity={identity} canEdit={canEdit} onBack={() => setOutline(false)} />}
    </>
  );
}

/** Item ids are [A-Za-z0-9_-] (validated), so they are safe inside a quoted attribute selector. */
const safe = (id: string) => /^[A-Za-z0-9_-]+$/.test(id);

/** Marks changed cards on the canvas without touching the card components. */
function highlightCss(diff: BoardDiff, added: string, moved: string, changed: string): string {
  const rule = (ids: string[], cls: string, label: string) =>
    ids
      .filter(safe)
      .map((id) => `.card[data-item-id="${id}"]`)
      .join(',') + (ids.length ? `{outline:4px solid var(--hl-${cls});outline-offset:3px}` : '') +
    ids
      .filter(safe)
      .map((id) => `.card[data-item-id="${id}"]::after`)
      .join(',') + (ids.length ? `{content:${JSON.stringify(label)};position:absolute;left:-4px;top:-30px;background:var(--hl-${cls});color:#fff;font-size:12px;font-weight:700;padding:2px 8px;border-radius:6px}` : '');
  const textOnly = diff.textChanged.map((i) => i.id).filter((id) => !diff.moved.some((m) => m.id === id));
  return [rule(diff.added.map((i) => i.id), 'added', added), rule(diff.moved.map((i) => i.id), 'moved', moved), rule(textOnly, 'changed', changed)].join('\n');
}
