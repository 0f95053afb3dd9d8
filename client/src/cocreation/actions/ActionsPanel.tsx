import { useEffect, useMemo, useRef, useState } from 'react';
import { actionSummary, localDay } from '../../../../shared/cocreation/actions';
import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import type { CoPanelProps } from '../panel';
import { PanelHead } from '../PanelHead';
import { ActionList } from './ActionList';
import { AddActionForm } from './AddActionForm';
import { PlanFrameControl } from './PlanFrameControl';
import { useActions, useDecisions } from './useActions';
import './actions.css';

/**
 * The action plan (issue 16): what will be done, by whom, by when and how it
 * stands, for every decision or idea it comes from. Everyone edits everything;
 * the plan can be put on the board as a frame that shows it live.
 */
export function ActionsPanel({ conn, items, identity, canEdit, anonymous, onClose }: CoPanelProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const { actions, planFrameMark } = useActions(conn.doc);
  const decisionState = useDecisions(conn.doc);
  const [error, setError] = useState('');
  // Read at each render: "late" follows the calendar of the people in the room.
  const today = localDay();
  const decisions = useMemo(() => new Map(decisionState.decisions.map((d) => [d.id, d])), [decisionState]);
  const ideaList = useMemo(() => items.filter((i): i is BoardItem => i.kind === 'idea').sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)), [items]);
  const ideas = useMemo(() => new Map(ideaList.map((i) => [i.id, i])), [ideaList]);
  const editor = canEdit && identity ? identity.role : null;
  const sum = actionSummary(actions, today);
  const vars = Object.fromEntries(Object.entries(sum).map(([k, n]) => [k, String(n)]));

  return (
    <section className="co-panel act-panel" aria-labelledby="act-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="act-title" headingRef={heading} onClose={onClose}>
        {t('actTitle')}
      </PanelHead>
      <p className="muted">{t('actIntro')}</p>
      {actions.length > 0 && <p className="act-summary">{t('actSummary', vars)}</p>}
      {!editor && <p className="co-empty">{canEdit ? t('actJoinFirst') : t('actObserver')}</p>}
      <PlanFrameControl conn={conn} items={items} mark={planFrameMark} actionCount={actions.length} identity={editor ? identity : null} onError={setError} />
      <ActionList doc={conn.doc} actions={actions} decisions={decisions} ideas={ideas} today={today} editor={editor} onError={setError} />
      {/* Between the list and the form: near both the row and the form a message can come from. */}
      {error && (
        <p className="act-error" role="alert">
          {error}
        </p>
      )}
      {editor && <AddActionForm doc={conn.doc} decisions={decisionState.decisions.filter((d) => !d.revoked)} ideas={ideaList} editor={editor} anonymous={anonymous} onError={setError} />}
    </section>
  );
}
