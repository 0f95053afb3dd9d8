import { useMemo, useState } from 'react';
import { votableIdeas } from '../../../shared/model/starter';
import type { BoardItem, BoardLink } from '../../../shared/model/schema';
import { ROLES, roleLabel, type RoleId } from '../../../shared/roles';
import { useT } from '../i18n/useT';
import { useUi } from '../state/ui';
import { CardEntry, type CardContext } from './CardEntry';
import { shortText } from './text';

interface Props {
  live: readonly BoardItem[];
  links: readonly BoardLink[];
  ctx: Omit<CardContext, 'buildsOn' | 'addresses'>;
}

const byTime = (a: BoardItem, b: BoardItem) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
const centreIn = (i: BoardItem, f: BoardItem) => i.x + i.w / 2 >= f.x && i.x + i.w / 2 <= f.x + f.w && i.y + i.h / 2 >= f.y && i.y + i.h / 2 <= f.y + f.h;

/** Screen 3: the board's cards as a list — per problem its perspectives by role and its ideas, then the other ideas by frame. */
export function CardsScreen({ live, links, ctx }: Props) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const [role, setRole] = useState<RoleId | ''>('');
  const byId = useMemo(() => new Map(live.map((i) => [i.id, i])), [live]);
  const { buildsOn, addresses } = useMemo(() => {
    const b = new Map<string, BoardItem[]>();
    const a = new Map<string, BoardItem[]>();
    for (const l of links) {
      const to = byId.get(l.to);
      if (!to) continue;
      const into = l.kind === 'builds-on' ? b : l.kind === 'addresses' ? a : null;
      if (into) into.set(l.from, [...(into.get(l.from) ?? []), to]);
    }
    return { buildsOn: b, addresses: a };
  }, [links, byId]);
  const full: CardContext = { ...ctx, buildsOn, addresses };
  const votable = useMemo(() => new Set(votableIdeas(live).map((i) => i.id)), [live]);
  const rolesHere = useMemo(() => ROLES.filter((r) => live.some((i) => i.kind !== 'frame' && i.kind !== 'problem' && i.role === r.id && !i.template)), [live]);
  const shown = (i: BoardItem) => role === '' || (i.role === role && !i.template);

  const problems = live.filter((i) => i.kind === 'problem').sort(byTime);
  const frames = live.filter((i) => i.kind === 'frame').sort((a, b) => a.y - b.y || a.x - b.x);
  const ideas = live.filter((i) => i.kind === 'idea').sort(byTime);
  const perspectives = live.filter((i) => i.kind === 'perspective').sort(byTime);
  const problemIds = new Set(problems.map((p) => p.id));
  const loose = ideas.filter((i) => !(addresses.get(i.id) ?? []).some((p) => problemIds.has(p.id)));
  // Loose ideas by the smallest frame they lie in, then those outside every frame.
  const frameOf = (i: BoardItem) => frames.filter((f) => centreIn(i, f)).sort((a, b) => a.w * a.h - b.w * b.h)[0] ?? null;
  const byFrame = new Map<string, BoardItem[]>();
  for (const i of loose.filter(shown)) {
    const f = frameOf(i);
    byFrame.set(f?.id ?? '', [...(byFrame.get(f?.id ?? '') ?? []), i]);
  }
  const entry = (i: BoardItem) => <CardEntry key={i.id} item={i} ctx={full} votable={votable.has(i.id)} />;
  const list = (items: BoardItem[]) => (items.length ? <ul className="phone-list">{items.map(entry)}</ul> : <p className="phone-muted">{t('phoneNoCards')}</p>);

  return (
    <section className="phone-screen" aria-labelledby="phone-cards-title" data-screen="cards">
      <h2 id="phone-cards-title" tabIndex={-1}>{t('phoneCardsTitle')}</h2>
      {ctx.ballot.open && (
        <p className="phone-card phone-round" data-used={ctx.ballot.used}>
          <strong>{t.plural('voteYourDots', ctx.ballot.dots, { used: String(ctx.ballot.used) })}</strong>
          {ctx.ballot.saved && ctx.ballot.used > 0 && <span className="phone-muted"> · {t('voteSaved')}</span>}
          {ctx.ballot.error && <span className="error"> {t('failed', { reason: ctx.ballot.error })}</span>}
        </p>
      )}
      <div className="phone-field">
        <label htmlFor="phone-filter">{t('phoneFilter')}</label>
        <select id="phone-filter" value={role} onChange={(e) => setRole(e.target.value as RoleId | '')}>
          <option value="">{t('phoneAllRoles')}</option>
          {rolesHere.map((r) => (
            <option key={r.id} value={r.id}>
              {roleLabel(r.id, lang)}
            </option>
          ))}
        </select>
      </div>
      {problems.map((p) => {
        const mine = perspectives.filter((x) => x.problemId === p.id && shown(x));
        const roles = [...new Set(mine.map((x) => x.role))];
        const its = ideas.filter((i) => (addresses.get(i.id) ?? []).some((x) => x.id === p.id) && shown(i));
        return (
          <section key={p.id} className="phone-group" aria-label={shortText(p) || t('kind_problem')}>
            <ul className="phone-list">{entry(p)}</ul>
            <h3>{t('phonePerspectives')}</h3>
            {roles.length === 0 && <p className="phone-muted">{t('phoneNoCards')}</p>}
            {roles.map((r) => (
              <div key={r}>
                <h4 className="phone-role-head">{roleLabel(r, lang)}</h4>
                {list(mine.filter((x) => x.role === r))}
              </div>
            ))}
            <h3>{t('phoneIdeas')}</h3>
            {list(its)}
          </section>
        );
      })}
      {(loose.length > 0 || problems.length === 0) && (
        <section className="phone-group" aria-labelledby="phone-other-ideas">
          <h3 id="phone-other-ideas">{problems.length ? t('phoneOtherIdeas') : t('phoneIdeas')}</h3>
          {byFrame.size === 0 && <p className="phone-muted">{t('phoneNoCards')}</p>}
          {[...byFrame].map(([fid, items]) => {
            const f = fid ? byId.get(fid) : undefined;
            return (
              <div key={fid || 'none'}>
                <h4 className="phone-role-head">{f ? shortText(f) || t('kind_frame') : t('phoneNoFrame')}</h4>
                {list(items)}
              </div>
            );
          })}
        </section>
      )}
    </section>
  );
}
