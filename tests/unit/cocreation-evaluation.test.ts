import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cocreationMap, ROUND_KEY } from '../../shared/cocreation/doc';
import {
  addIndicator,
  addStory,
  compareIndicators,
  compareWithDecisions,
  decidedIdeas,
  editIndicator,
  editSession,
  EVAL_QUESTION_GROUPS,
  EVAL_QUESTIONS,
  evaluationMap,
  EvaluationError,
  isDate,
  judge,
  openSession,
  progress,
  readEvaluation,
  removeIndicator,
  removeSession,
  removeStory,
  setMeasurement,
  writeAnswer,
} from '../../shared/cocreation/evaluation';
import { addAgreedGoal, setRevisit } from '../../shared/cocreation/goals';
import { createItem, deleteItem } from '../../shared/model/board';
import { author } from '../helpers/board';
import { evaluationMarkdown } from '../../shared/export/sections/evaluation';

/** Appendix 1 of the manifesto, copied line by line from the original text (whitespace normalised), typo included. */
const APPENDIX_1 = [
  'Appendix 1: Spørgsmål til inspiration i forbindelse med effektmåling af samskabelse',
  'Hvad er det vi skal måle?',
  'Hvad vil vi forandre? Hvordan ved vi, hvordan ved vi, at det er lykkedes?',
  'Hvordan holder man fokus på at nå et bestemt mål uden at lukke processen og blive blind for andre gevinster?',
  'Hvordan kan vi få blik for mangfoldigheden i mål, både i forhold til proces og resultat og i forhold til skabelse af individuel og kollektiv handlekraft?',
  'Hvordan afstemmer vi forventningerne til målet i starten i processen?',
  'Hvem måler vi for: for deltagerne i samskabelsesprocessen, for de offentlige systemer eller for virksomheden?',
  'Hvordan sikrer vi at det er effekterne af vores fælles indsats vi måler på og ikke vores præstationer?',
  'Hvem har ejerskab til, hvilke mål og effekter?',
  'Hvordan måler vi?',
  'Hvordan kan vi måle systematisk, både kvantitativt ved hjælp af tal og kvalitativt ved hjælp af interviews, beretninger og fortællinger?',
  'Hvordan måler vi, så det ikke opleves som kontrol, men som et middel til læring og justering af indsatsen med henblik på at nå et fælles mål?',
  'Hvordan opsamler og bearbejder vi de gode og dårlige erfaringer undervejs?',
  'Hvordan sikrer vi, at alle har en stemme i opsamlingen og bearbejdningen af erfaringerne med effektskabelse?',
  'Hvad bruger vi måling til?',
  'Hvordan bruger vi det, som vi lærer undervejs?',
  'Hvordan undgår vi at lave effektmåling for effektmålingens egen skyld?',
  'Hvordan bruger vi måling til at motivere os til at blive ved og klappe o selv på ryggen, når det går godt?',
  'Hvordan bliver vi gode til at fejre, når vi lykkes?',
  'Hvordan kan vi dele vores erfaringer, så vi når ud til relevante målgrupper?',
  'Hvordan vil vi bruge vores erfaringer til at skabe hverdagshistorier, der inspirerer andre?',
].join('\n');

describe('evaluation: Appendix 1 questions', () => {
  it('three groups, 17 questions, every one in Danish (verbatim from the manifesto) and English', () => {
    expect(EVAL_QUESTION_GROUPS.map((g) => [g.id, g.title.da, g.questions.length])).toEqual([
      ['what', 'Hvad er det vi skal måle?', 7],
      ['how', 'Hvordan måler vi?', 4],
      ['use', 'Hvad bruger vi måling til?', 6],
    ]);
    expect(new Set(EVAL_QUESTIONS.map((q) => q.id)).size).toBe(17);
    const appendix = APPENDIX_1.split('\n');
    for (const q of EVAL_QUESTIONS) {
      expect(q.en.trim().length, q.id).toBeGreaterThan(10);
      expect(q.en).toMatch(/\?$/);
      expect(q.da).not.toBe(q.en);
      // Verbatim, except the one typo the manifesto has ("klappe o selv").
      expect(appendix, q.id).toContain(q.da.replace('klappe os selv', 'klappe o selv'));
    }
    // Same groups, same questions, same order as the manifesto.
    expect(EVAL_QUESTION_GROUPS.flatMap((g) => [g.title.da, ...g.questions.map((q) => q.da.replace('klappe os selv', 'klappe o selv'))])).toEqual(appendix.slice(1));
    for (const g of EVAL_QUESTION_GROUPS) expect(g.title.en).toMatch(/\?$/);
    expect(EVAL_QUESTIONS.find((q) => q.id === 'use-3')?.da).toContain('klappe os selv på ryggen');
  });
});

