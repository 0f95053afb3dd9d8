import { useMemo, useState } from 'react';
import { consent, presentPeople, setDone, setReady, stepLabel, timerLeft, SessionError, type Proposal, type SessionState } from '../../../shared/cocreation/session';
import { roleLabel } from '../../../shared/roles';
import type { PresenceUser } from '../board/presence';
import { useNamesHidden } from '../board/names';
import type { StringKey } from '../i18n/strings';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { useServerNow } from '../state/serverNow';
import type { Ballot } from './useBallot';
import { useTick } from './hooks';

interface Props {
  conn: BoardConnection;
  session: SessionState;
  users: PresenceUser[];
  me: string;
  canEdit: boolean;
  ballot: Ballot;
  onVote(): void;
}

/** 754 000 ms → "12:34". */
const clock = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

/** What the open proposal asks, in a sentence (the phases strip's texts). */
function proposalText(t: ReturnType<typeof useT>, p: Proposal, s: SessionState, lang: 'da' | 'en', anonymous: boolean): string {
  const role = roleLabel(p.by.role, lang, p.by.roleText);
  const who = anonymous || !p.by.name ? role : `${p.by.name} (${role})`;
  if (p.kind === 'timer') return t('phasesProposalTimer', { who, n: String(p.minutes), step: stepLabel(s.current, lang) });
  const to = s.agenda.find((x) => x.id === p.step);
  return t(p.next ? 'phasesProposalNext' : 'phasesProposalGoto', { who, step: to ? stepLabel(to, lang) : p.step });
}

/** Screen 1: the phase and its question, the timer, the open proposal (Ready / Not yet) and my "done" mark. */
export function NowScreen({ conn, session: s, users, me, canEdit, ballot, onVote }: Props) {
  const t = useT();
  const lang = useUi((st) => st.lang);
  const anonymous = useNamesHidden();
  const now = useServerNow(conn);
  useTick(s.timer !== null);
  const [error, setError] = useState<string | null>(null);
  const present = useMemo(() => presentPeople(users), [users]);
  const index = s.agenda.findIndex((x) => x.id === s.current.id);
  // The same question per default phase as the room's presenter screen (i18n/parts/join.ts).
  const question = s.current.phase ? t(`presentQ_${s.current.phase}` as StringKey) : null;
  const left = s.timer ? timerLeft(s.timer, now()) : null;
  const verdict = s.proposal ? consent(s.proposal, s.ready, present) : null;
  const mine = s.proposal ? (s.ready.get(me) ?? (s.proposal.by.key === me ? true : undefined)) : undefined;
  const iAmDone = s.done.has(me);

  const run = (fn: () => void) => {
    try {
      fn();
      setError(null);
    } catch (e) {
      if (!(e instanceof SessionError)) throw e;
      setError(t('phoneErrFailed', { reason: e.message }));
    }
  };

  return (
    <section className="phone-screen" aria-labelledby="phone-now-title" data-screen="now">
      <h2 id="phone-now-title" tabIndex={-1}>{t('phoneNowTitle')}</h2>
      <div className="phone-card phone-phase" data-step-id={s.current.id}>
        <p className="phone-kicker">{t('phoneStepOf', { n: String(index + 1), m: String(s.agenda.length) })}</p>
        <p className="phone-phase-name">{stepLabel(s.current, lang)}</p>
        {question && <p className="phone-question">{question}</p>}
        {left && (
          <p className={left.up ? 'phone-timer up' : 'phone-timer'} role="timer" data-left-ms={left.leftMs}>
            {left.up ? t('phoneTimeUp') : t('phoneTimeLeft', { time: clock(left.leftMs) })}
          </p>
        )}
      </div>

      {error && (
        <p className="phone-message error" role="alert">
          {error}
        </p>
      )}

      <div className="phone-card" aria-live="polite">
        {s.proposal && verdict ? (
          <div className="phone-proposal" data-proposal-id={s.proposal.id}>
            <h3>{t('phasesProposal')}</h3>
            <p>{proposalText(t, s.proposal, s, lang, anonymous)}</p>
            <p className="phone-muted" data-ready={verdict.ready.length} data-total={present.length}>
              {t('phoneReadyCount', { n: String(verdict.ready.length), m: String(present.length) })}
            </p>
            {canEdit && (
              <div className="phone-actions">
                <button type="button" className="primary" aria-pressed={mine === true} onClick={() => run(() => s.proposal && setReady(conn.doc, s.proposal.id, me, true, 'cocreation'))}>
                  {mine === true && <span aria-hidden="true">✓ </span>}
                  {t('phasesReady')}
                </button>
                <button type="button" aria-pressed={mine === false} onClick={() => run(() => s.proposal && setReady(conn.doc, s.proposal.id, me, false, 'cocreation'))}>
                  {mine === false && <span aria-hidden="true">✗ </span>}
                  {t('phasesNotYet')}
                </button>
              </div>
            )}
          </div>
        ) : (
          <p className="phone-muted">{t('phoneNoProposal')}</p>
        )}
      </div>

      {ballot.open && (
        <div className="phone-card phone-round">
          <h3>{t('voteTitle')}</h3>
          <p>{t('phoneRoundOpen', { used: String(ballot.used), dots: String(ballot.dots) })}</p>
          <button type="button" className="primary phone-wide" onClick={onVote}>
            {t('phoneGoVote')}
          </button>
        </div>
      )}

      {canEdit && (
        <div className="phone-card">
          <button type="button" className="phone-wide phone-done" aria-pressed={iAmDone} onClick={() => run(() => setDone(conn.doc, s.current.id, me, !iAmDone, 'cocreation'))}>
            <span aria-hidden="true">{iAmDone ? '☑ ' : '☐ '}</span>
            {t('phoneDone')}
          </button>
          <p className="phone-muted">{t('phoneDoneCount', { n: String(s.done.size), m: String(present.length) })}</p>
        </div>
      )}
    </section>
  );
}
