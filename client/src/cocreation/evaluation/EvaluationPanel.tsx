import { useEffect, useMemo, useRef, useState } from 'react';
import { compareWithDecisions } from '../../../../shared/cocreation/evaluation';
import { useT } from '../../i18n/useT';
import type { CoPanelProps } from '../panel';
import { CompareView } from './CompareView';
import { IndicatorsView } from './IndicatorsView';
import { QuestionsView } from './QuestionsView';
import { SessionBar } from './SessionBar';
import { SessionLogView } from './SessionLogView';
import { StoriesView } from './StoriesView';
import { useEvaluation } from './useEvaluation';
import '../goals/goals.css';
import './evaluation.css';
import { PanelHead } from '../PanelHead';

type View = 'questions' | 'indicators' | 'stories' | 'compare' | 'log';
const VIEWS: ReadonlyArray<{ id: View; key: 'evalTabQuestions' | 'evalTabIndicators' | 'evalTabStories' | 'evalTabCompare' | 'evalTabLog' }> = [
  { id: 'questions', key: 'evalTabQuestions' },
  { id: 'indicators', key: 'evalTabIndicators' },
  { id: 'stories', key: 'evalTabStories' },
  { id: 'compare', key: 'evalTabCompare' },
  { id: 'log', key: 'evalTabLog' },
];

/**
 * Evaluation: the manifesto's Appendix 1 questions answered per session,
 * indicators measured per session, stories, and a comparison with what was
 * decided. A group opens a new session later and compares.
 */
export function EvaluationPanel({ boardId, params, conn, items, identity, canEdit, onClose }: CoPanelProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const { state, decisionsVersion } = useEvaluation(conn.doc);
  const [view, setView] = useState<View>('questions');
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState('');
  // The chosen session, else the latest one (a session someone else removed falls back too).
  const session = state.sessions.find((s) => s.id === chosen) ?? state.sessions.at(-1) ?? null;
  const editor = canEdit && identity ? identity.role : null;
  const me = canEdit ? identity : null;
  const comparison = useMemo(
    () => (view === 'compare' ? compareWithDecisions(conn.doc, state) : null),
    // decisionsVersion and items: goals, the vote round and idea texts live outside `state`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, conn.doc, state, decisionsVersion, items],
  );
  const empty =
    !!session &&
    ![...(state.answers.get(session.id)?.values() ?? [])].some((a) => a.text.trim()) &&
    ![...state.measures.values()].some((m) => m.has(session.id)) &&
    !state.stories.some((s) => s.session === session.id);

  return (
    <section className="co-panel eval-panel" aria-labelledby="eval-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="eval-title" headingRef={heading} onClose={onClose}>
        {t('evalTitle')}
      </PanelHead>
      <p className="muted">{t('evalIntro')}</p>
      <SessionBar doc={conn.doc} sessions={state.sessions} current={session} onSelect={setChosen} editor={editor} currentEmpty={empty} onError={setError} />
      {error && (
        <p className="goals-error" role="alert">
          {error}
        </p>
      )}
      <div className="goals-views" role="group" aria-label={t('evalViews')}>
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-pressed={view === v.id} onClick={() => setView(v.id)}>
            {t(v.key)}
          </button>
        ))}
      </div>
      {session && view === 'questions' && <QuestionsView key={session.id} doc={conn.doc} state={state} session={session} editor={editor} onError={setError} />}
      {session && view === 'indicators' && <IndicatorsView key={session.id} doc={conn.doc} state={state} session={session} editor={editor} onError={setError} />}
      {session && view === 'stories' && <StoriesView doc={conn.doc} state={state} session={session} me={me} onError={setError} />}
      {view === 'compare' && comparison && <CompareView state={state} comparison={comparison} />}
      {view === 'log' && <SessionLogView doc={conn.doc} boardId={boardId} params={params} />}
    </section>
  );
}
