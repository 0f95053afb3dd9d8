import { useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import {
  nextStep,
  setReady,
  stepLabel,
  withdraw,
  type Consent,
  type Person,
  type Proposal,
  type ProposalInput,
  type SessionState,
} from '../../../../shared/cocreation/session';
import { roleInfo } from '../../../../shared/roles';
import type { StringKey } from '../../i18n/strings';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { personLabel } from './format';

type T = (key: StringKey, vars?: Record<string, string>) => string;

function stepName(s: SessionState, id: string, lang: 'da' | 'en'): string {
  const step = s.agenda.find((x) => x.id === id) ?? s.removed.find((x) => x.id === id);
  return step ? stepLabel(step, lang) : id;
}

/** "Ann (Borger) proposes moving on to Idea generation." */
export function proposalSentence(t: T, p: Proposal, s: SessionState, lang: 'da' | 'en', anonymous: boolean): string {
  const who = personLabel(p.by, lang, anonymous);
  if (p.kind === 'timer') return t('phasesProposalTimer', { who, n: String(p.minutes), step: stepLabel(s.current, lang) });
  return t(p.next ? 'phasesProposalNext' : 'phasesProposalGoto', { who, step: stepName(s, p.step, lang) });
}

/** What the latest closed proposal did. */
export function decisionSentence(t: T, last: NonNullable<SessionState['last']>, s: SessionState, lang: 'da' | 'en'): string {
  if (last.closed.outcome === 'withdrawn') return t('phasesWithdrawn');
  if (last.proposal.kind === 'timer') return t('phasesAgreedTimer', { n: String(last.proposal.minutes) });
  return t('phasesAgreedStep', { step: stepLabel(s.current, lang) });
}

interface PromptProps {
  session: SessionState;
  proposal: Proposal;
  verdict: Consent;
  me: Person | null;
  anonymous: boolean;
  run(fn: () => void): boolean;
  doc: Y.Doc;
  now(): number;
  /** Who counts for consent (WhoCounts), behind a toggle. */
  whoCounts: ReactNode;
}

/**
 * The open proposal, for everyone: who proposed what, who is ready, and
 * "Ready" / "Not yet" / "Withdraw". It does not take focus: someone typing
 * in a card keeps typing; the method bar announces it politely.
 */
export function ProposalPrompt({ session, proposal, verdict, me, anonymous, run, doc, now, whoCounts }: PromptProps) {
  const t = useT();
  const [showWho, setShowWho] = useState(false);
  const lang = useUi((s) => s.lang);
  const mine = me ? (session.ready.get(me.key) ?? (proposal.by.key === me.key ? true : undefined)) : undefined;
  const total = verdict.ready.length + verdict.notYet.length + verdict.waiting.length;
  const rows: Array<[Person, 'ready' | 'not-yet' | 'waiting']> = [
    ...verdict.ready.map((p) => [p, 'ready'] as [Person, 'ready']),
    ...verdict.notYet.map((p) => [p, 'not-yet'] as [Person, 'not-yet']),
    ...verdict.waiting.map((p) => [p, 'waiting'] as [Person, 'waiting']),
  ];
  const stateText = { ready: t('phasesStateReady'), 'not-yet': t('phasesStateNotYet'), waiting: t('phasesStateWaiting') };

  return (
    <section className="ph-prompt" aria-labelledby="ph-prompt-title" data-proposal-id={proposal.id} data-proposal-kind={proposal.kind}>
      <h2 id="ph-prompt-title" className="co-kicker">
        {t('phasesProposal')}
      </h2>
      <p className="ph-prompt-text">{proposalSentence(t, proposal, session, lang, anonymous)}</p>
      <p className="ph-prompt-count" data-ready={verdict.ready.length} data-total={total}>
        <strong>{t('phasesReadyCount', { n: String(verdict.ready.length), m: String(total) })}</strong> · <span className="muted">{t('phasesRule')}</span>
      </p>
      <ul className="ph-people">
        {rows.map(([p, state]) => (
          <li key={p.key} data-person-state={state}>
            <span className="ph-swatch" style={{ background: roleInfo(p.role).color }} aria-hidden="true" />
            <span aria-hidden="true" className="ph-mark">
              {state === 'ready' ? '✓' : state === 'not-yet' ? '✗' : '…'}
            </span>
            {personLabel(p, lang, anonymous)}
            {me?.key === p.key && ` (${t('phasesYou')})`}
            <span className="visually-hidden">: {stateText[state]}</span>
          </li>
        ))}
      </ul>
      {me ? (
        <div className="co-actions">
          <button type="button" className="primary" aria-pressed={mine === true} onClick={() => run(() => setReady(doc, proposal.id, me.key, true, 'cocreation'))}>
            {mine === true && <span aria-hidden="true">✓ </span>}
            {t('phasesReady')}
          </button>
          <button type="button" aria-pressed={mine === false} onClick={() => run(() => setReady(doc, proposal.id, me.key, false, 'cocreation'))}>
            {t('phasesNotYet')}
          </button>
          <button type="button" className="secondary" onClick={() => run(() => withdraw(doc, proposal.id, now(), 'cocreation'))}>
            {t('phasesWithdraw')}
          </button>
        </div>
      ) : (
        <p className="muted small">{t('phasesObserver')}</p>
      )}
      <button type="button" className="secondary small ph-who-toggle" aria-expanded={showWho} onClick={() => setShowWho((v) => !v)}>
        {t('consentWhoCounts')}
      </button>
      {showWho && whoCounts}
    </section>
  );
}

interface NoticeProps {
  session: SessionState;
  recent: SessionState['last'];
  timeUp: boolean;
  canPropose: boolean;
  onPropose(input: ProposalInput): boolean;
}

/** A decision just made, or "time is up" (gentle, no sound) until someone proposes the next thing. */
export function SessionNotice({ session, recent, timeUp, canPropose, onPropose }: NoticeProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const next = nextStep(session);
  if (recent) {
    return (
      <section className="ph-prompt ph-notice" aria-label={t('phasesStrip')} data-outcome={recent.closed.outcome}>
        <p className="ph-prompt-text">{decisionSentence(t, recent, session, lang)}</p>
      </section>
    );
  }
  if (!timeUp) return null;
  return (
    <section className="ph-prompt ph-timeup" aria-labelledby="ph-timeup-title">
      <h2 id="ph-timeup-title" className="co-kicker">
        {t('phasesTimeUp')}
      </h2>
      <p className="ph-prompt-text">{t('phasesTimeUpNote', { step: stepLabel(session.current, lang) })}</p>
      {canPropose && (
        <div className="co-actions">
          {next && (
            <button type="button" onClick={() => onPropose({ kind: 'next' })}>
              {t('phasesProposeNextTo', { step: stepLabel(next, lang) })}
            </button>
          )}
          <button type="button" onClick={() => onPropose({ kind: 'timer', minutes: 5 })}>
            {t('phasesMoreTime')}
          </button>
        </div>
      )}
    </section>
  );
}
