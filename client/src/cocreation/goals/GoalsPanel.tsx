import { useEffect, useMemo, useRef, useState } from 'react';
import { roleLabel } from '../../../../shared/roles';
import type { Author } from '../../../../shared/cocreation/goals';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import type { CoPanelProps } from '../panel';
import { AgreedGoals } from './AgreedGoals';
import { EntryForm } from './EntryForm';
import { EntryList } from './EntryList';
import { personKey } from '../deviceKey';
import { RevisitView } from './RevisitView';
import { useGoals } from './useGoals';
import './goals.css';
import { PanelHead } from '../PanelHead';

type View = 'entries' | 'agreed' | 'revisit';
const VIEWS: ReadonlyArray<{ id: View; key: 'goalsTabEntries' | 'goalsTabAgreed' | 'goalsTabRevisit' }> = [
  { id: 'entries', key: 'goalsTabEntries' },
  { id: 'agreed', key: 'goalsTabAgreed' },
  { id: 'revisit', key: 'goalsTabRevisit' },
];

/**
 * Goals and expectations (forventningsafstemning): each person's entry (what
 * they bring, expect, and aim for short and long term), the group's agreed
 * goals, and a look back at the end (then → now). Everyone may edit
 * everything; one's own entry simply comes first.
 */
export function GoalsPanel({ boardId, conn, identity, canEdit, anonymous, onClose }: CoPanelProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const state = useGoals(conn.doc);
  const [view, setView] = useState<View>('entries');
  const [error, setError] = useState('');
  const myKey = useMemo(() => personKey(boardId), [boardId]);
  const me: Author | null = canEdit && identity ? { name: identity.name, role: identity.role, ...(identity.roleText ? { roleText: identity.roleText } : {}) } : null;
  const mine = state.people.find((p) => p.key === myKey);
  const editor = me?.role ?? null;
  const myLabel = identity ? (anonymous ? roleLabel(identity.role, lang, identity.roleText) : `${identity.name} (${roleLabel(identity.role, lang, identity.roleText)})`) : '';

  return (
    <section className="co-panel goals-panel" aria-labelledby="goals-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="goals-title" headingRef={heading} onClose={onClose}>
        {t('goalsTitle')}
      </PanelHead>
      <p className="muted">{t('goalsIntro')}</p>
      <div className="goals-views" role="group" aria-label={t('goalsViews')}>
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
            {t(v.key)}
            {v.id === 'agreed' && state.agreed.length > 0 && <span className="goals-count"> {state.agreed.length}</span>}
          </button>
        ))}
      </div>
      {error && (
        <p className="goals-error" role="alert">
          {error}
        </p>
      )}

      {view === 'entries' && (
        <>
          <section className="goals-mine" aria-labelledby="goals-mine-title">
            <h3 id="goals-mine-title">{t('goalsMine')}</h3>
            {me ? (
              <>
                <p className="muted small">{t('goalsMineAs', { who: myLabel })}</p>
                <EntryForm doc={conn.doc} personKey={myKey} entry={mine} editor={me.role} owner={me} onError={(m) => setError(m && t('goalsErrSave', { msg: m }))} />
              </>
            ) : (
              <p className="co-empty">{canEdit ? t('goalsJoinFirst') : t('goalsObserver')}</p>
            )}
          </section>
          <EntryList doc={conn.doc} people={state.people} myKey={myKey} editor={editor} anonymous={anonymous} onError={(m) => setError(m && t('goalsErrSave', { msg: m }))} />
        </>
      )}
      {view === 'agreed' && <AgreedGoals doc={conn.doc} goals={state.agreed} me={me} onError={setError} />}
      {view === 'revisit' && <RevisitView doc={conn.doc} state={state} editor={editor} anonymous={anonymous} onError={setError} />}
    </section>
  );
}
