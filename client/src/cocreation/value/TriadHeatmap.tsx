import type { BoardItem } from '../../../../shared/model/schema';
import { formatScore, VALUE_LEVELS } from '../../../../shared/cocreation/value';
import { groupColor, groupLabel } from '../../../../shared/cocreation/smallRoles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import { smallRolesText } from '../SmallRolesNote';
import { useValueFocus } from './focus';
import { allRowText, LEVEL_KEYS, roleRowText } from './labels';
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
 * number in the cell and the whole as one text alternative. Roles with too
 * few raters share an "Andre roller" row, and when no row per role can be
 * shown the card shows one row for all ratings (shared/cocreation/smallRoles.ts);
 * the text alternative and tooltip say why. It reads the board's shared value
 * store (one observer per board) and re-renders only when this idea's ratings
 * change.
 */
export function TriadHeatmap({ item, active }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const value = useIdeaValue(item.body.doc, item.id);
  if (!value && !active) return null;
  const rows = value?.byRole ?? [];
  const withheld = value?.withheld === true;
  const broad = value?.broad ? `. ★ ${t('valueBroad')}` : '';
  const note = value ? smallRolesText(t, lang, value.merged, value.withheld) : null;
  const texts = value && withheld ? [allRowText(t, lang, value)] : rows.map((r) => roleRowText(t, lang, r));
  const label = `${t('valueCardLabel')}: ${texts.join('; ')}${broad}${note ? `. ${note}` : ''}`;
  const cells = (means: Array<number | null>) =>
    VALUE_LEVELS.map((l, k) => (
      <span key={l} className="triad-cell" style={shade(means[k] ?? null)}>
        {formatScore(means[k] ?? null, lang)}
      </span>
    ));
  return (
    <div className="triad">
      {(rows.length > 0 || withheld) && (
        <div className="triad-grid" role="img" aria-label={label} title={texts.join('\n') + broad + (note ? `\n${note}` : '')} data-value-raters={value?.raters}>
          <span className="triad-star">{value?.broad ? '★' : ''}</span>
          {VALUE_LEVELS.map((l) => (
            <span key={l} className="triad-head" title={t(LEVEL_KEYS[l].name)}>
              {t(LEVEL_KEYS[l].abbr)}
            </span>
          ))}
          {rows.map((r) => (
            <div key={r.role} className="triad-row" data-value-role={r.role} data-means={VALUE_LEVELS.map((l) => r.levels[l].mean ?? '').join(',')}>
              <span className="triad-swatch" style={{ background: groupColor(r.role) }} title={groupLabel(r.role, lang)} />
              {cells(VALUE_LEVELS.map((l) => r.levels[l].mean))}
            </div>
          ))}
          {value && withheld && (
            <div className="triad-row" data-value-role="all" data-means={VALUE_LEVELS.map((l) => value.overall[l] ?? '').join(',')}>
              <span className="triad-swatch triad-swatch-all" title={t('smallRolesAll')} />
              {cells(VALUE_LEVELS.map((l) => value.overall[l]))}
            </div>
          )}
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