describe('evaluation: sessions, answers, indicators, stories', () => {
  it('writes and reads everything; sessions are ordered by date', () => {
    const doc = new Y.Doc();
    const later = openSession(doc, { label: 'Opfølgning', date: '2025-09-01', role: 'citizen' }, undefined, 5);
    const first = openSession(doc, { label: ' Første møde ', date: '2025-03-01', role: 'politician' }, undefined, 10);
    writeAnswer(doc, first, 'what-1', 'Færre unge dropper ud', 'citizen');
    const ind = addIndicator(doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'public-employee' });
    setMeasurement(doc, ind, first, 19, 'citizen');
    setMeasurement(doc, ind, later, 14, 'citizen');
    const story = addStory(doc, { text: 'Ali fik en mentor', kind: 'good', session: later, role: 'other', roleText: 'Ungdomsklub' });
    const s = readEvaluation(doc);
    expect(s.sessions.map((x) => [x.label, x.date])).toEqual([
      ['Første møde', '2025-03-01'],
      ['Opfølgning', '2025-09-01'],
    ]);
    expect(s.answers.get(first)?.get('what-1')?.text).toBe('Færre unge dropper ud');
    expect(s.indicators).toMatchObject([{ id: ind, name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower' }]);
    expect(s.measures.get(ind)?.get(later)?.value).toBe(14);
    expect(s.stories).toMatchObject([{ id: story, kind: 'good', session: later, role: 'other', roleText: 'Ungdomsklub' }]);
    // Edits and removals.
    editSession(doc, later, { label: 'Efterår', date: '2025-10-01' });
    editIndicator(doc, ind, { name: 'Frafald (andel)', unit: '%', baseline: 20, target: 10, direction: 'lower' });
    writeAnswer(doc, first, 'what-1', '', 'citizen');
    setMeasurement(doc, ind, first, null, 'citizen');
    removeStory(doc, story);
    const t = readEvaluation(doc);
    expect(t.sessions[1]).toMatchObject({ label: 'Efterår', date: '2025-10-01' });
    expect(t.indicators[0]).toMatchObject({ name: 'Frafald (andel)', target: 10 });
    expect(t.answers.get(first)?.has('what-1') ?? false).toBe(false);
    expect([...(t.measures.get(ind)?.keys() ?? [])]).toEqual([later]);
    expect(t.stories).toEqual([]);
    // A session that holds something is kept; an empty one can go. Removing an indicator removes its measurements.
    expect(() => removeSession(doc, later)).toThrow(/kept/);
    removeSession(doc, first);
    removeIndicator(doc, ind);
    expect([...evaluationMap(doc).keys()].sort()).toEqual([`session|${later}`]);
  });

  it('bad input throws a clear error and changes nothing', () => {
    const doc = new Y.Doc();
    const sid = openSession(doc, { label: 'Møde', date: '2025-03-01', role: 'citizen' });
    const ind = addIndicator(doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'citizen' });
    const before = Y.encodeStateVector(doc);
    const bad: Array<[() => unknown, RegExp]> = [
      [() => openSession(doc, { label: '  ', date: '2025-03-01', role: 'citizen' }), /needs a name/],
      [() => openSession(doc, { label: 'x', date: '2025-02-30', role: 'citizen' }), /YYYY-MM-DD/],
      [() => openSession(doc, { label: 'x', date: '1/3/2025', role: 'citizen' }), /YYYY-MM-DD/],
      [() => openSession(doc, { label: 'x'.repeat(81), date: '2025-03-01', role: 'citizen' }), /at most 80/],
      [() => openSession(doc, { label: 'x', date: '2025-03-01', role: 'mayor' as 'citizen' }), /unknown role/],
      [() => writeAnswer(doc, sid, 'what-99', 'x', 'citizen'), /unknown question/],
      [() => writeAnswer(doc, 'no-such-session', 'what-1', 'x', 'citizen'), /no such session/],
      [() => writeAnswer(doc, sid, 'what-1', 'x'.repeat(2001), 'citizen'), /at most 2000/],
      [() => addIndicator(doc, { name: '', unit: '', baseline: 1, target: 2, direction: 'higher', role: 'citizen' }), /needs a name/],
      [() => addIndicator(doc, { name: 'x', unit: '', baseline: Number.NaN, target: 2, direction: 'higher', role: 'citizen' }), /baseline must be a number/],
      [() => addIndicator(doc, { name: 'x', unit: '', baseline: 1, target: Infinity, direction: 'higher', role: 'citizen' }), /target must be a number/],
      [() => addIndicator(doc, { name: 'x', unit: '', baseline: 1, target: 2, direction: 'up' as 'higher', role: 'citizen' }), /higher or lower/],
      [() => setMeasurement(doc, ind, sid, Number.POSITIVE_INFINITY, 'citizen'), /measurement must be a number/],
      [() => setMeasurement(doc, 'no-such-indicator', sid, 1, 'citizen'), /no such indicator/],
      [() => setMeasurement(doc, ind, 'no-such-session', 1, 'citizen'), /no such session/],
      [() => addStory(doc, { text: ' ', kind: 'good', session: sid, role: 'citizen' }), /cannot be empty/],
      [() => addStory(doc, { text: 'x', kind: 'meh' as 'good', session: sid, role: 'citizen' }), /good experience/],
      [() => addStory(doc, { text: 'x', kind: 'good', session: 'no-such-session', role: 'citizen' }), /no such session/],
      [() => removeStory(doc, 'no-such-story'), /no such story/],
      [() => editIndicator(doc, 'no-such-indicator', { name: 'x', unit: '', baseline: 1, target: 2, direction: 'higher' }), /no such indicator/],
    ];
    for (const [fn, msg] of bad) {
      expect(fn).toThrow(EvaluationError);
      expect(fn).toThrow(msg);
    }
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reading junk never throws and skips only the malformed entries', () => {
    const doc = new Y.Doc();
    const sid = openSession(doc, { label: 'Møde', date: '2025-03-01', role: 'citizen' });
    const ind = addIndicator(doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'citizen' });
    const m = evaluationMap(doc);
    const junk: Array<[string, unknown]> = [
      ['session|short', { label: 'x', date: '2025-01-01', at: 1, role: 'citizen' }],
      ['session|bad-date-session', { label: 'x', date: '2025-13-01', at: 1, role: 'citizen' }],
      ['session|bad-role-session', { label: 'x', date: '2025-01-01', at: 1, role: 'queen' }],
      [`answer|${sid}|what-99`, { text: 'x', at: 1, role: 'citizen' }],
      [`answer|missing-session|what-1`, { text: 'x', at: 1, role: 'citizen' }],
      [`answer|${sid}|what-2`, { text: 42, at: 1, role: 'citizen' }],
      ['indicator|nan-indicator', { name: 'x', baseline: 'ten', target: 1, direction: 'higher', at: 1, role: 'citizen' }],
      ['indicator|big-indicator', { name: 'x', baseline: 1e300, target: 1, direction: 'higher', at: 1, role: 'citizen' }],
      [`measure|${ind}|missing-session`, { value: 1, at: 1, role: 'citizen' }],
      [`measure|${ind}|${sid}`, { value: '5', at: 1, role: 'citizen' }],
      ['story|bad-kind-story', { text: 'x', kind: 'epic', session: sid, at: 1, role: 'citizen' }],
      ['story|no-text-story', { kind: 'good', session: sid, at: 1, role: 'citizen' }],
      ['story|no-time-story', { text: 'x', kind: 'good', session: sid, at: -5, role: 'citizen' }],
      ['weird', [1, 2, 3]],
      ['session|a|b|c', null],
    ];
    for (const [k, v] of junk) m.set(k, v);
    const s = readEvaluation(doc);
    expect(s.sessions.map((x) => x.id)).toEqual([sid]);
    expect(s.answers.size).toBe(0);
    expect(s.indicators.map((x) => x.id)).toEqual([ind]);
    expect(s.measures.size).toBe(0);
    expect(s.stories).toEqual([]);
    expect(() => compareWithDecisions(doc, s)).not.toThrow();
  });

  it('two replicas writing at the same time lose nothing', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const sync = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    };
    const sid = openSession(a, { label: 'Møde', date: '2025-03-01', role: 'citizen' });
    sync();
    const i1 = addIndicator(a, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'citizen' });
    const i2 = addIndicator(b, { name: 'Unge i ungerådet', unit: '', baseline: 0, target: 15, direction: 'higher', role: 'politician' });
    addStory(a, { text: 'God start', kind: 'good', session: sid, role: 'citizen' });
    addStory(b, { text: 'For lidt tid', kind: 'bad', session: sid, role: 'politician' });
    writeAnswer(a, sid, 'what-1', 'Frafald', 'citizen');
    writeAnswer(b, sid, 'how-1', 'Tal og interviews', 'politician');
    sync();
    setMeasurement(a, i1, sid, 18, 'citizen');
    setMeasurement(b, i2, sid, 6, 'politician');
    sync();
    expect(readEvaluation(a)).toEqual(readEvaluation(b));
    const s = readEvaluation(a);
    expect(s.indicators.map((i) => i.id).sort()).toEqual([i1, i2].sort());
    expect(s.stories.map((x) => x.text).sort()).toEqual(['For lidt tid', 'God start']);
    expect([...(s.answers.get(sid)?.keys() ?? [])].sort()).toEqual(['how-1', 'what-1']);
    expect(s.measures.get(i1)?.get(sid)?.value).toBe(18);
    expect(s.measures.get(i2)?.get(sid)?.value).toBe(6);
  });

  it('isDate accepts real calendar dates only', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('2025-3-1')).toBe(false);
    expect(isDate(20250301)).toBe(false);
  });
});

