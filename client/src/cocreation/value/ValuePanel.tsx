import { votableIdeas } from '../../../../shared/model/starter';
import { useEffect, useMemo, useRef, useState } from 'react';
import { firstLine } from '../../../../shared/cocreation/perspectives';
import { clearRating, formatScore, myRating, setRating, sortValue, VALUE_LEVELS, type IdeaValue, type ValueLevel, type ValueSort } from '../../../../shared/cocreation/value';
import type { BoardItem } from '../../../../shared/model/schema';
import { groupColor, groupLabel, MERGED } from '../../../../shared/cocreation/smallRoles';
import { roleInfo, roleLabel } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { useUi } from '../../state/ui';
import type { CoPanelProps } from '../panel';
import { useValueFocus } from './focus';
import { LEVEL_KEYS, ratingsText } from './labels';
import { valuePersonKey } from './person';
import { shade } from './shade';
import { useAllValues } from './store';
import './value.css';
import { PanelHead } from '../PanelHead';
import { SmallRolesNote } from '../SmallRolesNote';

const SCORES = [1, 2, 3, 4, 5] as const;
const SORTS: Array<{ id: ValueSort; key: 'valueSortScore' | 'valueSortCollective' | 'valueSortSocietal' }> = [
  { id: 'score', key: 'valueSortScore' },
  { id: 'collective', key: 'valueSortCollective' },
  { id: 'societal', key: 'valueSortSocietal' },
];
/** How many roles rated it: the merged row holds several. */
const roleCount = (v: IdeaValue) => v.byRole.reduce((n, r) => n + r.roles.length, 0);
/** Writes of the value panel: counted as this person's edits, not part of the canvas undo. */
const VALUE_ORIGIN = 'value';

/**
 * Per role and overall (equal weight per row), as a small shaded table. Roles
 * with too few raters share the "Andre roller" row, or there is no row per
 * role at all (shared/cocreation/smallRoles.ts); the note under it says why.
 */
