import type * as Y from 'yjs';
import { isRevisitStatus, MAX_NOTE_LENGTH, REVISIT_STATUSES, setRevisit, type Revisit, type RevisitTarget } from '../../../../shared/cocreation/goals';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { errorText, STATUS_KEY } from './format';
import { SyncedField } from './SyncedField';

interface Props {
  doc: Y.Doc;
  target: RevisitTarget;
  /** Stable DOM id prefix for the controls. */
  idBase: string;
  /** The goal's text, for the controls' accessible names. */
  goal: string;
  revisit: Revisit | null | undefined;
  /** Null for observers: the mark is shown, not editable. */
  editor: RoleId | null;
  onError(message: string): void;
}

/** "Now": a status (met / partly / not met / changed) and a short note for one goal or expectation. */
export function RevisitControl({ doc, target, idBase, goal, revisit, editor, onError }: Props) {
  const t = useT();
  const write = (status: Revisit['status'] | null, note: string) => {
    if (!editor) return;
    try {
      setRevisit(doc, target, status, status ? note : '', editor, 'cocreation');
      onError('');
    } catch (err) {
      onError(t('goalsErrSave', { msg: errorText(err) }));
    }
  };
  if (!editor) {
    return (
      <div className="goals-now" data-status={revisit?.status ?? 'none'}>
        <span className={`goals-chip status-${revisit?.status ?? 'none'}`}>{t(revisit ? STATUS_KEY[revisit.status] : 'goalsStatus_none')}</span>
        {revisit?.note && <span className="goals-note"> {revisit.note}</span>}
      </div>
    );
  }
  return (
    <div className="goals-now" data-status={revisit?.status ?? 'none'}>
      <select
        id={`${idBase}-status`}
        aria-label={t('goalsStatusFor', { goal })}
        className={`status-${revisit?.status ?? 'none'}`}
        value={revisit?.status ?? ''}
        onChange={(e) => write(isRevisitStatus(e.target.value) ? e.target.value : null, revisit?.note ?? '')}
      >
        <option value="">{t('goalsStatus_none')}</option>
        {REVISIT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_KEY[s])}
          </option>
        ))}
      </select>
      <SyncedField
        id={`${idBase}-note`}
        rows={2}
        value={revisit?.note ?? ''}
        maxLength={MAX_NOTE_LENGTH}
        disabled={!revisit}
        placeholder={t('goalsNotePlaceholder')}
        ariaLabel={t('goalsNoteFor', { goal })}
        onCommit={(note) => revisit && write(revisit.status, note)}
      />
    </div>
  );
}
