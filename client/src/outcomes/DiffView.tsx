import { diffIsEmpty, type BoardDiff } from '../../../shared/model/diff';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import type { Comparison } from './useComparison';

interface Props {
  comparison: Comparison;
  onShowItem(id: string): void;
  onHighlight(name: string, diff: BoardDiff): void;
}

/** What changed between a snapshot and the live board, by kind of change. */
export function DiffView({ comparison: { name, diff }, onShowItem, onHighlight }: Props) {
  const t = useT();
  return (
    <div className="diff" role="region" aria-live="polite" aria-label={t('diffTitle', { name })}>
      <h4>{t('diffTitle', { name })}</h4>
      {diffIsEmpty(diff) && <p>{t('diffNone')}</p>}
      {!diffIsEmpty(diff) && (
        <button type="button" onClick={() => onHighlight(name, diff)}>
          {t('highlightOnBoard')}
        </button>
      )}
      <DiffGroup label="diffAdded" items={diff.added} onShowItem={onShowItem} />
      <DiffGroup label="diffRemoved" items={diff.removed} />
      <DiffGroup label="diffMoved" items={diff.moved} onShowItem={onShowItem} />
      <DiffGroup label="diffText" items={diff.textChanged} onShowItem={onShowItem} />
      {diff.maps.length > 0 && (
        <>
          <h5>{t('diffAlso')}</h5>
          <ul className="diff-maps">
            {diff.maps.map((m) => (
              <li key={m.key} data-root-map={m.key}>
                {t(`diffOwner_${m.owner}`)}: {m.changed}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** One kind of change; without `onShowItem` (removed items) there is nothing on the board to show. */
function DiffGroup({ label, items, onShowItem }: { label: StringKey; items: BoardDiff['added']; onShowItem?: (id: string) => void }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className="diff-group">
      <h4>
        {t(label)} ({items.length})
      </h4>
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <span className="diff-kind">{t(`kind_${i.kind}` as StringKey)}</span> {i.text.split('\n')[0] || '—'}
            {onShowItem && (
              <button type="button" className="link-button" onClick={() => onShowItem(i.id)}>
                {t('showOnBoard')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
