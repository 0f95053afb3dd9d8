import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  addIndicator,
  DIRECTIONS,
  isDirection,
  judge,
  MAX_INDICATOR_NAME_LENGTH,
  MAX_UNIT_LENGTH,
  removeIndicator,
  setMeasurement,
  type Direction,
  type EvalSession,
  type EvaluationState,
  type Indicator,
} from '../../../../shared/cocreation/evaluation';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { errorText } from '../goals/format';
import { MeasureInput } from './MeasureInput';
import { formatNumber, parseNumber } from './numbers';
import { STATUS_KEY } from './status';

interface Props {
  doc: Y.Doc;
  state: EvaluationState;
  session: EvalSession;
  editor: RoleId | null;
  onError(message: string): void;
}

export const withUnit = (n: number, ind: Pick<Indicator, 'unit'>, lang: 'da' | 'en') => (ind.unit ? `${formatNumber(n, lang)} ${ind.unit}` : formatNumber(n, lang));

/** Quantitative indicators (baseline → target, which way is better) and their value measured in this session. */
export function IndicatorsView({ doc, state, session, editor, onError }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [form, setForm] = useState({ name: '', unit: '', baseline: '', target: '', direction: 'higher' as Direction });
  const fail = (err: unknown) => onError(t('evalErrSave', { msg: errorText(err) }));

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!editor) return;
    if (!form.name.trim()) return onError(t('evalErrName'));
    const baseline = parseNumber(form.baseline);
    if (baseline === null) return onError(t('evalErrNumber', { field: t('evalBaseline') }));
    const target = parseNumber(form.target);
    if (target === null) return onError(t('evalErrNumber', { field: t('evalTarget') }));
    try {
      addIndicator(doc, { name: form.name, unit: form.unit, baseline, target, direction: form.direction, role: editor }, 'cocreation');
      setForm({ name: '', unit: '', baseline: '', target: '', direction: form.direction });
      onError('');
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div className="eval-indicators">
      <p className="muted small">{t('evalIndicatorsIntro')}</p>
      {state.indicators.length === 0 && <p className="co-empty">{t('evalNoIndicators')}</p>}
      <ul className="eval-ind-list">
        {state.indicators.map((ind) => {
          const m = state.measures.get(ind.id)?.get(session.id);
          const status = m ? judge(ind, m.value) : null;
          const label = t('evalMeasuredFor', { name: ind.name, session: session.label });
          return (
            <li key={ind.id} data-indicator={ind.name}>
              <div className="eval-ind-head">
                <strong>{ind.name}</strong>
                <span className="muted small">
                  {t('evalBaselineToTarget', { baseline: withUnit(ind.baseline, ind, lang), target: withUnit(ind.target, ind, lang) })} · {t(`evalDirection_${ind.direction}`)}
                </span>
              </div>
              <div className="eval-ind-now">
                <label htmlFor={`eval-m-${ind.id}`}>{t('evalMeasured')}</label>
                {editor ? (
                  <MeasureInput
                    id={`eval-m-${ind.id}`}
                    label={label}
                    value={m?.value ?? null}
                    lang={lang}
                    onInvalid={(field) => onError(t('evalErrNumber', { field }))}
                    onCommit={(v) => {
                      try {
                        setMeasurement(doc, ind.id, session.id, v, editor, 'cocreation');
                        onError('');
                      } catch (err) {
                        fail(err);
                      }
                    }}
                  />
                ) : (
                  <span id={`eval-m-${ind.id}`}>{m ? withUnit(m.value, ind, lang) : t('evalNotMeasured')}</span>
                )}
                {ind.unit && editor && <span className="muted small">{ind.unit}</span>}
                {status && <span className={`eval-chip ind-${status}`}>{t(STATUS_KEY[status])}</span>}
                {editor && (
                  <button type="button" className="eval-small eval-remove" aria-label={t('evalRemoveIndicator', { name: ind.name })} onClick={() => {
                    try {
                      removeIndicator(doc, ind.id, 'cocreation');
                    } catch (err) {
                      fail(err);
                    }
                  }}>
                    {t('goalsRemove')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {editor && (
        <form className="eval-add" onSubmit={add} aria-labelledby="eval-ind-new">
          <h3 id="eval-ind-new">{t('evalNewIndicator')}</h3>
          <div className="eval-grid">
            <label htmlFor="eval-ind-name">{t('evalIndicatorName')}</label>
            <input id="eval-ind-name" type="text" maxLength={MAX_INDICATOR_NAME_LENGTH} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            <label htmlFor="eval-ind-unit">{t('evalUnit')}</label>
            <input id="eval-ind-unit" type="text" maxLength={MAX_UNIT_LENGTH} value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })} />
            <label htmlFor="eval-ind-baseline">{t('evalBaseline')}</label>
            <input id="eval-ind-baseline" type="text" inputMode="decimal" value={form.baseline} onChange={(e) => setForm({ ...form, baseline: e.target.value })} />
            <label htmlFor="eval-ind-target">{t('evalTarget')}</label>
            <input id="eval-ind-target" type="text" inputMode="decimal" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })} />
            <label htmlFor="eval-ind-direction">{t('evalDirection')}</label>
            <select id="eval-ind-direction" value={form.direction} onChange={(e) => isDirection(e.target.value) && setForm({ ...form, direction: e.target.value })}>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`evalDirection_${d}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t('evalAddIndicator')}
          </button>
        </form>
      )}
    </div>
  );
}
