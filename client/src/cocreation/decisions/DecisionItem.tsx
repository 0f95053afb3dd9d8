import { useEffect, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { DecisionError, MAX_WORDING, proposeRevisit, type Decision } from '../../../../shared/cocreation/decisions';
import type { Person } from '../../../../shared/cocreation/session';
import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { roleCountsText, whenText } from './format';
import { ItemLinks } from './ItemLinks';

interface Props {
  doc: Y.Doc;
  decision: Decision;
  items: BoardItem[];
  me: Person | null;
  anonymous: boolean;
  /** A revisit of this decision is open already (one at a time keeps it clear what is being decided). */
  revisiting: boolean;
  now(): number;
  run(fn: () => void): boolean;
}

/**
 * One decision: the wording in force, when it was made, what it came from, who
 * was present (roles; names only when they were recorded and are shown), its
 * revisions, and "Revisit" to propose a new wording or revoking it.
 */
export function DecisionItem({ doc, decision: d, items, me, anonymous, revisiting, now, run }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [editing, setEditing] = useState(false);
  const [wording, setWording] = useState(d.wording);
  const titleId = `decision-${d.id}`;
  const fieldId = `decision-revisit-${d.id}`;
  const field = useRef<HTMLTextAreaElement>(null);
  // Opening "Revisit" puts the keyboard in the new wording.
  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  const propose = (w: string) => {
    if (run(() => proposeRevisit(doc, d.id, w, me as Person, now(), 'cocreation'))) setEditing(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An empty new wording would mean »revoke«: that has its own button.
    if (!wording.trim()) run(() => {
      throw new DecisionError('wording-empty', 'a new wording is needed');
    });
    else propose(wording);
  };

  return (
    <li className={d.revoked ? 'decision revoked' : 'decision'} data-decision-id={d.id} data-revoked={d.revoked}>
      <article aria-labelledby={titleId}>
        <h4 id={titleId} className="decision-wording">
          {d.revoked && <span className="decision-chip">{t('decisionsRevoked')}</span>} {d.wording}
        </h4>
        <p className="muted small">{t('decisionsDecidedAt', { when: whenText(d.decidedAt, lang) })}</p>
        <ItemLinks ids={d.ideas} frame={d.frame} items={items} />
        <dl className="decision-facts">
          <div>
            <dt>{t('decisionsPresent')}</dt>
            <dd>{roleCountsText(d.roles, lang) || '—'}</dd>
          </div>
          {!anonymous && d.names.length > 0 && (
            <div>
              <dt>{t('decisionsNames')}</dt>
              <dd>{d.names.join(', ')}</dd>
            </div>
          )}
        </dl>
        {d.revisions.length > 0 && (
          <details className="decision-history">
            <summary>{t('decisionsHistory')}</summary>
            <ul>
              <li>{t('decisionsOriginal', { text: d.original })}</li>
              {d.revisions.map((r) => (
                <li key={r.proposal}>
                  {r.wording ? t('decisionsRevisionReworded', { when: whenText(r.at, lang), text: r.wording }) : t('decisionsRevisionRevoked', { when: whenText(r.at, lang) })}
                  {r.roles && Object.keys(r.roles).length > 0 && <span className="muted small"> · {roleCountsText(r.roles, lang)}</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
        {me && !revisiting && !editing && (
          <button
            type="button"
            onClick={() => {
              setWording(d.wording);
              setEditing(true);
            }}
          >
            {t('decisionsRevisit')}
          </button>
        )}
        {me && editing && (
          <form className="decision-revisit" onSubmit={submit}>
            <label htmlFor={fieldId}>{t('decisionsRevisitLabel')}</label>
            <textarea id={fieldId} rows={2} maxLength={MAX_WORDING} value={wording} onChange={(e) => setWording(e.target.value)} ref={field} />
            <div className="co-actions">
              <button type="submit" className="primary">
                {t('decisionsRevisitReword')}
              </button>
              {!d.revoked && (
                <button type="button" onClick={() => propose('')}>
                  {t('decisionsRevisitRevoke')}
                </button>
              )}
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                {t('decisionsCancel')}
              </button>
            </div>
          </form>
        )}
      </article>
    </li>
  );
}