describe('evaluation: comparing with what was decided', () => {
  it('judges a value against baseline and target in the better direction', () => {
    const lower = { baseline: 20, target: 12, direction: 'lower' as const };
    expect(judge(lower, 11)).toBe('met');
    expect(judge(lower, 12)).toBe('met');
    expect(judge(lower, 15)).toBe('improved');
    expect(judge(lower, 20)).toBe('not-yet');
    expect(judge(lower, 23)).toBe('worse');
    const higher = { baseline: 0, target: 15, direction: 'higher' as const };
    expect(judge(higher, 16)).toBe('met');
    expect(judge(higher, 6)).toBe('improved');
    expect(judge(higher, 0)).toBe('not-yet');
    expect(judge(higher, -1)).toBe('worse');
    // A target set on the wrong side of the baseline is never "met" by getting worse.
    expect(judge({ baseline: 10, target: 5, direction: 'higher' }, 4)).toBe('worse');
    expect(judge({ baseline: 10, target: 10, direction: 'higher' }, 10)).toBe('met');
    expect(progress(lower, 16)).toBe(0.5);
    expect(progress(higher, 15)).toBe(1);
    expect(progress({ baseline: 3, target: 3 }, 4)).toBeNull();
  });

  it('indicators across sessions: a status per session, the latest measurement and the trend', () => {
    const doc = new Y.Doc();
    const s1 = openSession(doc, { label: 'Start', date: '2025-01-10', role: 'citizen' });
    const s2 = openSession(doc, { label: 'Midtvejs', date: '2025-05-10', role: 'citizen' });
    const s3 = openSession(doc, { label: 'Slut', date: '2025-12-10', role: 'citizen' });
    const drop = addIndicator(doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'citizen' }, undefined, 1);
    const council = addIndicator(doc, { name: 'Unge i rådet', unit: '', baseline: 0, target: 15, direction: 'higher', role: 'citizen' }, undefined, 2);
    setMeasurement(doc, drop, s1, 20, 'citizen');
    setMeasurement(doc, drop, s2, 16, 'citizen');
    setMeasurement(doc, drop, s3, 17, 'citizen');
    setMeasurement(doc, council, s2, 16, 'citizen');
    const [d, c] = compareIndicators(readEvaluation(doc));
    expect(d?.points.map((p) => [p.session.label, p.value, p.status])).toEqual([
      ['Start', 20, 'not-yet'],
      ['Midtvejs', 16, 'improved'],
      ['Slut', 17, 'improved'],
    ]);
    expect(d?.latest?.value).toBe(17);
    expect(d?.trend).toBe('worse');
    expect(c?.points.map((p) => p.status)).toEqual([null, 'met', null]);
    expect(c?.latest?.session.label).toBe('Midtvejs');
    expect(c?.trend).toBeNull();
  });

  it('puts the agreed goals (with their revisit) and the revealed vote results next to the indicators', () => {
    const doc = new Y.Doc();
    const keep = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd\nmed budget' });
    const gone = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('politician', 'Bo'), text: 'Gratis bus' });
    const g = addAgreedGoal(doc, { horizon: 'short', text: 'Ungeråd nedsat', author: { name: 'Ann', role: 'citizen' } });
    addAgreedGoal(doc, { horizon: 'long', text: 'Færre frafald', author: { name: 'Bo', role: 'politician' } });
    setRevisit(doc, { kind: 'agreed', id: g }, 'met', '', 'citizen');
    // No round yet, then an open round: nothing decided.
    expect(decidedIdeas(doc).ideas).toEqual([]);
    const round = { id: 'r1', status: 'open', dots: 3, equalWeight: true, anonymousNames: false, openedAt: 1, participation: { voters: 0, votersByRole: {} } };
    cocreationMap(doc).set(ROUND_KEY, round);
    expect(decidedIdeas(doc).ideas).toEqual([]);
    cocreationMap(doc).set(ROUND_KEY, {
      ...round,
      status: 'revealed',
      revealedAt: 99,
      results: {
        // Two voters per role: each keeps its own count (one-person roles: cocreation-small-roles.test.ts).
        voters: 4,
        votersByRole: { citizen: 2, politician: 2 },
        dots: 6,
        dotsByRole: { citizen: 3, politician: 3 },
        ideas: [
          { ideaId: keep, text: 'Ungeråd', dots: 4, byRole: { citizen: 3, politician: 1 }, weighted: 4, roles: 2, broad: true },
          { ideaId: gone, text: 'Gratis bus', dots: 2, byRole: { politician: 2 }, weighted: 2, roles: 1, broad: false },
        ],
      },
    });
    deleteItem(doc, gone);
    const cmp = compareWithDecisions(doc);
    expect(cmp.goals.map((x) => [x.text, x.revisit?.status ?? null])).toEqual([
      ['Ungeråd nedsat', 'met'],
      ['Færre frafald', null],
    ]);
    expect(cmp.goalCounts).toMatchObject({ total: 2, met: 1, revisited: 1 });
    expect(cmp.decided).toMatchObject({ revealedAt: 99, equalWeight: true });
    expect(cmp.decided.ideas.map((i) => [i.text, i.deleted, i.dots, i.broad, i.byRole])).toEqual([
      ['Ungeråd', false, 4, true, { citizen: 3, politician: 1 }],
      ['Gratis bus', true, 2, false, { politician: 2 }],
    ]);
  });
});

