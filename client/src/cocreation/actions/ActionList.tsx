import { useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { ACTION_STATUSES, progressOf, type Action, type ActionProgress } from '../../../../shared/cocreation/actions';
import type { Decision } from '../../../../shared/cocreation/decisions';
import type { BoardItem } from '../../../../shared/model/schema';
import type { RoleId } from '../../../../shared/roles';
import { useT } from '../../i18n/useT';
import { ActionRow } from './ActionRow';
import { PROGRESS_KEY, sourceKey, sourceLabel } from './format';

interface Props {
  doc: Y.Doc;
  actions: Action[];
  decisions: ReadonlyMap<string, Decision>;
  ideas: ReadonlyMap<string, BoardItem>;
  today: string;
  editor: RoleId | null;
  onError(message: string): void;
}

type Filter = 'all' | ActionProgress;
const FILTERS: readonly Filter[] = ['all', ...ACTION_STATUSES, 'late'];

/**
 * Every action, grouped by the decision or idea it comes from (decisions in
 * the order they were made, then ideas, then sources no longer on the board),
 * with a filter by status ("late" is its own choice: planned or under way past due).
 */
export function ActionList({ doc, actions, decisions, ideas, today, editor, onError }: Props) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  const filterRef = useRef<HTMLSelectElement>(null);
  const shown = filter === 'all' ? actions : actions.filter((a) => (filter === 'late' ? progressOf(a, today) === 'late' : a.status === filter));
  const groups = useMemo(() => {
    const order = (a: Action) => {
      const s = a.source;
      if (s.kind === 'decision') return decisions.has(s.id) ? [0, [...decisions.keys()].indexOf(s.id)] : [2, 0];
      const idea = ideas.get(s.id);
      return idea ? [1, idea.createdAt] : [3, 0];
    };
    const byKey = new Map<string, { key: string; rank: number[]; source: Action['source']; list: Action[] }>();
    for (const a of shown) {
      const k = sourceKey(a.source);
      let g = byKey.get(k);
      if (!g) byKey.set(k, (g = { key: k, rank: order(a), source: a.source, list: [] }));
      g.list.push(a);
    }
    return [...byKey.values()].sort((x, y) => (x.rank[0] ?? 0) - (y.rank[0] ?? 0) || (x.rank[1] ?? 0) - (y.rank[1] ?? 0) || (x.key < y.key ? -1 : 1));
  }, [shown, decisions, ideas]);

  return (
    <section className="act-list" aria-labelledby="act-list-title">
      <div className="act-list-head">
        <h3 id="act-list-title">{t.plural('actCount', actions.length)}</h3>
        <label htmlFor="act-filter">{t('actFilter')}</label>
        <select id="act-filter" ref={filterRef} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {f === 'all' ? t('actFilterAll') : t(PROGRESS_KEY[f])}
            </option>
          ))}
        </select>
      </div>
      {actions.length === 0 && <p className="co-empty">{t('actNone')}</p>}
      {actions.length > 0 && shown.length === 0 && <p className="co-empty">{t('actNoneFiltered')}</p>}
      {groups.map((g, i) => (
        <section key={g.key} className="act-group" data-source={g.key} aria-labelledby={`act-group-${i}`}>
          <h4 id={`act-group-${i}`}>{sourceLabel(t, g.source, decisions, ideas)}</h4>
          <ul className="act-items">
            {g.list.map((a) => (
              <ActionRow key={a.id} doc={doc} action={a} today={today} editor={editor} onError={onError} afterRemove={() => filterRef.current?.focus()} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
