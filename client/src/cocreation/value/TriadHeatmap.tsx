import type { BoardItem } from '../../../../shared/model/schema';
import { formatScore, VALUE_LEVELS } from '../../../../shared/cocreation/value';
import { roleInfo, roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { useValueFocus } from './focus';
import { LEVEL_KEYS, roleRowText } from './labels';
import { shade } from './shade';
import { useIdeaValue } from './store';
import './value.css';

interface Props {
  item: BoardItem;
  /** The card is selected alone and not being edited: offer "rate" (opens the value panel at this idea). */
  active: boolean;
}

/**
 * The value triad on an idea card: one row per role that rated it, three
 * cells (personal, collective, societal) shaded by the role's mean, with the
 * number in the cell and the whole as one text alternative. It reads the
 * board's shared value store (one observer per board) and re-renders only
 * when this idea's ratings change.
 */
export function TriadHeatmap({ item, active }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const value = useIdeaValue(item.body.doc, item.id);
  if (!value && !active) return null;
  const rows = value?.byRole ?? [];
  const broad = value?.broad ? `. ★ ${t('valueBroad')}` : '';
  const label = `${t('valueCardLabel')}: ${rows.map((r) => roleRowText(t, lang, r)).join('; ')}${broad}`;
  return (
    <div className="triad">
      {rows.length > 0 && (
        <div className="triad-grid" role="img" aria-label={label} title={rows.map((r) => roleRowText(t, lang, r)).join('\n') + broad} data-value-raters={value?.raters}>
          <span className="triad-star">{value?.broad ? '★' : ''}</span>
          {VALUE_LEVELS.map((l) => (
            <span key={l} className="triad-head" title={t(LEVEL_KEYS[l].name)}>
              {t(LEVEL_KEYS[l].abbr)}
            </span>
          ))}
          {rows.map((r) => (
            <div key={r.role} className="triad-row" data-value-role={r.role} data-means={VALUE_LEVELS.map((l) => r.levels[l].mean ?? '').join(',')}>
              <span className="triad-swatch" style={{ background: roleInfo(r.role).color }} title={roleLabel(r.role, lang)} />
              {VALUE_LEVELS.map((l) => {
                const m = r.levels[l].mean;
                return (
                  <span key={l} className="triad-cell" style={shade(m)}>
                    {formatScore(m, lang)}
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      )}
      {active && (
        <button
          type="button"
          className="triad-rate"
          aria-label={t('valueRateCardLabel')}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => useValueFocus.getState().request(item.id)}
        >
          {t('valueRateCard')}
        </button>
      )}
    </div>
  );
}
