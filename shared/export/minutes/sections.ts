import { own, text, type Block, type ListItem, type Run } from './blocks';
import type { GroupCount, Minutes, MinutesIdea, RankedIdea } from './model';
import { MINUTES_TEXT } from './texts';
import { formatDay, formatMoment } from './time';

/** The minutes as one document tree, in the order of issue 16; every format renders this. */
export function minutesBlocks(m: Minutes): Block[] {
  const t = MINUTES_TEXT[m.lang];
  const num = (n: number) => n.toLocaleString(m.lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 });
  const groups = (g: readonly GroupCount[]) => g.map((x) => `${x.label} ${x.n}`).join(', ');
  const quoteAll = (xs: readonly string[]) => xs.map((x) => t.quote(x || t.deleted)).join(', ');
  const moment = (at: number) => formatMoment(at, m.timeZone, m.lang);
  const h = (level: 1 | 2 | 3 | 4, s: string, page = false): Block => ({ k: 'h', level, runs: [own(s)], ...(page ? { page } : {}) });
  const note = (s: string): Block => ({ k: 'p', runs: [own(s, { i: true })] });
  const byline = (name: string, role: string): Run[] => [text(name ? `${name} (${role})` : role)];
  const out: Block[] = [];

  out.push({ k: 'h', level: 1, runs: [text(m.title || t.untitled)] });
  out.push(note(`${t.exported} ${m.exportedOn}. ${t.summary(m.counts.problems, m.counts.ideas, m.counts.perspectives)}`));

  // When and who.
  out.push(h(2, t.sessions));
  if (m.sessions.length > 0) out.push({ k: 'list', ordered: false, items: m.sessions.map((s) => ({ runs: [own(`${s.day}, ${t.timeSpan(s.from, s.to)}`)], more: [] })) });
  else out.push(note(m.createdOn ? t.noSessions(m.createdOn) : t.noDate));
  out.push(h(2, t.participants));
  if (m.participants.total === 0) out.push(note(t.noParticipants));
  else {
    const names = m.participants.byRole.some((r) => r.names.length > 0);
    out.push({
      k: 'table',
      head: [t.role, t.count, ...(names ? [t.names] : [])],
      rows: m.participants.byRole.map((r) => [r.label, String(r.count), ...(names ? [r.names.join(', ')] : [])]),
    });
    out.push(note(t.total(m.participants.total)));
  }
  if (m.namesHidden) out.push(note(t.namesHidden));
  out.push(h(2, t.agenda));
  if (m.agenda.length === 0) out.push(note(t.noAgenda));
  else out.push({ k: 'list', ordered: false, items: m.agenda.map((d) => ({ runs: [own(`${d.day}: `), text(d.steps.join(' → '))], more: [] })) });

  // Problems with their perspectives by role.
  const perspective = (v: Minutes['loosePerspectives'][number]): ListItem => ({
    runs: [text(v.roleLabel, { b: true }), text(v.authorName ? ` (${v.authorName})` : ''), own(': '), text(v.text.trim())],
    more: [],
  });
  if (m.problems.length > 0) out.push(h(2, t.problems, true));
  m.problems.forEach((p, idx) => {
    out.push({ k: 'h', level: 3, runs: [own(`${idx + 1}. `), text(p.title)] });
    for (const l of p.rest) out.push({ k: 'p', runs: [text(l)] });
    out.push({ k: 'p', runs: [own(`${t.raisedBy} `, { i: true }), ...byline(p.authorName, p.roleLabel).map((r) => ({ ...r, i: true }))] });
    if (p.comments.length) out.push({ k: 'md', lines: p.comments.map((l) => l.slice(3)) });
    out.push(h(4, t.perspectives));
    if (p.perspectives.length === 0) out.push({ k: 'p', runs: [own(t.noPerspectives)] });
    else out.push({ k: 'list', ordered: false, items: p.perspectives.map(perspective) });
    out.push(h(4, t.ideasFor));
    if (p.ideas.length === 0) out.push({ k: 'p', runs: [own(t.noIdeas)] });
    else out.push({ k: 'list', ordered: false, items: p.ideas.map((i) => ({ runs: [text(t.quote(i.title)), ...(i.rank ? [own(` (${t.rankNo(i.rank)})`)] : [])], more: [] })) });
  });
  if (m.loosePerspectives.length > 0) out.push(h(2, t.otherPerspectives), { k: 'list', ordered: false, items: m.loosePerspectives.map(perspective) });

  if (m.goals.length) out.push({ k: 'md', lines: m.goals });

  // Ideas ranked by the group's votes, then those nobody voted on.
  const ideaItem = (i: MinutesIdea, n: number, votes?: RankedIdea): ListItem => {
    const extra = [
      i.builtOnBy > 0 ? t.builtOn(i.builtOnBy) : '',
      i.buildsOn.length > 0 ? `${t.buildsOn}: ${i.buildsOn.map(t.quote).join(', ')}` : '',
      i.problems.length > 0 ? `${t.addresses}: ${i.problems.map(t.quote).join(', ')}` : '',
    ].filter(Boolean);
    const more: Block[] = [];
    if (votes) more.push({ k: 'p', runs: [own(votesLine(votes), { i: true })] });
    for (const l of i.rest) more.push({ k: 'p', runs: [text(l)] });
    if (i.value.length) more.push({ k: 'md', lines: i.value });
    if (i.comments.length) more.push({ k: 'md', lines: i.comments });
    return { n, runs: [text(i.title, { b: true }), own(' — '), ...byline(i.authorName, i.roleLabel), ...(extra.length ? [text(`; ${extra.join('; ')}`)] : [])], more };
  };
  const votesLine = (v: RankedIdea) =>
    // Without a breakdown by role (too few per role) there are no groups to count.
    [`${t.dots(v.dots)}${v.byGroup.length ? ` (${groups(v.byGroup)})` : ''}`, t.weighted(num(v.weighted)), ...(v.byGroup.length ? [t.groups(v.groups)] : []), ...(v.broad ? [`★ ${t.broad}`] : [])].join(' · ');
  out.push(h(2, t.ranking, true));
  const r = m.ranking;
  if (r.round) {
    out.push(note(t.rankedBy(r.round.revealedOn, r.round.equalWeight, r.round.voters, r.round.dots)));
    out.push({
      k: 'table',
      head: [t.colRank, t.colIdea, t.colDots, t.colByRole, t.colWeighted, t.colGroups],
      rows: r.ranked.map((x) => [String(x.rank), `${x.title}${x.idea ? '' : ` ${t.deleted}`}`, String(x.dots), groups(x.byGroup) || '—', num(x.weighted), x.byGroup.length ? `${x.groups}${x.broad ? ' ★' : ''}` : '—']),
    });
    if (r.round.note) out.push(note(r.round.note));
    const listed = r.ranked.filter((x) => x.idea);
    if (listed.length) out.push({ k: 'list', ordered: true, items: listed.map((x) => ideaItem(x.idea as MinutesIdea, x.rank, x)) });
    if (r.others.length) {
      const after = r.ranked.length;
      out.push(h(3, t.unvoted), { k: 'list', ordered: true, items: r.others.map((i, n) => ideaItem(i, after + n + 1)) });
    }
  } else {
    out.push(note(r.others.length ? t.noRound : t.noIdeasAtAll));
    if (r.others.length) out.push({ k: 'list', ordered: true, items: r.others.map((i, n) => ideaItem(i, n + 1)) });
  }

  // Every vote round.
  out.push(h(2, t.rounds));
  if (m.rounds.length === 0) out.push(note(t.noRounds));
  else
    out.push({
      k: 'table',
      head: [t.colRound, t.colOpened, t.colStatus, t.colPerPerson, t.colVoters, t.colTop],
      rows: m.rounds.map((x) => [
        String(x.n),
        moment(x.openedAt),
        `${t.status[x.status]}${x.equalWeight ? `, ${t.equalWeight}` : ''}`,
        String(x.dotsPerPerson),
        `${x.voters}${x.votersByGroup.length ? ` (${groups(x.votersByGroup)})` : ''}`,
        x.top.map((i) => `${t.quote(i.title)} ${i.dots}`).join(', ') || '—',
      ]),
    });

  // Decisions by consent.
  out.push(h(2, t.decisions, true));
  if (m.decisions.length === 0) out.push(note(t.noDecisions));
  else
    out.push({
      k: 'list',
      ordered: true,
      items: m.decisions.map((d, n) => {
        const more: Block[] = [];
        const from = [...(d.ideas.length ? [quoteAll(d.ideas)] : []), ...(d.frame !== null ? [t.frame(d.frame || t.deleted)] : [])];
        more.push({ k: 'p', runs: [own(`${t.fromIdeas}: `), text(from.join('; '))] });
        more.push({ k: 'p', runs: [own(`${t.present}: ${groups(d.present) || '—'}`), text(d.names.length ? ` (${d.names.join(', ')})` : '')] });
        for (const v of d.revisions) {
          if (v.wording === '') more.push({ k: 'p', runs: [own(t.revoked(moment(v.at)), { b: true })] });
          else more.push({ k: 'p', runs: [own(`${t.revised(moment(v.at))}: `), text(t.quote(v.wording))] });
          more.push({ k: 'p', runs: [own(`${t.present}: ${groups(v.present) || '—'}`), text(v.names.length ? ` (${v.names.join(', ')})` : '')] });
        }
        if (d.revisions.length) more.push({ k: 'p', runs: [own(`${t.original}: `), text(t.quote(d.original))] });
        return { n: n + 1, runs: [text(d.wording, { b: true }), own(` — ${t.decidedOn(moment(d.decidedAt))}`)], more };
      }),
    });

  // The action plan, as it stands on the export day.
  out.push(h(2, t.actions));
  if (m.actions.length === 0) out.push(note(t.noActions));
  else {
    out.push(note(t.asOf(formatDay(m.exportedOn, m.lang))));
    out.push({
      k: 'table',
      head: [t.colWhat, t.colWho, t.colDue, t.colStatus, t.colSource],
      rows: m.actions.map((a) => [
        a.what,
        a.who ? `${a.who}${a.whoKind === 'organisation' ? ` (${t.organisation})` : ''}` : t.unknown,
        a.due ? formatDay(a.due, m.lang) : t.unknown,
        t.progress[a.progress],
        a.source ? t.quote(a.source) : t.unknown,
      ]),
    });
  }

  if (m.valueNote.length) out.push({ k: 'md', lines: m.valueNote });
  if (m.evaluation.length) out.push({ k: 'md', lines: m.evaluation });
  return out;
}
