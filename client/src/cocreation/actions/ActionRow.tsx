import { useState } from 'react';
import type * as Y from 'yjs';
import {
  ACTION_STATUSES,
  isActionStatus,
  isDay,
  isOwnerKind,
  MAX_WHAT,
  MAX_WHO,
  OWNER_KINDS,
  progressOf,
  removeAction,
  setActionField,
  type Action,
  type ActionField,
} from '../../../../shared/cocreation/actions';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { dueText, errorText, KIND_KEY, KIND_SHORT_KEY, STATUS_KEY } from './format';
import { TextField } from './TextField';

interface Props {
  doc: Y.Doc;
  action: Action;
  today: string;
  /** The role of whoever edits; null: read-only (observers, not joined yet). */
  editor: RoleId | null;
  onError(message: string): void;
  /** After a removal: where the focus goes (the row is gone). */
  afterRemove(): void;
}

/** One action: what, who (person or organisation), due date and status, each field saved on its own. */
export function ActionRow({ doc, action: a, today, editor, onError, afterRemove }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [confirming, setConfirming] = useState(false);
  const late = progressOf(a, today) === 'late';
  const id = (f: string) => `act-${a.id}-${f}`;
  const write = (field: ActionField, value: string) => {
    if (!editor) return;
    if (field === 'what' && !value.trim()) return onError(t('actErrWhat'));
    if (field === 'due' && value !== '' && !isDay(value)) return onError(t('actErrDue'));
    try {
      setActionField(doc, a.id, field, value, editor, Date.now(), 'cocreation');
      onError('');
    } catch (err) {
      onError(t('actErrSave', { msg: errorText(err) }));
    }
  };
  const lateBadge = late && (
    <span className="act-late" data-late="true">
      ⚠ {t('actLate')}
    </span>
  );

  if (!editor) {
    return (
      <li className="act-item" data-action-id={a.id} data-progress={progressOf(a, today)}>
        <div className="act-what-read">{a.what}</div>
        <dl className="act-read">
          <div>
            <dt>{t('actWho')}</dt>
            <dd>{a.who ? `${a.who} (${t(KIND_SHORT_KEY[a.whoKind])})` : t('actNobody')}</dd>
          </div>
          <div>
            <dt>{t('actDue')}</dt>
            <dd>{a.due ? dueText(a.due, lang) : t('actNoDue')}</dd>
          </div>
          <div>
            <dt>{t('actStatus')}</dt>
            <dd>
              {t(STATUS_KEY[a.status])} {lateBadge}
            </dd>
          </div>
        </dl>
      </li>
    );
  }

  return (
    <li className="act-item" data-action-id={a.id} data-progress={progressOf(a, today)}>
      <div className="act-cell act-cell-what">
        <label htmlFor={id('what')}>{t('actWhat')}</label>
        <TextField id={id('what')} value={a.what} maxLength={MAX_WHAT} ariaLabel={t('actWhatOf', { what: a.what })} onCommit={(v) => write('what', v)} />
      </div>
      <div className="act-cells">
        <div className="act-cell act-cell-who">
          <label htmlFor={id('who')}>{t('actWho')}</label>
          <TextField id={id('who')} value={a.who} maxLength={MAX_WHO} ariaLabel={t('actWhoOf', { what: a.what })} onCommit={(v) => write('who', v)} />
          <select id={id('kind')} aria-label={t('actWhoKindOf', { what: a.what })} value={a.whoKind} onChange={(e) => isOwnerKind(e.target.value) && write('whoKind', e.target.value)}>
            {OWNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEY[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="act-cell act-cell-due">
          <label htmlFor={id('due')}>{t('actDue')}</label>
          <input id={id('due')} type="date" aria-label={t('actDueOf', { what: a.what })} value={a.due} onChange={(e) => write('due', e.target.value)} />
        </div>
        <div className="act-cell act-cell-status">
          <label htmlFor={id('status')}>{t('actStatus')}</label>
          <select id={id('status')} aria-label={t('actStatusOf', { what: a.what })} value={a.status} onChange={(e) => isActionStatus(e.target.value) && write('status', e.target.value)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEY[s])}
              </option>
            ))}
          </select>
          {lateBadge}
        </div>
      </div>
      {confirming ? (
        <div className="act-confirm" role="group" aria-label={t('actConfirmRemove', { what: a.what })}>
          <span>{t('actConfirmRemove', { what: a.what })}</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              try {
                removeAction(doc, a.id, editor, Date.now(), 'cocreation');
                onError('');
                afterRemove();
              } catch (err) {
                onError(t('actErrSave', { msg: errorText(err) }));
              }
            }}
          >
            {t('actConfirmYes')}
          </button>
          {/* The safe choice takes the focus. */}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('actCancel')}
          </button>
        </div>
      ) : (
        <div className="act-foot">
          <button type="button" className="act-small" aria-label={t('actRemoveOf', { what: a.what })} onClick={() => setConfirming(true)}>
            {t('actRemove')}
          </button>
        </div>
      )}
    </li>
  );
}
