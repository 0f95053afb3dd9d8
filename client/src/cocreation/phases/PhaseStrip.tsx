import { useEffect, useMemo, useRef, useState } from 'react';
import {
  applyProposal,
  consent,
  presentPeople,
  propose,
  SessionError,
  setDone,
  stepLabel,
  timerLeft,
  type Person,
  type ProposalInput,
} from '../../../../shared/cocreation/session';
import { roleInfo } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { InSlot } from '../../ui/slots';
import type { CoPanelProps } from '../panel';
import { AgendaDialog } from './AgendaDialog';
import { useServerNow } from './clock';
import { clockText, personLabel } from './format';
import { usePresenceSettled } from './usePresenceSettled';
import { useSessionAction } from './useSessionAction';
import { PhasePanel } from './PhasePanel';
import { personKey } from '../deviceKey';
import { decisionSentence, ProposalPrompt, proposalSentence, SessionNotice } from './ProposalPrompt';
import { useSession, useTick } from './useSession';
import { useIdle } from '../../board/useIdle';
import { useComeBack } from './useComeBack';
import { WhoCounts } from './WhoCounts';
import './phases.css';

/** How long "everyone was ready: …" stays on screen after a decision. */
const AGREED_NOTICE_MS = 10_000;

/**
 * The session agenda at the left of the method bar (issue 4 item 6): the steps
 * with the current one, its timer, my "done" toggle, and proposals decided by
 * consent (docs/cocreation-phases.md). Every client that sees a proposal pass
 * applies it; applying is idempotent, so it does not matter who is first.
 */
