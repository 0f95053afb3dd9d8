import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { MAX_TIMER_MINUTES, MIN_TIMER_MINUTES, nextStep, stepLabel, type Person, type ProposalInput, type SessionState } from '../../../../shared/cocreation/session';
import { roleInfo } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { personLabel } from './format';
import { PanelHead } from '../PanelHead';

interface Props {
  session: SessionState;
  present: Person[];
  me: Person | null;
  anonymous: boolean;
  error: string | null;
  onPropose(input: ProposalInput): boolean;
  onEdit(): void;
  /** Closes and gives focus back to the strip's button. */
  onClose(): void;
  /** Who counts for consent (WhoCounts). */
  whoCounts: ReactNode;
}

/**
 * The session in full (a popover under the strip): the whole agenda with
 * "propose going here", a timer proposal, and who is done with the step.
 * Closes with Escape, its close button, or a click elsewhere.
 */
export function PhasePanel({ session: s, present, me, anonymous, error, onPropose, onEdit, onClose, whoCounts }: Props) {
  const t = useT();
  const lang = useUi((st) => st.lang);
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [minutes, setMinutes] = useState('10');
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  // A click elsewhere closes the popover (not one in the agenda dialog it opened, nor its own toggle).
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target as Element | null;
      if (!target || root.current?.contains(target) || target.closest('dialog, [aria-controls="phases-panel"]')) return;
      close.current();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, []);

  const submitTimer = (e: FormEvent) => {
    e.preventDefault();
    // Anything that is not a whole number of minutes ('' reads as 0) is refused by propose() with a clear message.
    if (onPropose({ kind: 'timer', minutes: Number(minutes) })) onClose();
  };
  const current = stepLabel(s.current, lang);
  const next = nextStep(s);
  // Proposing the very proposal that is open would only reset everyone's ready marks.
  const sameOpen = s.proposal?.kind === 'step' && s.proposal.step === next?.id;

  return (
    <section
      ref={root}
      id="phases-panel"
      className="co-panel ph-panel"
      aria-labelledby="phases-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <PanelHead id="phases-panel-title" headingRef={heading} onClose={onClose}>
        {t('phasesPanelTitle')}
      </PanelHead>
      <p className="muted small">{t('phasesPanelIntro')}</p>
      {error && (
        <p className="ph-error" role="alert">
          {error}
        </p>
      )}
      {me && (
        <button
          type="button"
          className="primary ph-next"
          disabled={!next || sameOpen}
          onClick={() => next && onPropose({ kind: 'next' }) && onClose()}
        >
          {next ? t('phasesProposeNextTo', { step: stepLabel(next, lang) }) : t('phasesErrNoNext')}
        </button>
      )}
      <h3>{t('phasesAgenda')}</h3>
      <ol className="ph-agenda">
        {s.agenda.map((step) => {
          const name = stepLabel(step, lang);
          const here = step.id === s.current.id;
          return (
            <li key={step.id} aria-current={here ? 'step' : undefined} data-step-id={step.id}>
              <span className="ph-agenda-name">
                {name}
                {here && <span className="co-badge ph-now">{t('phasesNow')}</span>}
              </span>
              {!here && me && (
                <button type="button" className="small" aria-label={t('phasesGotoLabel', { step: name })} onClick={() => onPropose({ kind: 'goto', step: step.id }) && onClose()}>
                  {t('phasesGoto')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {me && (
        <button type="button" id="phases-edit-agenda" className="secondary" onClick={onEdit}>
          {t('phasesEditAgenda')}
        </button>
      )}
      {me && (
        <form onSubmit={submitTimer} noValidate>
          <h3>{t('phasesTimerHeading')}</h3>
          <div className="co-row">
            <label htmlFor="phases-minutes">{t('phasesMinutes')}</label>
            <input id="phases-minutes" type="number" inputMode="numeric" min={MIN_TIMER_MINUTES} max={MAX_TIMER_MINUTES} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
            <button type="submit" className="primary">
              {t('phasesProposeTimer')}
            </button>
          </div>
        </form>
      )}
      <h3>{t('phasesWhoDone', { step: current })}</h3>
      {present.length === 0 ? (
        <p className="co-empty">{t('phasesNobodyHere')}</p>
      ) : (
        <ul className="ph-people ph-done-list">
          {present.map((p) => {
            const done = s.done.has(p.key);
            return (
              <li key={p.key} data-person-state={done ? 'done' : 'not-done'}>
                <span className="ph-swatch" style={{ background: roleInfo(p.role).color }} aria-hidden="true" />
                <span aria-hidden="true" className="ph-mark">
                  {done ? '✓' : '…'}
                </span>
                {personLabel(p, lang, anonymous)}
                {me?.key === p.key && ` (${t('phasesYou')})`}: {done ? t('phasesIsDone') : t('phasesNotDone')}
              </li>
            );
          })}
        </ul>
      )}
      {whoCounts}
      {!me && <p className="muted small">{t('phasesObserver')}</p>}
    </section>
  );
}
