import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { addStep, MAX_STEP_LABEL, moveStep, removeStep, renameStep, restoreStep, stepLabel, type SessionState, type Step } from '../../../../shared/cocreation/session';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { StepNameInput } from './StepNameInput';
import { useSessionAction } from './useSessionAction';

interface Props {
  doc: Y.Doc;
  session: SessionState;
  canEdit: boolean;
  onClose(): void;
}

/**
 * Edit the shared agenda: rename, add, remove, reorder, restore a removed
 * phase. Every change is written at once (it is content, like a card, not a
 * decision: moving between steps is what needs consent). A modal dialog:
 * focus stays inside, Escape closes it.
 */
export function AgendaDialog({ doc, session: s, canEdit, onClose }: Props) {
  const t = useT();
  const lang = useUi((st) => st.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  const { error, run } = useSessionAction();
  const [draft, setDraft] = useState('');
  /** After a move the row is re-rendered elsewhere: keep focus on the button that was pressed. */
  const [refocus, setRefocus] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (!refocus) return;
    const el = document.getElementById(refocus) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    else document.getElementById(refocus.replace(/-(up|down)$/, (_m, dir: string) => (dir === 'up' ? '-down' : '-up')))?.focus();
    setRefocus(null);
  }, [refocus, s]);

  const commitName = (step: Step, value: string) => {
    if (value.trim() === stepLabel(step, lang)) return;
    run(() => renameStep(doc, step.id, value, 'cocreation'));
  };
  const onNameKey = (e: KeyboardEvent<HTMLInputElement>, step: Step) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitName(step, e.currentTarget.value);
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (run(() => addStep(doc, draft, 'cocreation'))) setDraft('');
  };
  const move = (step: Step, delta: -1 | 1) => {
    if (run(() => moveStep(doc, step.id, delta, 'cocreation'))) setRefocus(`agenda-${step.id}-${delta < 0 ? 'up' : 'down'}`);
  };

  return (
    <dialog ref={dialog} className="ph-dialog" aria-labelledby="agenda-title" onCancel={onClose} onClose={onClose}>
      <div className="dialog-head">
        <h2 id="agenda-title">{t('phasesDialogTitle')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted small">{t('phasesDialogIntro')}</p>
      {error && (
        <p className="ph-error" role="alert">
          {error}
        </p>
      )}
      <ol className="ph-edit-list">
        {s.agenda.map((step, i) => {
          const name = stepLabel(step, lang);
          const here = step.id === s.current.id;
          return (
            <li key={step.id} data-step-id={step.id}>
              <span className="ph-num" aria-hidden="true">
                {i + 1}
              </span>
              <StepNameInput
                name={name}
                maxLength={MAX_STEP_LABEL}
                aria-label={t('phasesStepName', { n: String(i + 1) })}
                disabled={!canEdit}
                onBlur={(e) => commitName(step, e.currentTarget.value)}
                onKeyDown={(e) => onNameKey(e, step)}
              />
              {here && <span className="co-badge ph-now">{t('phasesNow')}</span>}
              <button type="button" id={`agenda-${step.id}-up`} aria-label={t('phasesMoveUp', { step: name })} disabled={!canEdit || i === 0} onClick={() => move(step, -1)}>
                ↑
              </button>
              <button
                type="button"
                id={`agenda-${step.id}-down`}
                aria-label={t('phasesMoveDown', { step: name })}
                disabled={!canEdit || i === s.agenda.length - 1}
                onClick={() => move(step, 1)}
              >
                ↓
              </button>
              <button type="button" className="danger" aria-label={t('phasesRemove', { step: name })} disabled={!canEdit} onClick={() => run(() => removeStep(doc, step.id, 'cocreation'))}>
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      {canEdit && (
        <form className="co-row" onSubmit={add} noValidate>
          <label htmlFor="agenda-new">{t('phasesNewStep')}</label>
          <input id="agenda-new" value={draft} maxLength={MAX_STEP_LABEL} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" className="primary">
            {t('phasesAdd')}
          </button>
        </form>
      )}
      {canEdit && s.removed.length > 0 && (
        <>
          <h3>{t('phasesRemoved')}</h3>
          <div className="co-actions">
            {s.removed.map((step) => (
              <button key={step.id} type="button" onClick={() => run(() => restoreStep(doc, step.id, 'cocreation'))}>
                {t('phasesRestore', { step: stepLabel(step, lang) })}
              </button>
            ))}
          </div>
        </>
      )}
    </dialog>
  );
}
