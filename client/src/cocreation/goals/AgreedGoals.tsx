import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addAgreedGoal, editAgreedGoal, HORIZONS, isHorizon, MAX_GOAL_LENGTH, removeAgreedGoal, type AgreedGoal, type Author, type Horizon } from '../../../../shared/cocreation/goals';
import { roleInfo, roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { errorText, shortDate, STATUS_KEY } from './format';

interface Props {
  doc: Y.Doc;
  goals: AgreedGoal[];
  /** Null for observers: the list is read-only. */
  me: Author | null;
  onError(message: string): void;
}

/** The group's agreed short- and long-term goals: a small shared list anyone can add to, reword or remove from. */
export function AgreedGoals({ doc, goals, me, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [text, setText] = useState('');
  const [horizon, setHorizon] = useState<Horizon>('short');
  const [editing, setEditing] = useState<{ id: string; text: string; horizon: Horizon; from: { text: string; horizon: Horizon } } | null>(null);

  const run = (fn: () => void): boolean => {
    try {
      fn();
      onError('');
      return true;
    } catch (err) {
      onError(t('goalsErrSave', { msg: errorText(err) }));
      return false;
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!me) return;
    if (!text.trim()) return onError(t('goalsErrEmpty'));
    if (run(() => addAgreedGoal(doc, { horizon, text, author: me }, 'cocreation'))) setText('');
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    if (!editing.text.trim()) return onError(t('goalsErrEmpty'));
    // Only what this person changed: a field someone else changed meanwhile is not written back over.
    const patch = { ...(editing.text !== editing.from.text ? { text: editing.text } : {}), ...(editing.horizon !== editing.from.horizon ? { horizon: editing.horizon } : {}) };
    if (run(() => editAgreedGoal(doc, editing.id, patch, 'cocreation'))) setEditing(null);
  };

  return (
    <div className="goals-agreed">
      <p className="muted">{t('goalsAgreedIntro')}</p>
      {goals.length === 0 && <p className="co-empty">{t('goalsNoAgreed')}</p>}
      {HORIZONS.map((h) => {
        const list = goals.filter((g) => g.horizon === h);
        if (list.length === 0) return null;
        return (
          <section key={h} aria-labelledby={`goals-h-${h}`}>
            <h3 id={`goals-h-${h}`}>{t(`goalsHorizon_${h}`)}</h3>
            <ul className="goals-list">
              {list.map((g) => (
                <li key={g.id} data-goal-id={g.id} style={{ ['--role-color' as string]: roleInfo(g.role).color }}>
                  {editing?.id === g.id ? (
                    <form className="goals-edit" onSubmit={save}>
                      <label htmlFor={`goal-edit-${g.id}`} className="visually-hidden">
                        {t('goalsGoalText')}
                      </label>
                      <input id={`goal-edit-${g.id}`} type="text" value={editing.text} maxLength={MAX_GOAL_LENGTH} onChange={(e) => setEditing({ ...editing, text: e.target.value })} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setEditing(null))} autoFocus />
                      <label htmlFor={`goal-edit-h-${g.id}`} className="visually-hidden">
                        {t('goalsHorizon')}
                      </label>
                      <select id={`goal-edit-h-${g.id}`} value={editing.horizon} onChange={(e) => isHorizon(e.target.value) && setEditing({ ...editing, horizon: e.target.value })}>
                        {HORIZONS.map((h) => (
                          <option key={h} value={h}>
                            {t(`goalsHorizon_${h}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="primary">
                        {t('goalsSave')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('goalsCancel')}
                      </button>
                    </form>
                  ) : (
                    <>
                      <div className="goals-goal-text">{g.text}</div>
                      <div className="goals-goal-meta">
                        <span className="muted small">{t('goalsProposedBy', { role: roleLabel(g.role, lang, g.roleText), date: shortDate(g.createdAt, lang) })}</span>
                        {g.revisit && <span className={`goals-chip status-${g.revisit.status}`}>{t(STATUS_KEY[g.revisit.status])}</span>}
                      </div>
                      {me && (
                        <div className="goals-goal-actions">
                          <button type="button" className="goals-small" aria-label={t('goalsEditGoal', { goal: g.text })} onClick={() => setEditing({ id: g.id, text: g.text, horizon: g.horizon, from: { text: g.text, horizon: g.horizon } })}>
                            {t('goalsEdit')}
                          </button>
                          <button type="button" className="goals-small" aria-label={t('goalsRemoveGoal', { goal: g.text })} onClick={() => run(() => removeAgreedGoal(doc, g.id, 'cocreation'))}>
                            {t('goalsRemove')}
                          </button>
                        </div>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {me && (
        <form className="goals-add" onSubmit={add} aria-labelledby="goals-new-title">
          <h3 id="goals-new-title">{t('goalsNewGoal')}</h3>
          <label htmlFor="goals-new-text" className="goals-label">
            {t('goalsNewGoalText')}
          </label>
          <textarea id="goals-new-text" rows={2} value={text} maxLength={MAX_GOAL_LENGTH} onChange={(e) => setText(e.target.value)} />
          <div className="co-row">
            <label htmlFor="goals-new-horizon">{t('goalsHorizon')}</label>
            <select id="goals-new-horizon" value={horizon} onChange={(e) => isHorizon(e.target.value) && setHorizon(e.target.value)}>
              {HORIZONS.map((h) => (
                <option key={h} value={h}>
                  {t(`goalsHorizon_${h}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="primary">
              {t('goalsAdd')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
