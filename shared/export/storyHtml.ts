import type { ActionProgress } from '../cocreation/actions';
import type { IndicatorStatus, StoryKind } from '../cocreation/evaluation';
import type { RoleCount, StoryContent } from './story';

/**
 * The published story as one complete HTML page (server/stories/http.ts serves
 * it at /story/<token>): no script, no outside resource, inline CSS only, so it
 * works without JavaScript under a `default-src 'none'` policy. Every text from
 * the board is escaped. Readable on a phone (fluid column, 17 px text) and by
 * screen readers (lang, landmarks, headings in order, tables with th scope,
 * statuses as words, never colour alone).
 */

type Lang = 'da' | 'en';

const T = {
  da: {
    kind: 'Fortælling om samskabelse',
    skip: 'Gå til indholdet',
    untitled: 'Et samskabelsesforløb',
    contents: 'Indhold',
    problem: 'Det arbejdede vi med',
    problemOne: 'Problem',
    by: 'Skrevet af',
    roleBy: 'Rolle',
    perspectives: 'Perspektiver fra',
    ideas: (n: number) => `${n} ${n === 1 ? 'idé' : 'idéer'}`,
    people: 'Hvem var med',
    peopleLead: (n: number, roles: number) => `${n} ${n === 1 ? 'deltager' : 'deltagere'} i ${roles} ${roles === 1 ? 'rolle' : 'roller'}.`,
    role: 'Rolle',
    count: 'Deltagere',
    total: 'I alt',
    named: 'Deltagere',
    process: 'Sådan arbejdede vi',
    sessionPeople: (n: number) => `${n} ${n === 1 ? 'deltager' : 'deltagere'}`,
    steps: 'Faser',
    noSteps: 'Ingen faseskift registreret denne dag.',
    decisions: 'Det besluttede vi',
    decisionsLead: 'Beslutninger træffes ved samtykke: alle til stede har sagt »klar«.',
    agreedOn: (d: string) => `Besluttet ${d}`,
    leadOutcome: (d: number, a: number) => `${d} ${d === 1 ? 'beslutning' : 'beslutninger'} og ${a} ${a === 1 ? 'handling' : 'handlinger'}.`,
    present: 'Til stede',
    originally: 'Oprindelig ordlyd',
    revoked: 'Trukket tilbage',
    actions: 'Det gør vi',
    asOf: (d: string) => `Status pr. ${d}.`,
    what: 'Hvad',
    who: 'Hvem',
    due: 'Frist',
    status: 'Status',
    none: '—',
    progress: { planned: 'Planlagt', underway: 'I gang', done: 'Gennemført', dropped: 'Opgivet', late: 'Forsinket' } as Record<ActionProgress, string>,
    evaluation: 'Det lærte vi',
    indicators: 'Indikatorer',
    indicator: 'Indikator',
    baseline: 'Udgangspunkt',
    target: 'Mål',
    latest: 'Seneste måling',
    direction: { higher: 'højere er bedre', lower: 'lavere er bedre' },
    indicatorStatus: { met: 'Mål nået', improved: 'Bedre', 'not-yet': 'Ikke endnu', worse: 'Dårligere' } as Record<IndicatorStatus, string>,
    answers: 'Svar på spørgsmålene',
    stories: 'Fortællinger',
    storyKind: { good: 'God erfaring', bad: 'Dårlig erfaring', learning: 'Læring' } as Record<StoryKind, string>,
    empty: 'Der er endnu ikke noget at fortælle fra denne tavle.',
    published: (d: string) => `Udgivet med Samskab ${d}`,
    updated: (d: string) => `opdateret ${d}`,
    anonymous: 'Deltagernes navne er udeladt; kun deres roller vises.',
    withNames: 'Gruppen har valgt at vise deltagernes navne.',
  },
  en: {
    kind: 'A co-creation story',
    skip: 'Skip to the content',
    untitled: 'A co-creation process',
    contents: 'Contents',
    problem: 'What we worked on',
    problemOne: 'Problem',
    by: 'Written by',
    roleBy: 'Role',
    perspectives: 'Perspectives from',
    ideas: (n: number) => `${n} ${n === 1 ? 'idea' : 'ideas'}`,
    people: 'Who took part',
    peopleLead: (n: number, roles: number) => `${n} ${n === 1 ? 'participant' : 'participants'} in ${roles} ${roles === 1 ? 'role' : 'roles'}.`,
    role: 'Role',
    count: 'Participants',
    total: 'Total',
    named: 'Participants',
    process: 'How we worked',
    sessionPeople: (n: number) => `${n} ${n === 1 ? 'participant' : 'participants'}`,
    steps: 'Phases',
    noSteps: 'No change of phase recorded that day.',
    decisions: 'What we decided',
    decisionsLead: 'Decisions are made by consent: everyone present said “ready”.',
    agreedOn: (d: string) => `Decided ${d}`,
    leadOutcome: (d: number, a: number) => `${d} ${d === 1 ? 'decision' : 'decisions'} and ${a} ${a === 1 ? 'action' : 'actions'}.`,
    present: 'Present',
    originally: 'First wording',
    revoked: 'Revoked',
    actions: 'What we are doing',
    asOf: (d: string) => `Status as of ${d}.`,
    what: 'What',
    who: 'Who',
    due: 'Due',
    status: 'Status',
    none: '—',
    progress: { planned: 'Planned', underway: 'Underway', done: 'Done', dropped: 'Dropped', late: 'Late' } as Record<ActionProgress, string>,
    evaluation: 'What we learned',
    indicators: 'Indicators',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    latest: 'Latest measurement',
    direction: { higher: 'higher is better', lower: 'lower is better' },
    indicatorStatus: { met: 'Target met', improved: 'Better', 'not-yet': 'Not yet', worse: 'Worse' } as Record<IndicatorStatus, string>,
    answers: 'Answers to the questions',
    stories: 'Stories',
    storyKind: { good: 'Good experience', bad: 'Bad experience', learning: 'Learning' } as Record<StoryKind, string>,
    empty: 'There is nothing to tell from this board yet.',
    published: (d: string) => `Published with Samskab on ${d}`,
    updated: (d: string) => `updated ${d}`,
    anonymous: 'Participants’ names are left out; only their roles are shown.',
    withNames: 'The group chose to show participants’ names.',
  },
} as const;