export function PhaseStrip({ boardId, conn, users, identity, canEdit, anonymous }: Omit<CoPanelProps, 'onClose'>) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const doc = conn.doc;
  const s = useSession(doc);
  const now = useServerNow(conn);
  useTick();
  const [panel, setPanel] = useState(false);
  const [editing, setEditing] = useState(false);
  const { error, clearError, run } = useSessionAction();
  const panelButton = useRef<HTMLButtonElement>(null);

  const me: Person | null = useMemo(
    () => (identity && canEdit ? { key: personKey(boardId), role: identity.role, name: identity.name, roleText: identity.roleText ?? '' } : null),
    [boardId, identity, canEdit],
  );
  const present = useMemo(() => presentPeople(users), [users]);
  // This tab publishes when it is idle, and clears my away mark when I am back (issue 17).
  useIdle(canEdit ? conn.provider.awareness : null, useComeBack(doc, me?.key ?? null));
  const verdict = s.proposal ? consent(s.proposal, s.ready, present) : null;

  // Whoever sees consent first carries the proposal out (guarded: only while it is still the open one),
  // but only with a live view of who is present: offline, the others vanish from presence.
  const agreed = verdict?.passed && s.proposal ? s.proposal.id : null;
  const settled = usePresenceSettled(conn);
  useEffect(() => {
    if (agreed && canEdit && settled) applyProposal(doc, agreed, now(), 'cocreation');
  }, [agreed, canEdit, doc, now, settled]);

  const doPropose = (input: ProposalInput) =>
    run(() => {
      if (!me) throw new SessionError('person', 'no identity');
      propose(doc, input, me, now(), 'cocreation');
    });

  const index = s.agenda.findIndex((x) => x.id === s.current.id);
  const label = stepLabel(s.current, lang);
  const timer = s.timer ? timerLeft(s.timer, now()) : null;
  const doneHere = present.filter((p) => s.done.has(p.key));
  const mineDone = me ? s.done.has(me.key) : false;
  const recent = s.last && !s.proposal && now() - s.last.closed.at < AGREED_NOTICE_MS ? s.last : null;

  const whoCounts = (heading: 'h2' | 'h3') => <WhoCounts users={users} me={me} anonymous={anonymous} doc={doc} now={now} run={run} heading={heading} />;

  // The dialog is removed rather than closed natively, so focus goes back to its opener by hand.
  const closeEditor = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById('phases-edit-agenda')?.focus());
  };
  const closePanel = () => {
    setPanel(false);
    panelButton.current?.focus();
  };

  // Said once to screen readers when it changes: a new proposal, a decision, time up.
  const announce = s.proposal
    ? proposalSentence(t, s.proposal, s, lang, anonymous)
    : recent
      ? decisionSentence(t, recent, s, lang)
      : timer?.up
        ? t('phasesTimeUp')
        : '';

  return (
    <div className="ph-strip" role="group" aria-label={t('phasesStrip')}>
      <ol className="ph-steps" aria-label={t('phasesAgenda')}>
        {s.agenda.map((step, i) => {
          const current = step.id === s.current.id;
          const name = stepLabel(step, lang);
          return (
            <li key={step.id} className={current ? 'ph-step current' : i < index ? 'ph-step past' : 'ph-step'} aria-current={current ? 'step' : undefined} title={name} data-step-id={step.id}>
              <span className="ph-num" aria-hidden="true">
                {i + 1}
              </span>
              {current ? <span className="ph-label">{name}</span> : <span className="visually-hidden">{name}</span>}
            </li>
          );
        })}
      </ol>
      {s.timer && timer && (
        <span className={timer.up ? 'ph-timer up' : 'ph-timer'} role="timer" aria-label={timer.up ? t('phasesTimeUp') : t('phasesTimerLeft', { step: label, time: clockText(timer.leftMs) })} data-left-ms={timer.leftMs}>
          <span aria-hidden="true">
            <svg className="ph-clock" viewBox="0 0 16 16" width="14" height="14">
              <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M8 5.5V9l2.3 1.6M6 1.5h4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {timer.up ? t('phasesTimeUp') : clockText(timer.leftMs)}
          </span>
        </span>
      )}
      <button
        type="button"
        className="co-button ph-done"
        aria-pressed={mineDone}
        disabled={!me}
        onClick={() => me && run(() => setDone(doc, s.current.id, me.key, !mineDone, 'cocreation'))}
      >
        <span aria-hidden="true">{mineDone ? '✓' : '○'}</span> {t('phasesDone')}
        <span className="ph-count" data-done={doneHere.length} data-present={present.length}>
          <span aria-hidden="true">
            {doneHere.length}/{present.length}
          </span>
          <span className="visually-hidden">, {t.plural('phasesDoneCount', doneHere.length, { m: String(present.length) })}</span>
        </span>
        {doneHere.length > 0 && (
          <span className="ph-swatches" aria-hidden="true">
            {doneHere.slice(0, 5).map((p) => (
              <span key={p.key} className="ph-swatch" style={{ background: roleInfo(p.role).color }} title={personLabel(p, lang, anonymous)} />
            ))}
          </span>
        )}
      </button>
      <button ref={panelButton} type="button" className="co-button" aria-expanded={panel} aria-controls="phases-panel" onClick={() => setPanel((p) => !p)}>
        {t('phasesMore')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {announce}
      </span>
      {/* Under the add-card toolbar, in the canvas area: beside any open side panel and never over the toolbar. */}
      <InSlot slot="notices">
        {error && !panel && !editing && (
          <p className="ph-error" role="alert">
            {error}{' '}
            <button type="button" onClick={clearError}>
              {t('close')}
            </button>
          </p>
        )}
        {s.proposal && verdict && (
          <ProposalPrompt
            session={s}
            proposal={s.proposal}
            verdict={verdict}
            me={me}
            anonymous={anonymous}
            run={run}
            doc={doc}
            now={now}
            whoCounts={whoCounts('h3')}
          />
        )}
        {!s.proposal && (recent || timer?.up) && (
          <SessionNotice session={s} recent={recent} timeUp={timer?.up === true} canPropose={me !== null} onPropose={doPropose} />
        )}
      </InSlot>
      {panel && (
        <PhasePanel
          session={s}
          present={present}
          me={me}
          anonymous={anonymous}
          error={error}
          onPropose={doPropose}
          onEdit={() => setEditing(true)}
          onClose={closePanel}
          whoCounts={whoCounts('h3')}
        />
      )}
      {editing && <AgendaDialog doc={doc} session={s} canEdit={me !== null} onClose={closeEditor} />}
    </div>
  );
}
