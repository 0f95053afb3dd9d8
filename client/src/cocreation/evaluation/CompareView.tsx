import type { Comparison, EvaluationState } from '../../../../shared/cocreation/evaluation';
import { STORY_KINDS } from '../../../../shared/cocreation/evaluation';
import { groupColor, groupEntries, groupLabel } from '../../../../shared/cocreation/smallRoles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { STATUS_KEY as GOAL_STATUS_KEY } from '../goals/format';
import { SmallRolesNote } from '../SmallRolesNote';
import { withUnit } from './IndicatorsView';
import { STATUS_KEY } from './status';
import { FollowThroughView } from './FollowThroughView';

interface Props {
  state: EvaluationState;
  comparison: Comparison;
}

/** What was decided (agreed goals with their revisit, the revealed vote, decisions and the action plan) beside what was measured across sessions. */
export function CompareView({ state, comparison }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const c = comparison.goalCounts;

  return (
    <div className="eval-compare">
      <p className="muted small">{t('evalCompareIntro')}</p>
      <div className="eval-compare-cols">
        <section aria-labelledby="eval-cmp-goals" className="eval-cmp-box">
          <h3 id="eval-cmp-goals">{t('evalCompareGoals')}</h3>
          {comparison.goals.length === 0 ? (
            <p className="co-empty">{t('goalsNoAgreed')}</p>
          ) : (
            <>
              <p className="eval-cmp-summary" data-met={c.met} data-total={c.total}>
                <strong>{t.plural('goalsSummaryAgreed', c.total, { met: String(c.met) })}</strong>
              </p>
              <ul className="eval-cmp-goals">
                {comparison.goals.map((g) => (
                  <li key={g.id} data-goal-id={g.id}>
                    <span className={`goals-chip status-${g.revisit?.status ?? 'none'}`}>{t(g.revisit ? GOAL_STATUS_KEY[g.revisit.status] : 'goalsStatus_none')}</span>{' '}
                    <span>{g.text}</span> <span className="muted small">({t(`goalsHorizon_${g.horizon}`).toLowerCase()})</span>
                    {g.revisit?.note && <div className="muted small">{g.revisit.note}</div>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <section aria-labelledby="eval-cmp-decided" className="eval-cmp-box">
          <h3 id="eval-cmp-decided">{t('evalCompareDecided')}</h3>
          {comparison.decided.ideas.length === 0 ? (
            <p className="co-empty">{t('evalCompareNoVote')}</p>
          ) : (
            <ol className="eval-cmp-ideas">
              {comparison.decided.ideas.map((i) => (
                <li key={i.ideaId} data-idea-id={i.ideaId}>
                  <span className="eval-idea-text">
                    {i.text || '—'} {i.deleted && <span className="muted small">{t('evalDeletedIdea')}</span>}
                  </span>
                  <span className="small">
                    <strong>{t.plural('evalDots', i.dots)}</strong>
                    {i.broad && ' ★'}
                  </span>
                  {!comparison.decided.withheld && (
                    <ul className="role-counts" aria-label={t('voteVoters')}>
                      {groupEntries(i.byRole).map(([id, n]) => (
                        <li key={id} style={{ ['--role-color' as string]: groupColor(id) }}>
                          {groupLabel(id, lang)}: {n}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          )}
          <SmallRolesNote merged={comparison.decided.merged} withheld={comparison.decided.withheld} />
        </section>
      </div>
      <FollowThroughView follow={comparison.followThrough} state={state} />
      <section aria-labelledby="eval-cmp-ind" className="eval-cmp-box">
        <h3 id="eval-cmp-ind">{t('evalCompareIndicators')}</h3>
        {comparison.indicators.length === 0 ? (
          <p className="co-empty">{t('evalNoIndicators')}</p>
        ) : (
          <div className="eval-table-wrap" tabIndex={0} role="group" aria-labelledby="eval-cmp-ind">
            <table className="eval-table">
              <thead>
                <tr>
                  <th scope="col">{t('evalIndicatorName')}</th>
                  <th scope="col">{t('evalBaseline')}</th>
                  <th scope="col">{t('evalTarget')}</th>
                  {state.sessions.map((s) => (
                    <th key={s.id} scope="col">
                      {s.label}
                      <span className="muted small eval-th-date">{s.date}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.indicators.map((row) => (
                  <tr key={row.indicator.id} data-indicator={row.indicator.name}>
                    <th scope="row">
                      {row.indicator.name}
                      <span className="muted small eval-th-date">{t(`evalDirection_${row.indicator.direction}`)}</span>
                      {row.trend && <span className={`eval-trend trend-${row.trend}`}>{t(`evalTrend_${row.trend}`)}</span>}
                    </th>
                    <td>{withUnit(row.indicator.baseline, row.indicator, lang)}</td>
                    <td>{withUnit(row.indicator.target, row.indicator, lang)}</td>
                    {row.points.map((p) => (
                      <td key={p.session.id} data-session={p.session.label} data-status={p.status ?? 'none'}>
                        {p.value === null ? (
                          <span className="muted small">{t('evalNotMeasured')}</span>
                        ) : (
                          <>
                            {withUnit(p.value, row.indicator, lang)}
                            {p.status && <span className={`eval-chip ind-${p.status}`}>{t(STATUS_KEY[p.status])}</span>}
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {state.sessions.length > 0 && (
        <section aria-labelledby="eval-cmp-stories" className="eval-cmp-box">
          <h3 id="eval-cmp-stories">{t('evalCompareStories')}</h3>
          <ul className="eval-cmp-stories">
            {state.sessions.map((s) => {
              const n = (k: (typeof STORY_KINDS)[number]) => state.stories.filter((x) => x.session === s.id && x.kind === k).length;
              return (
                <li key={s.id}>
                  <strong>{s.label}</strong>:{' '}
                  {t('evalStoryCounts', { good: t.plural('evalStoryGood', n('good')), bad: t.plural('evalStoryBad', n('bad')), learning: t.plural('evalStoryLearning', n('learning')) })}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