describe('evaluation in the minutes', () => {
  it('decided ideas, an indicator table across sessions, answers and stories per session; text escaped', () => {
    const doc = new Y.Doc();
    expect(evaluationMarkdown(doc, 'en')).toEqual([]);
    const s1 = openSession(doc, { label: 'Start', date: '2025-01-10', role: 'citizen' });
    const s2 = openSession(doc, { label: 'Slut | endelig', date: '2025-12-10', role: 'citizen' });
    const ind = addIndicator(doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'citizen' });
    setMeasurement(doc, ind, s1, 18.5, 'citizen');
    setMeasurement(doc, ind, s2, 11, 'citizen');
    writeAnswer(doc, s1, 'what-1', 'Færre frafald\n# ikke en overskrift', 'citizen');
    addStory(doc, { text: 'Mødet var *godt*', kind: 'good', session: s2, role: 'politician' });
    const md = evaluationMarkdown(doc, 'da');
    expect(md).toContain('## Evaluering');
    expect(md).toContain('| Indikator | Udgangspunkt | Mål | Start (2025-01-10) | Slut \\| endelig (2025-12-10) |');
    expect(md).toContain('| Frafald (lavere er bedre) | 20 % | 12 % | 18,5 % (bedre) | 11 % (mål nået) |');
    expect(md).toContain('- *Hvad vil vi forandre? Hvordan ved vi, hvordan ved vi, at det er lykkedes?*');
    expect(md).toContain('  Færre frafald / # ikke en overskrift');
    expect(md).toContain('- God erfaring (Politiker): Mødet var \\*godt\\*');
    // Every table row has the same number of cells.
    const rows = md.filter((l) => l.startsWith('|'));
    expect(new Set(rows.map((r) => r.split(/(?<!\\)\|/).length)).size).toBe(1);
    expect(evaluationMarkdown(doc, 'en')).toContain('| Frafald (lower is better) | 20 % | 12 % | 18.5 % (better) | 11 % (target met) |');
  });
});

describe('indicator values as people type them', () => {
  it('reads decimal commas and points, refuses what is not a number', async () => {
    const { parseNumber } = await import('../../client/src/cocreation/evaluation/numbers');
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber(' 3,5 ')).toBe(3.5);
    expect(parseNumber('3.5')).toBe(3.5);
    expect(parseNumber('-0,25')).toBe(-0.25);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('1.200,5')).toBe(1200.5);
    expect(parseNumber('1,200.5')).toBe(1200.5);
    for (const bad of ['', 'abc', '12abc', '1,2,3', '--1', 'Infinity', 'NaN', '1e999']) expect(parseNumber(bad), bad).toBeNull();
  });
});
