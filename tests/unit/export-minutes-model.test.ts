import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction } from '../../shared/cocreation/actions';
import { applyDecision, proposeDecision, proposeRevisit, setDecisionReady } from '../../shared/cocreation/decisions';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { addAgreedGoal } from '../../shared/cocreation/goals';
import type { Person } from '../../shared/cocreation/session';
import { logPresence, logStepRun } from '../../shared/cocreation/worklog';
import { boardToMarkdown } from '../../shared/export/markdown';
import { minutesToHtml } from '../../shared/export/minutes/html';
import { projectMinutes } from '../../shared/export/minutes/model';
import { createItem, initBoard } from '../../shared/model/board';

const person = (n: number, role: Person['role'], name: string): Person => ({ key: `p_minutes_model_${String(n).padStart(6, '0')}`, role, name, roleText: '' });
const ANN = person(1, 'citizen', 'Ann Aagaard');
const BO = person(2, 'politician', 'Bo Bech');
const CEM = person(3, 'business', 'Cem Celik');
const at = (iso: string) => Date.parse(iso);
const NOW = new Date('2026-06-01T10:00:00Z');
const UTC = { timeZone: 'UTC' };

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Havnen');
  return doc;
}

describe('minutes model', () => {
  it('with no session log and no vote: the creation date, and the ideas in board order with a note saying so', () => {
    const doc = board();
    createItem(doc, { kind: 'idea', x: 0, y: 300, author: { name: 'Lis', role: 'citizen' }, text: 'Nederst' });
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Lis', role: 'citizen' }, text: 'Øverst' });
    const md = boardToMarkdown(doc, 'da', NOW, UTC);
    expect(md).toMatch(/Ingen arbejdsmøder er registreret; tavlen blev oprettet \d+\. \w+ \d{4}\./);
    expect(md).toContain('*Ingen afstemning er afsløret; idéerne står i tavlens rækkefølge.*');
    expect(md.indexOf('1. **Øverst**')).toBeGreaterThan(0);
    expect(md.indexOf('1. **Øverst**')).toBeLessThan(md.indexOf('2. **Nederst**'));
    expect(boardToMarkdown(doc, 'en', NOW, UTC)).toContain('*No vote has been revealed; the ideas are listed in board order.*');
  });

  it('sessions by day with their time span, each person counted once per role over all days, and the phases run', () => {
    const doc = board();
    logPresence(doc, ANN, '2026-05-04', at('2026-05-04T07:05:00Z'));
    logPresence(doc, BO, '2026-05-04', at('2026-05-04T07:10:00Z'));
    logStepRun(doc, { id: 'run-1', step: 'understand', phase: 'understand', label: null, at: at('2026-05-04T07:15:00Z') });
    logStepRun(doc, { id: 'run-2', step: 's-own', phase: null, label: 'Gåtur på havnen', at: at('2026-05-04T09:40:00Z') });
    // A second session: Ann again, and Cem.
    logPresence(doc, ANN, '2026-05-20', at('2026-05-20T16:00:00Z'));
    logPresence(doc, CEM, '2026-05-20', at('2026-05-20T16:30:00Z'));
    const m = projectMinutes(doc, 'da', NOW, UTC);
    expect(m.sessions).toEqual([
      { day: '4. maj 2026', from: '07:05', to: '09:40' },
      { day: '20. maj 2026', from: '16:00', to: '16:30' },
    ]);
    expect(m.participants.total).toBe(3);
    expect(m.participants.byRole.map((r) => [r.label, r.count, r.names])).toEqual([
      ['Politiker', 1, ['Bo Bech']],
      ['Borger', 1, ['Ann Aagaard']],
      ['Virksomhed', 1, ['Cem Celik']],
    ]);
    expect(m.agenda).toEqual([{ day: '4. maj 2026', steps: ['Problemforståelse', 'Gåtur på havnen'] }]);
    const md = boardToMarkdown(doc, 'da', NOW, UTC);
    expect(md).toContain('- 4. maj 2026, kl. 07:05–09:40');
    expect(md).toContain('| Borger | 1 | Ann Aagaard |');
    expect(md).toContain('*I alt 3 deltagere.*');
    expect(md).toContain('- 4. maj 2026: Problemforståelse → Gåtur på havnen');
    // Times in the time zone asked for.
    expect(projectMinutes(doc, 'en', NOW, { timeZone: 'Europe/Copenhagen' }).sessions[0]).toEqual({ day: '4 May 2026', from: '09:05', to: '11:40' });
  });

  it('a decision with its revision and its revocation, who was present each time, and the original wording', () => {
    const doc = board();
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Lis', role: 'citizen' }, text: 'Badebro' });
    const d = proposeDecision(doc, { wording: 'Vi bygger en badebro', ideas: [idea] }, ANN, at('2026-05-04T08:00:00Z'));
    setDecisionReady(doc, d, BO.key, true);
    expect(applyDecision(doc, d, [ANN, BO], at('2026-05-04T08:05:00Z'))).toBe(true);
    const r = proposeRevisit(doc, d, 'Vi bygger en badebro med rampe', BO, at('2026-05-20T16:10:00Z'));
    setDecisionReady(doc, r, CEM.key, true);
    expect(applyDecision(doc, r, [BO, CEM], at('2026-05-20T16:15:00Z'))).toBe(true);
    const x = proposeRevisit(doc, d, '', CEM, at('2026-05-21T10:00:00Z'));
    expect(applyDecision(doc, x, [CEM], at('2026-05-21T10:01:00Z'))).toBe(true);
    const md = boardToMarkdown(doc, 'da', NOW, UTC);
    const section = md.slice(md.indexOf('## Beslutninger'), md.indexOf('## Handlingsplan'));
    expect(section).toContain('1. **Vi bygger en badebro med rampe** — besluttet 4. maj 2026 kl. 08:05');
    expect(section).toContain('   Ud fra: »Badebro«');
    expect(section).toContain('   Til stede: Politiker 1, Borger 1 (Ann Aagaard, Bo Bech)');
    expect(section).toContain('   Ændret 20. maj 2026 kl. 16:15: »Vi bygger en badebro med rampe«');
    expect(section).toContain('   **Trukket tilbage 21. maj 2026 kl. 10:01**');
    expect(section).toContain('   Oprindelig ordlyd: »Vi bygger en badebro«');
  });

  it('while the board hides names, its own sections hold none even without exportView; organisations stay', () => {
    const doc = board();
    logPresence(doc, ANN, '2026-05-04', at('2026-05-04T07:05:00Z'));
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Lis', role: 'citizen' }, text: 'Badebro' });
    const d = proposeDecision(doc, { wording: 'Vi bygger', ideas: [idea] }, ANN, at('2026-05-04T08:00:00Z'));
    setDecisionReady(doc, d, BO.key, true);
    expect(applyDecision(doc, d, [ANN, BO], at('2026-05-04T08:05:00Z'))).toBe(true);
    addAction(doc, { source: { kind: 'decision', id: d }, what: 'Søg penge', who: 'Ann Aagaard', whoKind: 'person', due: '2026-05-01' }, 'citizen', at('2026-05-04T08:10:00Z'));
    addAction(doc, { source: { kind: 'decision', id: d }, what: 'Tegn broen', who: 'Teknik og Miljø', whoKind: 'organisation', due: '2026-09-01', status: 'underway' }, 'citizen', at('2026-05-04T08:11:00Z'));
    const shown = boardToMarkdown(doc, 'da', NOW, UTC);
    expect(shown).toContain('Ann Aagaard');
    // Due before the export day and not done: late.
    expect(shown).toContain('| Søg penge | Ann Aagaard | 1. maj 2026 | Forsinket | »Vi bygger« |');
    setAnonymousNames(doc, true);
    const hidden = boardToMarkdown(doc, 'da', NOW, UTC);
    expect(hidden).not.toMatch(/Ann|Bo Bech/);
    expect(hidden).toContain('| Søg penge | — | 1. maj 2026 | Forsinket | »Vi bygger« |');
    expect(hidden).toContain('| Tegn broen | Teknik og Miljø (organisation) | 1. september 2026 | I gang | »Vi bygger« |');
    expect(hidden).toContain('*Navne er skjult på denne tavle; kun roller vises.*');
  });

  it('the print view escapes participants’ text and keeps the older sections (goals) as headings and lists', () => {
    const doc = board();
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: '<b>Lis</b>', role: 'citizen' }, text: '<script>alert(1)</script> & "bro"' });
    addAgreedGoal(doc, { horizon: 'short', text: 'Broen er *bygget* <i>', author: { name: 'Ann', role: 'citizen' } });
    const html = minutesToHtml(projectMinutes(doc, 'da', NOW, UTC));
    expect(html).not.toMatch(/<script|<b>|<i>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;bro&quot;');
    expect(html).toContain('<h2>Mål og forventninger</h2>');
    expect(html).toMatch(/<li><strong>Kort sigt:<\/strong> Broen er \*bygget\* &lt;i&gt; — foreslået af Borger<\/li>/);
  });
});
