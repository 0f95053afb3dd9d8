import { readPlanFrame } from '../../../../shared/cocreation/planFrame';
import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import type { Identity } from '../../state/identity';
import type { BoardConnection } from '../../sync/connection';
import { errorText } from './format';
import { putPlanFrame, showOnBoard } from './placeFrame';

interface Props {
  conn: BoardConnection;
  items: BoardItem[];
  /** The frame id marked as the plan frame, live (null: never placed). */
  mark: string | null;
  actionCount: number;
  /** Null: cannot write (observer, not joined). */
  identity: Identity | null;
  onError(message: string): void;
}

/** "Put the action plan on the board", or — once it is there — show it; offers to place it again when its frame was deleted. */
export function PlanFrameControl({ conn, items, mark, actionCount, identity, onError }: Props) {
  const t = useT();
  // Read on every render (cheap): `items` changes when a card is deleted, and the frame may be gone although the mark stays.
  const frame = mark ? readPlanFrame(conn.doc) : null;
  const box = frame ? items.find((i) => i.id === frame.id) : undefined;
  const put = () => {
    if (!identity) return;
    try {
      putPlanFrame(conn, identity, items, t('actFrameTitle'), actionCount);
      onError('');
    } catch (err) {
      onError(t('actErrSave', { msg: errorText(err) }));
    }
  };
  return (
    <section className="act-frame" aria-labelledby="act-frame-title">
      <h3 id="act-frame-title">{t('actFrameHead')}</h3>
      {box ? (
        <div className="co-row">
          <span className="act-frame-state">{t('actFrameShown')}</span>
          <button type="button" onClick={() => showOnBoard(box)}>
            {t('actFrameShow')}
          </button>
        </div>
      ) : (
        <div className="co-row">
          {mark && <span className="act-frame-state">{t('actFrameGone')}</span>}
          {identity && (
            <button type="button" className="primary" onClick={put}>
              {mark ? t('actFramePutAgain') : t('actFramePut')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
