import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { isDate, MAX_LABEL_LENGTH, openSession, removeSession, type EvalSession } from '../../../../shared/cocreation/evaluation';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { errorText } from '../goals/format';

interface Props {
  doc: Y.Doc;
  sessions: EvalSession[];
  current: EvalSession | null;
  onSelect(id: string): void;
  editor: RoleId | null;
  /** The session holds nothing yet (only then may it be removed). */
  currentEmpty: boolean;
  onError(message: string): void;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Which evaluation session is shown, and opening a new one (a later session to compare with). */
export function SessionBar({ doc, sessions, current, onSelect, editor, currentEmpty, onError }: Props) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(today);
  const showForm = editor !== null && (adding || sessions.length === 0);

  const open = (e: FormEvent) => {
    e.preventDefault();
    if (!editor) return;
    const name = label.trim() || t('evalDefaultLabel', { n: String(sessions.length + 1) });
    if (!isDate(date)) return onError(t('evalErrDate'));
    try {
      const id = openSession(doc, { label: name, date, role: editor }, 'cocreation');
      onSelect(id);
      setAdding(false);
      setLabel('');
      onError('');
    } catch (err) {
      onError(t('evalErrSave', { msg: errorText(err) }));
    }
  };

  return (
    <div className="eval-sessions">
      {sessions.length > 0 && current && (
        <div className="co-row">
          <label htmlFor="eval-session">{t('evalSession')}</label>
          <select id="eval-session" value={current.id} onChange={(e) => onSelect(e.target.value)}>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({s.date})
              </option>
            ))}
          </select>
          {editor && !showForm && (
            <button type="button" onClick={() => setAdding(true)}>
              + {t('evalNewSession')}
            </button>
          )}
          {editor && currentEmpty && !showForm && (
            <button
              type="button"
              className="eval-small"
              onClick={() => {
                try {
                  removeSession(doc, current.id, 'cocreation');
                  onError('');
                } catch (err) {
                  onError(t('evalErrSave', { msg: errorText(err) }));
                }
              }}
            >
              {t('evalRemoveSession')}
            </button>
          )}
        </div>
      )}
      {sessions.length === 0 && <p className="co-empty">{t('evalNoSessions')}</p>}
      {showForm && (
        <form className="eval-new-session" onSubmit={open} aria-labelledby="eval-new-title">
          <h3 id="eval-new-title">{t('evalNewSession')}</h3>
          <div className="co-row">
            <label htmlFor="eval-new-label">{t('evalSessionName')}</label>
            <input id="eval-new-label" type="text" value={label} maxLength={MAX_LABEL_LENGTH} placeholder={t('evalDefaultLabel', { n: String(sessions.length + 1) })} onChange={(e) => setLabel(e.target.value)} />
          </div>
          <div className="co-row">
            <label htmlFor="eval-new-date">{t('evalSessionDate')}</label>
            <input id="eval-new-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            <button type="submit" className="primary">
              {t('evalOpenSession')}
            </button>
            {sessions.length > 0 && (
              <button type="button" onClick={() => setAdding(false)}>
                {t('goalsCancel')}
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
