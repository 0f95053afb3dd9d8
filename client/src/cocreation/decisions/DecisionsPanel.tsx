import { useEffect, useMemo, useRef } from 'react';
import { presentPeople, type Person } from '../../../../shared/cocreation/session';
import { useT } from '../../i18n/useT';
import { PanelHead } from '../PanelHead';
import { personKey } from '../deviceKey';
import type { CoPanelProps } from '../panel';
import { useServerNow } from '../phases/clock';
import { DecisionItem } from './DecisionItem';
import { useDecisionAction } from './errors';
import { OpenProposal } from './OpenProposal';
import { ProposeForm } from './ProposeForm';
import { useDecisions } from './store';
import './decisions.css';

/**
 * Decisions by consent (issue 16; shared/cocreation/decisions.ts): propose
 * that ideas (or a frame of ideas) are decided, consent as in the phase strip,
 * the decisions made with their history, and revisiting them. Consent is
 * carried out by DecisionsBadge, which stays mounted when this panel is closed.
 */
export function DecisionsPanel({ boardId, conn, items, users, identity, canEdit, anonymous, onClose }: CoPanelProps) {
  const t = useT();
  const doc = conn.doc;
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  // Keyboard users land in the panel when it opens, unless a card's request already put them in the wording
  // field (the form's effect runs first: children before parents).
  useEffect(() => {
    if (!panel.current?.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
  }, []);
  const state = useDecisions(doc);
  const now = useServerNow(conn);
  const { error, run } = useDecisionAction();
  const me: Person | null = useMemo(
    () => (identity && canEdit ? { key: personKey(boardId), role: identity.role, name: identity.name, roleText: identity.roleText ?? '' } : null),
    [boardId, identity, canEdit],
  );
  const present = useMemo(() => presentPeople(users), [users]);
  const revisiting = new Set(state.open.flatMap((o) => (o.proposal.kind === 'revisit' ? [o.proposal.decision] : [])));
  const decisions = [...state.decisions].reverse();

  return (
    <section ref={panel} className="co-panel decisions-panel" aria-labelledby="decisions-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="decisions-title" headingRef={heading} onClose={onClose}>
        {t('decisionsTitle')}
      </PanelHead>
      <p className="muted">{t('decisionsIntro')}</p>
      {error && (
        <p className="decision-error" role="alert">
          {error}
        </p>
      )}
      {!me && <p className="co-empty">{t('decisionsObserver')}</p>}

      <section aria-labelledby="decisions-open-title">
        <h3 id="decisions-open-title">{t('decisionsOpenTitle')}</h3>
        {state.open.length === 0 ? (
          <p className="muted">{t('decisionsNoneOpen')}</p>
        ) : (
          <ul className="decision-list">
            {state.open.map((o) => (
              <OpenProposal
                key={o.proposal.id}
                doc={doc}
                open={o}
                decision={o.proposal.kind === 'revisit' ? state.decisions.find((d) => d.id === (o.proposal as { decision: string }).decision) : undefined}
                items={items}
                present={present}
                me={me}
                anonymous={anonymous}
                now={now}
                run={run}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decisions-made-title">
        <h3 id="decisions-made-title">{t('decisionsListTitle')}</h3>
        {decisions.length === 0 ? (
          <p className="muted">{t('decisionsNone')}</p>
        ) : (
          <ul className="decision-list">
            {decisions.map((d) => (
              <DecisionItem key={d.id} doc={doc} decision={d} items={items} me={me} anonymous={anonymous} revisiting={revisiting.has(d.id)} now={now} run={run} />
            ))}
          </ul>
        )}
      </section>

      {me && <ProposeForm doc={doc} items={items} me={me} anonymous={anonymous} now={now} run={run} />}
    </section>
  );
}
