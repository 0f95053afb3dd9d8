import type * as Y from 'yjs';
import { hasContent, REVISIT_FIELDS, revisitSummary, type GoalsState } from '../../../../shared/cocreation/goals';
import { roleInfo, roleLabel, type RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { RevisitControl } from './RevisitControl';

interface Props {
  doc: Y.Doc;
  state: GoalsState;
  editor: RoleId | null;
  anonymous: boolean;
  onError(message: string): void;
}

/** Looking back at the end: every agreed goal and every person's expectations and goals, then → now, with a summary. */
export function RevisitView({ doc, state, editor, anonymous, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const sum = revisitSummary(state);
  const a = sum.agreed;
  const people = state.people.filter(hasContent);

  return (
    <div className="goals-revisit">
      <p className="muted">{t('goalsRevisitIntro')}</p>
      <div className="goals-summary" role="status" data-met={a.met} data-total={a.total}>
        <strong>{t.plural('goalsSummaryAgreed', a.total, { met: String(a.met) })}</strong>
        <span className="small">
          {t('goalsSummaryDetail', { partly: String(a.partly), notMet: String(a.notMet), changed: String(a.changed), open: String(a.total - a.revisited) })}
        </span>
        {sum.personal.total > 0 && <span className="small">{t.plural('goalsSummaryPersonal', sum.personal.total, { done: String(sum.personal.revisited) })}</span>}
      </div>
      {state.agreed.length === 0 && people.length === 0 && <p className="co-empty">{t('goalsNothingToRevisit')}</p>}
      {state.agreed.length > 0 && (
        <section aria-labelledby="goals-rv-agreed">
          <h3 id="goals-rv-agreed">{t('goalsTabAgreed')}</h3>
          <ul className="goals-then-now">
            {state.agreed.map((g) => (
              <li key={g.id} data-goal-id={g.id}>
                <div className="goals-then">
                  <span className="co-kicker">
                    {t('goalsThen')} · {t(`goalsHorizon_${g.horizon}`)}
                  </span>
                  {g.text}
                </div>
                <span className="goals-arrow" aria-hidden="true">
                  →
                </span>
                <div>
                  <span className="co-kicker">{t('goalsNow')}</span>
                  <RevisitControl doc={doc} target={{ kind: 'agreed', id: g.id }} idBase={`rv-${g.id}`} goal={g.text} revisit={g.revisit} editor={editor} onError={onError} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {people.length > 0 && (
        <section aria-labelledby="goals-rv-people">
          <h3 id="goals-rv-people">{t('goalsPersonalRevisit')}</h3>
          {people.map((p) => {
            const who = anonymous || !p.name ? roleLabel(p.role, lang, p.roleText) : `${p.name} (${roleLabel(p.role, lang, p.roleText)})`;
            const fields = REVISIT_FIELDS.filter((f) => p.fields[f]?.text.trim());
            if (fields.length === 0) return null;
            return (
              <div key={p.key} className="goals-role" data-person={p.key} style={{ ['--role-color' as string]: roleInfo(p.role).color }}>
                <h4>{who}</h4>
                <ul className="goals-then-now">
                  {fields.map((f) => {
                    const text = p.fields[f]?.text ?? '';
                    return (
                      <li key={f} data-field={f}>
                        <div className="goals-then">
                          <span className="co-kicker">
                            {t('goalsThen')} · {t(`goalsShown_${f}`)}
                          </span>
                          {text}
                        </div>
                        <span className="goals-arrow" aria-hidden="true">
                          →
                        </span>
                        <div>
                          <span className="co-kicker">{t('goalsNow')}</span>
                          <RevisitControl doc={doc} target={{ kind: 'person', key: p.key, field: f }} idBase={`rv-${p.key}-${f}`} goal={`${who}: ${text.slice(0, 80)}`} revisit={p.revisits[f]} editor={editor} onError={onError} />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
