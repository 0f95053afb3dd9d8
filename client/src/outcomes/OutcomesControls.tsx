import { useState } from 'react';
import { itemsMap } from '../../../shared/model/board';
import { readItem } from '../../../shared/model/validate';
import { useT } from '../i18n/useT';
import { navigate } from '../router';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
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
  const [panel, setPanel] = useState(false);
  const [outline, setOutline] = useState(false);

  const showItem = (id: string) => {
    const item = readItem(id, itemsMap(conn.doc).get(id));
    if ('damaged' in item) return;
    const canvas = document.querySelector('.canvas');
    const { camera, setCamera, select } = useUi.getState();
    const w = canvas?.clientWidth ?? 1200;
    const h = canvas?.clientHeight ?? 800;
    setCamera({ zoom: camera.zoom, x: w / 2 - (item.x + item.w / 2) * camera.zoom, y: h / 2 - (item.y + item.h / 2) * camera.zoom });
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
          personName={identity?.name ?? 'Unknown'}
          onClose={() => setPanel(false)}
          onShowItem={showItem}
          onDeleted={() => navigate('/?deleted=1')}
          onPrint={() => {
            setPanel(false);
            setOutline(true);
            // Print once the outline is on screen.
            setTimeout(() => window.print(), 300);
          }}
        />
      )}
      {outline && <OutlineView doc={conn.doc} provider={conn.provider} identity={identity} canEdit={canEdit} onBack={() => setOutline(false)} />}
    </>
  );
}