/** Text from the board (or anywhere) made safe inside HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const e = escapeHtml;

const locale = (lang: Lang) => (lang === 'da' ? 'da-DK' : 'en-GB');

/** 'YYYY-MM-DD' or a time in ms as a date in words ("4. december 2026" / "4 December 2026"). */
export function storyDate(when: string | number, lang: Lang): string {
  const d = typeof when === 'number' ? new Date(when) : new Date(`${when}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(when);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

const num = (n: number, lang: Lang) => n.toLocaleString(locale(lang), { maximumFractionDigits: 2 });

const CSS = `
:root{--ink:#1d2733;--muted:#4f5b67;--line:#d5dbe1;--band:#1f4a6e;--band-ink:#fff;--soft:#f3f6f9;--link:#0b5cad}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.6;color:var(--ink);background:#fff}
.wrap{max-width:46rem;margin:0 auto;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:var(--link);padding:.5rem 1rem;z-index:1}
.skip:focus{left:1rem;top:1rem}
a{color:var(--link)}
a:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
header{background:var(--band);color:var(--band-ink);padding:2.25rem 0 2rem;border-bottom:6px solid #7fb2d9}
.kicker{margin:0 0 .25rem;font-size:.95rem;letter-spacing:.04em;text-transform:uppercase;opacity:.9}
h1{margin:0;font-size:clamp(1.7rem,5vw,2.4rem);line-height:1.2;overflow-wrap:anywhere}
.lead{margin:.75rem 0 0;font-size:1.15rem;max-width:38rem}
nav{margin:1.5rem 0 0;padding:1rem 1.25rem;background:var(--soft);border-radius:.5rem}
nav h2{margin:0 0 .25rem;font-size:1rem;border:0;padding:0}
nav ol{margin:0;padding-left:1.25rem}
main{padding-bottom:2.5rem}
section{margin-top:2.5rem}
h2{font-size:1.45rem;line-height:1.3;margin:0 0 .75rem;padding-bottom:.35rem;border-bottom:2px solid var(--line)}
h3{font-size:1.15rem;margin:1.5rem 0 .4rem}
p,li,dd{overflow-wrap:anywhere}
.text{white-space:pre-line}
.muted{color:var(--muted)}
.card{border:1px solid var(--line);border-left:5px solid var(--band);border-radius:.5rem;padding:.9rem 1.1rem;margin:0 0 1rem;background:#fff}
.card p{margin:.25rem 0}
.card .main{font-size:1.1rem;font-weight:600;margin:0}
ol.plain,ul.plain{list-style:none;margin:0;padding:0}
.table{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0 .5rem}
th,td{text-align:left;vertical-align:top;padding:.55rem .6rem;border-bottom:1px solid var(--line)}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
td.num,th.num{text-align:right;white-space:nowrap}
th .muted{font-weight:400}
@media (max-width:40rem){table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block}table.stack tr{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .85rem;margin:0 0 .75rem}table.stack th,table.stack td,table.stack td.num{border:0;padding:.15rem 0;text-align:left;white-space:normal}table.stack th{font-size:1.05rem}table.stack td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-size:.95rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.b-done,.b-met{color:#1c5a2b;background:#e4f2e7}
.b-underway,.b-improved{color:#174f85;background:#e5eefa}
.b-planned,.b-not-yet{color:#3a434d;background:#eef0f3}
.b-late,.b-worse{color:#8a1c12;background:#fde9e7}
.b-dropped{color:#4b5157;background:#f1f1f1;text-decoration:line-through}
.b-revoked{color:#8a1c12;background:#fde9e7}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
dl{margin:0}
dt{font-weight:600;margin-top:.75rem}
dd{margin:.2rem 0 0}
blockquote{margin:.5rem 0;padding:.5rem 1rem;border-left:4px solid #7fb2d9;background:var(--soft)}
blockquote p{margin:0}
footer{border-top:1px solid var(--line);background:var(--soft);padding:1.25rem 0 2rem;color:var(--muted);font-size:1rem}
footer p{margin:.25rem 0}
@media print{header{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink)}nav,.skip{display:none}}
`.replace(/\n/g, '');

function page(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const roleList = (roles: readonly RoleCount[], lang: Lang) => roles.map((r) => `${e(r.role)} ${num(r.count, lang)}`).join(', ');

interface Part {
  id: string;
  heading: string;
  html: string;
}

function problemsPart(s: StoryContent, t: (typeof T)[Lang]): Part | null {
  if (s.problems.length === 0) return null;
  const items = s.problems.map((p) => {
    const meta = [
      s.names && p.author ? `${t.by}: ${e(p.author)} (${e(p.role)})` : `${t.roleBy}: ${e(p.role)}`,
      p.perspectiveRoles.length ? `${t.perspectives}: ${p.perspectiveRoles.map(e).join(', ')}` : '',
      p.ideas ? t.ideas(p.ideas) : '',
    ].filter(Boolean);
    return `<li class="card"><p class="main text">${e(p.text) || t.none}</p><p class="muted">${meta.join(' · ')}</p></li>`;
  });
  return { id: 'problem', heading: t.problem, html: `<ul class="plain">${items.join('')}</ul>` };
}

function peoplePart(s: StoryContent, t: (typeof T)[Lang], lang: Lang): Part | null {
  const p = s.participants;
  if (p.total === 0) return null;
  const rows = p.byRole.map((r) => `<tr><th scope="row">${e(r.role)}</th><td class="num">${num(r.count, lang)}</td></tr>`).join('');
  const names = s.names && p.names.length ? `<h3>${t.named}</h3><p>${p.names.map(e).join(', ')}</p>` : '';
  return {
    id: 'people',
    heading: t.people,
    html: `<p>${t.peopleLead(p.total, p.byRole.length)}</p><div class="table"><table><thead><tr><th scope="col">${t.role}</th><th scope="col" class="num">${t.count}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row">${t.total}</th><td class="num">${num(p.total, lang)}</td></tr></tfoot></table></div>${names}`,
  };
}

function processPart(s: StoryContent, t: (typeof T)[Lang], lang: Lang): Part | null {
  if (s.sessions.length === 0) return null;
  const items = s.sessions.map((d) => {
    const steps = d.steps.length ? `<p>${t.steps}:</p><ol>${d.steps.map((x) => `<li>${e(x)}</li>`).join('')}</ol>` : `<p class="muted">${t.noSteps}</p>`;
    return `<li><h3>${e(storyDate(d.day, lang))}</h3><p>${t.sessionPeople(d.people)}${d.byRole.length ? ` (${roleList(d.byRole, lang)})` : ''}</p>${steps}</li>`;
  });
  return { id: 'process', heading: t.process, html: `<ol class="plain">${items.join('')}</ol>` };
}

function decisionsPart(s: StoryContent, t: (typeof T)[Lang], lang: Lang): Part | null {
  if (s.decisions.length === 0) return null;
  const items = s.decisions.map((d) => {
    const lines = [
      `<p class="main text">${e(d.wording)}${d.revoked ? ` <span class="badge b-revoked">${t.revoked}</span>` : ''}</p>`,
      d.original ? `<p class="muted">${t.originally}: <span class="text">${e(d.original)}</span></p>` : '',
      `<p>${t.agreedOn(e(storyDate(d.day, lang)))}${d.roles.length ? `. ${t.present}: ${roleList(d.roles, lang)}` : ''}</p>`,
      s.names && d.names.length ? `<p class="muted">${d.names.map(e).join(', ')}</p>` : '',
    ];
    return `<li class="card">${lines.join('')}</li>`;
  });
  return { id: 'decisions', heading: t.decisions, html: `<p>${t.decisionsLead}</p><ol class="plain">${items.join('')}</ol>` };
}

interface Cell {
  html: string;
  num?: boolean;
}

/**
 * A table that becomes one card per row on a narrow screen (CSS below): each
 * cell then shows its column's name before it. Explicit ARIA roles keep it a
 * table for screen readers, which drop table semantics when display changes.
 */
function stackTable(head: ReadonlyArray<{ label: string; num?: boolean }>, rows: ReadonlyArray<{ header: string; cells: readonly Cell[] }>): string {
  const cls = (c: { num?: boolean }) => (c.num ? ' class="num"' : '');
  const th = head.map((h) => `<th scope="col" role="columnheader"${cls(h)}>${h.label}</th>`).join('');
  const body = rows
    .map((r) => `<tr role="row"><th scope="row" role="rowheader">${r.header}</th>${r.cells.map((c, i) => `<td role="cell"${cls(c)} data-label="${e(head[i + 1]?.label ?? '')}">${c.html}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="table"><table class="stack" role="table"><thead role="rowgroup"><tr role="row">${th}</tr></thead><tbody role="rowgroup">${body}</tbody></table></div>`;
}

const badge = (cls: string, text: string) => `<span class="badge b-${cls}">${text}</span>`;

function actionsPart(s: StoryContent, t: (typeof T)[Lang], lang: Lang): Part | null {
  if (s.actions.length === 0) return null;
  const order: ActionProgress[] = ['done', 'underway', 'planned', 'late', 'dropped'];
  const summary = order.filter((k) => s.actionSummary[k] > 0).map((k) => `<li>${badge(k, `${t.progress[k]}: ${num(s.actionSummary[k], lang)}`)}</li>`);
  const table = stackTable(
    [{ label: t.what }, { label: t.who }, { label: t.due }, { label: t.status }],
    s.actions.map((a) => ({
      header: `<span class="text">${e(a.what)}</span>`,
      cells: [{ html: a.who ? e(a.who) : t.none }, { html: a.due ? e(storyDate(a.due, lang)) : t.none }, { html: badge(a.progress, t.progress[a.progress]) }],
    })),
  );
  return {
    id: 'actions',
    heading: t.actions,
    html: `<p>${t.asOf(e(storyDate(s.asOf, lang)))}</p><ul class="summary">${summary.join('')}</ul>${table}`,
  };
}

function evaluationPart(s: StoryContent, t: (typeof T)[Lang], lang: Lang): Part | null {
  const { indicators, sessions } = s.evaluation;
  if (indicators.length === 0 && sessions.length === 0) return null;
  const out: string[] = [];
  if (indicators.length) {
    const unit = (n: number, u: string) => `${num(n, lang)}${u ? ` ${e(u)}` : ''}`;
    const table = stackTable(
      [{ label: t.indicator }, { label: t.baseline, num: true }, { label: t.target, num: true }, { label: t.latest }],
      indicators.map((i) => ({
        header: `${e(i.name)}<br><span class="muted">${t.direction[i.direction]}</span>`,
        cells: [
          { html: unit(i.baseline, i.unit), num: true },
          { html: unit(i.target, i.unit), num: true },
          { html: i.latest ? `${unit(i.latest.value, i.unit)} <span class="muted">(${e(i.latest.session)})</span><br>${badge(i.latest.status, t.indicatorStatus[i.latest.status])}` : t.none },
        ],
      })),
    );
    out.push(`<h3>${t.indicators}</h3>${table}`);
  }
  for (const x of sessions) {
    out.push(`<h3>${e(x.label)} <span class="muted">(${e(storyDate(x.date, lang))})</span></h3>`);
    if (x.answers.length) out.push(`<p><strong>${t.answers}</strong></p><dl>${x.answers.map((a) => `<dt>${e(a.question)}</dt><dd class="text">${e(a.text)}</dd>`).join('')}</dl>`);
    if (x.stories.length) {
      out.push(`<p><strong>${t.stories}</strong></p>${x.stories.map((y) => `<blockquote><p class="text">${e(y.text)}</p><p class="muted">${t.storyKind[y.kind]} · ${e(y.role)}</p></blockquote>`).join('')}`);
    }
  }
  return { id: 'evaluation', heading: t.evaluation, html: out.join('') };
}

/** The published story as a complete HTML document. */
export function storyHtml(s: StoryContent, times: { publishedAt: number; updatedAt: number }): string {
  const lang = s.lang;
  const t = T[lang];
  const title = s.title || t.untitled;
  const parts = [problemsPart(s, t), peoplePart(s, t, lang), processPart(s, t, lang), decisionsPart(s, t, lang), actionsPart(s, t, lang), evaluationPart(s, t, lang)].filter(
    (p): p is Part => p !== null,
  );
  const lead = [
    s.participants.total ? t.peopleLead(s.participants.total, s.participants.byRole.length) : '',
    s.decisions.length || s.actions.length ? t.leadOutcome(s.decisions.length, s.actions.length) : '',
  ].filter(Boolean);
  const nav = parts.length > 1 ? `<nav aria-labelledby="toc"><h2 id="toc">${t.contents}</h2><ol>${parts.map((p) => `<li><a href="#${p.id}">${p.heading}</a></li>`).join('')}</ol></nav>` : '';
  const sections = parts.length ? parts.map((p) => `<section aria-labelledby="${p.id}"><h2 id="${p.id}">${p.heading}</h2>${p.html}</section>`).join('\n') : `<p>${t.empty}</p>`;
  const published = t.published(e(storyDate(times.publishedAt, lang)));
  const updated = dayDiffers(times.publishedAt, times.updatedAt) ? `, ${t.updated(e(storyDate(times.updatedAt, lang)))}` : '';
  return page(
    lang,
    `${title} – ${t.kind}`,
    `<a class="skip" href="#main">${t.skip}</a>
<header><div class="wrap"><p class="kicker">${t.kind}</p><h1>${e(title)}</h1>${lead.length ? `<p class="lead">${lead.join(' ')}</p>` : ''}</div></header>
<main id="main"><div class="wrap">${nav}
${sections}
</div></main>
<footer><div class="wrap"><p>${published}${updated}.</p><p>${s.names ? t.withNames : t.anonymous}</p></div></footer>`,
  );
}

const dayDiffers = (a: number, b: number) => new Date(a).toISOString().slice(0, 10) !== new Date(b).toISOString().slice(0, 10);

const GONE = {
  da: { title: 'Fortællingen er trukket tilbage', text: 'Gruppen bag denne fortælling har trukket den tilbage, så den vises ikke længere.' },
  en: { title: 'This story has been withdrawn', text: 'The group behind this story has withdrawn it, so it is no longer shown.' },
};
const MISSING = {
  da: { title: 'Fortællingen findes ikke', text: 'Der er ingen fortælling på denne adresse. Tjek, at linket er skrevet helt rigtigt.' },
  en: { title: 'No story here', text: 'There is no story at this address. Check that the link is complete.' },
};

function notice(lang: Lang | null, texts: typeof GONE): string {
  // Without a known language (an unknown link) the page says it in both.
  const langs: Lang[] = lang ? [lang] : ['da', 'en'];
  const first = texts[langs[0] as Lang];
  const body = langs.map((l, i) => `<section${lang ? '' : ` lang="${l}"`}>${i === 0 ? `<h1>${texts[l].title}</h1>` : `<h2>${texts[l].title}</h2>`}<p>${texts[l].text}</p></section>`).join('');
  return page(lang ?? 'da', first.title, `<main id="main"><div class="wrap" style="padding-top:3rem">${body}</div></main>`);
}

/** 410: the story was withdrawn (or its board is in the trash or erased). */
export const storyGoneHtml = (lang: Lang | null) => notice(lang, GONE);
/** 404: no story at this address. */
export const storyMissingHtml = () => notice(null, MISSING);
