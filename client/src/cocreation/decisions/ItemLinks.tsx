import { firstLine } from '../../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../../shared/model/schema';
import { centredInFreeArea } from '../../board/viewport';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';

/** Brings a card into the middle of the free canvas and selects it (as the outline does). */
function showCard(item: BoardItem): void {
  const { camera, setCamera, select } = useUi.getState();
  setCamera(centredInFreeArea(item.x + item.w / 2, item.y + item.h / 2, camera.zoom));
  select(item.id);
}

/** The ideas (and frame) a decision comes from: each a button that shows the card, or a note that it was deleted. */
export function ItemLinks({ ids, frame, items }: { ids: readonly string[]; frame: string | null; items: BoardItem[] }) {
  const t = useT();
  const byId = new Map(items.map((i) => [i.id, i]));
  const one = (id: string, isFrame: boolean) => {
    const item = byId.get(id);
    if (!item) return <span className="muted">{t('decisionsDeletedItem')}</span>;
    const text = firstLine(item) || '—';
    const shown = isFrame ? t('decisionsFromFrame', { name: text }) : text;
    return (
      <button type="button" className="link-button" aria-label={t('decisionsShowCard', { name: shown })} onClick={() => showCard(item)}>
        {shown}
      </button>
    );
  };
  return (
    <div className="decision-from">
      <span className="muted small">{t('decisionsFromIdeas')}:</span>
      <ul>
        {ids.map((id) => (
          <li key={id} data-idea-id={id}>
            {one(id, false)}
          </li>
        ))}
        {frame && (
          <li key={`frame-${frame}`} data-frame-id={frame}>
            {one(frame, true)}
          </li>
        )}
      </ul>
    </div>
  );
}
