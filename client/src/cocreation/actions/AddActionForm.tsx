import { useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { ACTION_STATUSES, addAction, isActionStatus, isDay, isOwnerKind, MAX_WHAT, MAX_WHO, OWNER_KINDS, type ActionStatus, type OwnerKind } from '../../../../shared/cocreation/actions';
import type { Decision } from '../../../../shared/cocreation/decisions';
import { firstLine } from '../../../../shared/cocreation/perspectives';
import type { BoardItem } from '../../../../shared/model/schema';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { errorText, KIND_KEY, parseSourceKey, sourceKey, STATUS_KEY } from './format';

interface Props {
  doc: Y.Doc;
  /** Decisions in force (not revoked), oldest first. */
  decisions: Decision[];
  ideas: BoardItem[];
  editor: RoleId;
  anonymous: boolean;
  onError(message: string): void;
}

/** A new action: where it comes from (a decision preferred, else an idea), what, who, due date, status. */
export function AddActionForm({ doc, decisions, ideas, editor, anonymous, onError }: Props) {
  const t = useT();
  const [source, setSource] = useState('');
  const [what, setWhat] = useState('');
  const [who, setWho] = useState('');
  // A person by default: a name written there is then left out of anonymous exports.
  const [whoKind, setWhoKind] = useState<OwnerKind>('person');
  const [due, setDue] = useState('');
  const [status, setStatus] = useState<ActionStatus>('planned');
  const [added, setAdded] = useState(false);
  const whatRef = useRef<HTMLInputElement>(null);
  const options = [...decisions.map((d) => sourceKey({ kind: 'decision', id: d.id })), ...ideas.map((i) => sourceKey({ kind: 'idea', id: i.id }))];
  // The choice stays while it exists; otherwise the first decision (or idea).
  const chosen = options.includes(source) ? source : (options[0] ?? '');

  if (options.length === 0) return <p className="co-empty">{t('actNoSources')}</p>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const src = parseSourceKey(chosen);
    // Checked here too, so the message is in the person's language; the model refuses the same.
    if (!src) return onError(t('actErrSource'));
    if (!what.trim()) {
      whatRef.current?.focus();
      return onError(t('actErrWhat'));
    }
    if (due !== '' && !isDay(due)) return onError(t('actErrDue'));
    try {
      addAction(doc, { source: src, what, who, whoKind, due, status }, editor, Date.now(), 'cocreation');
    } catch (err) {
      return onError(t('actErrSave', { msg: errorText(err) }));
    }
    onError('');
    setWhat('');
    setWho('');
    setWhoKind('person');
    setDue('');
    setStatus('planned');
    setAdded(true);
    whatRef.current?.focus();
  };

  return (
    <form className="act-add" onSubmit={submit} aria-labelledby="act-new-title" noValidate>
      <h3 id="act-new-title">{t('actNew')}</h3>
      <div className="act-field">
        <label htmlFor="act-new-source">{t('actSource')}</label>
        <select id="act-new-source" value={chosen} onChange={(e) => setSource(e.target.value)}>
          {decisions.length > 0 && (
            <optgroup label={t('actSourceDecisions')}>
              {decisions.map((d) => (
                <option key={d.id} value={sourceKey({ kind: 'decision', id: d.id })}>
                  {d.wording.length > 90 ? `${d.wording.slice(0, 89)}…` : d.wording}
                </option>
              ))}
            </optgroup>
          )}
          {ideas.length > 0 && (
            <optgroup label={t('actSourceIdeas')}>
              {ideas.map((i) => (
                <option key={i.id} value={sourceKey({ kind: 'idea', id: i.id })}>
                  {firstLine(i, 90) || t('actEmptyIdea')}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="act-field">
        <label htmlFor="act-new-what">{t('actWhat')}</label>
        <input id="act-new-what" ref={whatRef} type="text" required aria-required="true" value={what} maxLength={MAX_WHAT} placeholder={t('actWhatPlaceholder')} onChange={(e) => setWhat(e.target.value)} />
      </div>
      <div className="act-field-row">
        <div className="act-field">
          <label htmlFor="act-new-who">{t('actWho')}</label>
          <input id="act-new-who" type="text" value={who} maxLength={MAX_WHO} placeholder={t('actWhoPlaceholder')} aria-describedby={anonymous ? 'act-anon-hint' : undefined} onChange={(e) => setWho(e.target.value)} />
        </div>
        <div className="act-field">
          <label htmlFor="act-new-kind">{t('actWhoKind')}</label>
          <select id="act-new-kind" value={whoKind} onChange={(e) => isOwnerKind(e.target.value) && setWhoKind(e.target.value)}>
            {OWNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEY[k])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {anonymous && (
        <p id="act-anon-hint" className="co-note">
          {t('actAnonHint')}
        </p>
      )}
      <div className="act-field-row">
        <div className="act-field">
          <label htmlFor="act-new-due">{t('actDue')}</label>
          <input id="act-new-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <div className="act-field">
          <label htmlFor="act-new-status">{t('actStatus')}</label>
          <select id="act-new-status" value={status} onChange={(e) => isActionStatus(e.target.value) && setStatus(e.target.value)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEY[s])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="act-add-foot">
        <button type="submit" className="primary">
          {t('actAdd')}
        </button>
        <span className="act-added" role="status">
          {added ? t('actAdded') : ''}
        </span>
      </div>
    </form>
  );
}
