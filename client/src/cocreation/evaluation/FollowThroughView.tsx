import type { FollowThrough } from '../../../../shared/cocreation/evaluation';
import type { EvaluationState } from '../../../../shared/cocreation/evaluation';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { formatDay } from '../../i18n/formatDay';

interface Props {
  follow: FollowThrough;
  state: EvaluationState;
}

const PROGRESS_KEY = {
  planned: 'ftProgress_planned',
  underway: 'ftProgress_underway',
  done: 'ftProgress_done',
  dropped: 'ftProgress_dropped',
  late: 'ftProgress_late',
} as const;

/**
 * The comparison's follow-through part: each decision agreed by consent with
 * the actions that came from it and how each stands today (done, late,
 * dropped…), next to the manifesto's first Appendix 1 question and the
 * group's latest answer to it. Status is written out, never colour alone.
 */
export function FollowThroughView({ follow, state }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const s = follow.summary;
  const answered = [...state.sessions].reverse().map((session) => ({ session, text: state.answers.get(session.id)?.get('what-1')?.text.trim() ?? '' })).find((a) => a.text);
  const day = (iso: string) => formatDay(Date.parse(`${iso}T12:00:00`), lang);
  const fromIdea = follow.actions.filter((a) => a.source.kind === 'idea' || !follow.decisions.some((d) => d.id === a.source.id));

  const actionList = (list: FollowThrough['actions']) => (
    <ul className="ft-actions">
      {list.map((a) => (
        <li key={a.id} data-action={a.what} data-progress={a.progress}>
          <span className={`eval-chip ft-${a.progress}`}>{t(PROGRESS_KEY[a.progress])}</span> <span>{a.what}</span>
          {(a.who || a.due) && (
            <span className="muted small">
              {' '}
              — {[a.who, a.due ? t('ftDue', { date: day(a.due) }) : ''].filter(Boolean).join(', ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="eval-cmp-follow" className="eval-cmp-box">
      <h3 id="eval-cmp-follow">{t('ftTitle')}</h3>
      <p className="muted small">{t('ftIntro')}</p>
      <p className="small">
        <em>{t('ftQuestion')}</em>
        {answered && (
          <>
            <br />
            {t('ftAnswered', { session: answered.session.label })} {answered.text}
          </>
        )}
      </p>
      {follow.actions.length > 0 && (
        <p className="eval-cmp-summary" data-done={s.done} data-late={s.late} data-dropped={s.dropped}>
          <strong>{t('ftSummary', { done: String(s.done), underway: String(s.underway), planned: String(s.planned), late: String(s.late), dropped: String(s.dropped) })}</strong>
        </p>
      )}
      {follow.decisions.length === 0 ? (
        <p className="co-empty">{t('ftNoDecisions')}</p>
      ) : (
        <ul className="ft-decisions">
          {follow.decisions.map((d) => {
            const mine = follow.actions.filter((a) => a.source.kind === 'decision' && a.source.id === d.id);
            return (
              <li key={d.id} data-decision={d.wording}>
                <strong>{d.wording}</strong> {d.revoked && <span className="eval-chip ft-dropped">{t('ftRevoked')}</span>}{' '}
                <span className="muted small">{t('ftDecidedOn', { date: formatDay(d.decidedAt, lang) })}</span>
                {mine.length > 0 ? actionList(mine) : <p className="muted small">{t('ftWithout')}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {fromIdea.length > 0 && actionList(fromIdea)}
      {follow.actions.length === 0 && follow.decisions.length > 0 && <p className="co-empty">{t('ftNoActions')}</p>}
    </section>
  );
}
