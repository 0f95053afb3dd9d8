import type * as Y from 'yjs';
import { localDay, progressOf } from '../../../../shared/cocreation/actions';
import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { dueText, KIND_SHORT_KEY, STATUS_KEY } from './format';
import { useActions } from './useActions';
import './actions.css';

/** Zoomed out further than this, only the count is shown. */
const TABLE_MIN_ZOOM = 0.3;

/** Inside the board's plan frame: the action plan, read-only and live (edited in the panel). */
export function PlanFrameDecoration({ item }: { item: BoardItem; active: boolean }) {
  // Only frames can be the plan frame; other cards subscribe to nothing.
  const doc = item.body.doc;
  return item.kind === 'frame' && doc ? <PlanFrameTable item={item} doc={doc} /> : null;
}

function PlanFrameTable({ item, doc }: { item: BoardItem; doc: Y.Doc }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const { actions, planFrameMark } = useActions(doc);
  // Far out the table is unreadable: the count stands in for it (re-renders only when crossing the line, not per zoom step).
  const far = useUi((s) => s.camera.zoom < TABLE_MIN_ZOOM);
  if (planFrameMark !== item.id) return null;
  const today = localDay();
  const late = actions.filter((a) => progressOf(a, today) === 'late').length;
  return (
    <div className="plan-frame" data-plan-frame="true" data-far={far || undefined}>
      <p className="plan-count">
        {t.plural('actCount', actions.length)}
        {late > 0 && ` · ⚠ ${late} ${t('actLate').toLowerCase()}`}
      </p>
      {far ? null : actions.length === 0 ? (
        <p className="plan-empty">{t('actFrameEmpty')}</p>
      ) : (
        <table className="plan-table" aria-label={t('actFrameLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('actWhat')}</th>
              <th scope="col">{t('actWho')}</th>
              <th scope="col">{t('actDue')}</th>
              <th scope="col">{t('actStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => {
              const p = progressOf(a, today);
              return (
                <tr key={a.id} data-action-id={a.id} data-progress={p}>
                  <td>{a.what}</td>
                  <td>{a.who ? `${a.who} (${t(KIND_SHORT_KEY[a.whoKind])})` : '–'}</td>
                  <td>{a.due ? dueText(a.due, lang) : '–'}</td>
                  <td>
                    <span className={`plan-status plan-${a.status}`}>{t(STATUS_KEY[a.status])}</span>
                    {p === 'late' && <span className="act-late">⚠ {t('actLate')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