function ValueTable({ value, idea }: { value: IdeaValue; idea: string }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const cell = (key: string, m: number | null) => (
    <td key={key} style={shade(m)}>
      {formatScore(m, lang)}
    </td>
  );
  return (
    <table className="value-table">
      <caption className="visually-hidden">{t('valueTableCaption', { idea })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('valueRole')}</th>
          {VALUE_LEVELS.map((l) => (
            <th key={l} scope="col">
              {t(LEVEL_KEYS[l].name)}
            </th>
          ))}
          <th scope="col">{t('valueRaters')}</th>
        </tr>
      </thead>
      <tbody>
        {value.byRole.map((r) => (
          <tr key={r.role} data-value-role={r.role} data-means={VALUE_LEVELS.map((l) => r.levels[l].mean ?? '').join(',')}>
            <th scope="row">
              <span className="triad-swatch" style={{ background: groupColor(r.role) }} aria-hidden="true" />
              {groupLabel(r.role, lang)}
              {r.role === MERGED && <span className="value-merged-roles"> ({r.roles.map((x) => roleLabel(x, lang)).join(', ')})</span>}
            </th>
            {VALUE_LEVELS.map((l) => cell(l, r.levels[l].mean))}
            <td className="value-n">{r.raters}</td>
          </tr>
        ))}
        <tr className="value-overall" data-value-overall={VALUE_LEVELS.map((l) => value.overall[l] ?? '').join(',')}>
          {/* Withheld: one group of everyone, so a plain mean, not "equal weight". */}
          <th scope="row">{value.withheld ? t('smallRolesAll') : t('valueAllRoles')}</th>
          {VALUE_LEVELS.map((l) => cell(l, value.overall[l]))}
          <td className="value-n">{value.raters}</td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The value triad (manifesto ingredient 4): what each level means, every idea
 * with my own rating (three 1–5 radio groups) and the ratings per role and
 * overall, sortable. Observers see but cannot rate.
 */
export function ValuePanel({ boardId, conn, items, identity, canEdit, anonymous, onClose }: CoPanelProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const doc = conn.doc;
  const values = useAllValues(doc);
  const [sort, setSort] = useState<ValueSort>('score');
  const [message, setMessage] = useState<string | null>(null);
  const personKey = useMemo(() => valuePersonKey(boardId), [boardId]);
  const canRate = canEdit && identity !== null;

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);

  // Template starter ideas are examples, not the group's: rated once someone adopts one.
  const ideas = useMemo(() => votableIdeas(items), [items]);
  // The order is fixed when the sort changes or ideas come and go, not on every rating:
  // a list that reshuffles under your hand while you rate loses your place (and focus).
  const idKey = ideas.map((i) => i.id).join(' ');
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const order = useMemo(() => {
    const v = valuesRef.current;
    return [...ideas]
      .sort((a, b) => sortValue(v.get(b.id), sort) - sortValue(v.get(a.id), sort) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((i) => i.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sort, idKey]);
  const byId = useMemo(() => new Map(ideas.map((i) => [i.id, i])), [ideas]);

  // "Value…" on a card: scroll to that idea and put focus on its first choice.
  const focusSeq = useValueFocus((s) => s.seq);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const id = useValueFocus.getState().ideaId;
    if (!id || focusSeq === 0) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-value-idea="${CSS.escape(id)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    (el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input') ?? el.querySelector<HTMLElement>('h3'))?.focus({ preventScroll: true });
  }, [focusSeq]);

  const rate = (idea: BoardItem, level: ValueLevel, score: number) => {
    if (!identity) return;
    try {
      setRating(doc, idea.id, personKey, identity.role, { [level]: score }, VALUE_ORIGIN);
      setMessage(null);
    } catch (err) {
      setMessage(t('valueFailed', { reason: (err as Error).message }));
    }
  };

  return (
    <section className="co-panel value-panel" aria-labelledby="value-title" onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onClose()}>
      <PanelHead id="value-title" headingRef={heading} onClose={onClose}>
        {t('valueTitle')}
      </PanelHead>
      <p>{t('valueIntro')}</p>
      <ul className="value-levels">
        {VALUE_LEVELS.map((l) => (
          <li key={l}>
            <strong>{t(LEVEL_KEYS[l].name)}:</strong>
            {t(LEVEL_KEYS[l].help)}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('valueByRoleNote')}</p>
      {!canRate && <p className="muted">{t('valueObserver')}</p>}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {ideas.length === 0 ? (
        <p className="co-empty">{t('valueNoIdeas')}</p>
      ) : (
        <div className="co-row value-sort">
          <label htmlFor="value-sort">{t('valueSortBy')}</label>
          <select id="value-sort" value={sort} onChange={(e) => setSort(e.target.value as ValueSort)}>
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {t(s.key)}
              </option>
            ))}
          </select>
        </div>
      )}
      <ol className="value-ideas" ref={list}>
        {order.map((id) => {
          const idea = byId.get(id);
          if (!idea) return null;
          const text = firstLine(idea) || '—';
          const v = values.get(id);
          const mine = canRate ? myRating(doc, id, personKey) : null;
          return (
            <li
              key={id}
              className={v?.broad ? 'value-idea broad' : 'value-idea'}
              data-value-idea={id}
              style={{ ['--role-color' as string]: roleInfo(idea.role).color }}
            >
              <h3 tabIndex={-1}>{text}</h3>
              <span className="value-author">{anonymous || !idea.authorName ? roleLabel(idea.role, lang, idea.roleText) : `${idea.authorName} · ${roleLabel(idea.role, lang, idea.roleText)}`}</span>
              {v ? (
                <>
                  <p className="value-summary">
                    {ratingsText(t, v.raters)}
                    {!v.withheld && ` ${t.plural('valueRolesN', roleCount(v))}`}
                    {v.broad && (
                      <span className="value-broad" title={t('valueBroadHelp')}>
                        ★ {t('valueBroad')}
                      </span>
                    )}
                  </p>
                  <ValueTable value={v} idea={text} />
                  <SmallRolesNote merged={v.merged} withheld={v.withheld} />
                </>
              ) : (
                <p className="value-summary muted">{t('valueNotRated')}</p>
              )}
              {canRate && (
                <div className="value-mine">
                  <h4>{t('valueYours')}</h4>
                  {VALUE_LEVELS.map((l) => (
                    <fieldset key={l} className="value-scale">
                      <legend>
                        {t(LEVEL_KEYS[l].name)}
                        <span className="visually-hidden"> – {text}</span>
                      </legend>
                      {SCORES.map((n) => (
                        <label key={n}>
                          <input type="radio" name={`value-${id}-${l}`} value={n} checked={mine?.[l] === n} onChange={() => rate(idea, l, n)} />
                          <span>{n}</span>
                        </label>
                      ))}
                    </fieldset>
                  ))}
                  <button type="button" className="value-clear" disabled={!mine} onClick={() => clearRating(doc, id, personKey, VALUE_ORIGIN)}>
                    {t('valueClear')}
                    <span className="visually-hidden"> – {text}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
