import type * as Y from 'yjs';
import { decisionConsent, setDecisionReady, withdrawDecision, type Decision, type OpenDecisionProposal } from '../../../../shared/cocreation/decisions';
import type { Person } from '../../../../shared/cocreation/session';
import { roleInfo } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { personLabel } from '../phases/format';
import { whenText } from './format';
import { ItemLinks } from './ItemLinks';
import type { BoardItem } from '../../../../shared/model/schema';

interface Props {
  doc: Y.Doc;
  open: OpenDecisionProposal;
  /** The decision a revisit is about. */
  decision: Decision | undefined;
  items: BoardItem[];
  present: Person[];
  me: Person | null;
  anonymous: boolean;
  now(): number;
  run(fn: () => void): boolean;
}

/**
 * One open proposal: what is proposed, by whom, and where consent stands among
 * the people present (as in the phase strip: ready / not yet / not answered),
 * with "Ready", "Not yet" and "Withdraw".
 */
export function OpenProposal({ doc, open, decision, items, present, me, anonymous, now, run }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const p = open.proposal;
  const verdict = decisionConsent(open, present);
  const mine = me ? (open.marks.get(me.key) ?? (p.by.key === me.key ? true : undefined)) : undefined;
  const total = verdict.ready.length + verdict.notYet.length + verdict.waiting.length;
  const rows: Array<[Person, 'ready' | 'not-yet' | 'waiting']> = [
    ...verdict.ready.map((x) => [x, 'ready'] as [Person, 'ready']),
    ...verdict.notYet.map((x) => [x, 'not-yet'] as [Person, 'not-yet']),
    ...verdict.waiting.map((x) => [x, 'waiting'] as [Person, 'waiting']),
  ];
  const stateText = { ready: t('decisionsStateReady'), 'not-yet': t('decisionsStateNotYet'), waiting: t('decisionsStateWaiting') };
  const titleId = `decision-open-${p.id}`;
  const old = decision?.wording ?? '';

  return (
    <li className="decision-open" data-proposal-id={p.id} data-proposal-kind={p.kind}>
      <section aria-labelledby={titleId}>
        {p.kind === 'decide' ? (
          <h4 id={titleId} className="decision-wording">
            {p.wording}
          </h4>
        ) : p.wording ? (
          <>
            <p className="muted small">{t('decisionsRevisitOf', { old })}</p>
            <h4 id={titleId} className="decision-wording">
              {p.wording}
            </h4>
          </>
        ) : (
          <h4 id={titleId} className="decision-wording">
            {t('decisionsRevokeOf', { old })}
          </h4>
        )}
        {p.kind === 'decide' && <ItemLinks ids={p.ideas} frame={p.frame} items={items} />}
        <p className="muted small">
          {t('decisionsProposedBy', { who: personLabel(p.by, lang, anonymous) })} · {whenText(p.at, lang)}
        </p>
        <p className="decision-count" data-ready={verdict.ready.length} data-total={total}>
          <strong>{t('decisionsReadyCount', { n: String(verdict.ready.length), m: String(total) })}</strong> · <span className="muted">{t('decisionsRule')}</span>
        </p>
        <ul className="ph-people">
          {rows.map(([x, state]) => (
            <li key={x.key} data-person-state={state}>
              <span className="ph-swatch" style={{ background: roleInfo(x.role).color }} aria-hidden="true" />
              <span aria-hidden="true" className="ph-mark">
                {state === 'ready' ? '✓' : state === 'not-yet' ? '✗' : '…'}
              </span>
              {personLabel(x, lang, anonymous)}
              {me?.key === x.key && ` (${t('decisionsYou')})`}
              <span className="visually-hidden">: {stateText[state]}</span>
            </li>
          ))}
        </ul>
        {me && (
          <div className="co-actions">
            <button type="button" className="primary" aria-pressed={mine === true} onClick={() => run(() => setDecisionReady(doc, p.id, me.key, true, 'cocreation'))}>
              {mine === true && <span aria-hidden="true">✓ </span>}
              {t('decisionsReady')}
            </button>
            <button type="button" aria-pressed={mine === false} onClick={() => run(() => setDecisionReady(doc, p.id, me.key, false, 'cocreation'))}>
              {t('decisionsNotYet')}
            </button>
            <button type="button" className="secondary" onClick={() => run(() => withdrawDecision(doc, p.id, now(), 'cocreation'))}>
              {t('decisionsWithdraw')}
            </button>
          </div>
        )}
      </section>
    </li>
  );
}
