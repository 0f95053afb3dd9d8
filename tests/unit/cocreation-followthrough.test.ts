import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAction, setActionField } from '../../shared/cocreation/actions';
import { cocreationMap, ROUND_KEY, setAnonymousNames } from '../../shared/cocreation/doc';
import { applyDecision, proposeDecision, proposeRevisit } from '../../shared/cocreation/decisions';
import { decidedIdeas, followThrough } from '../../shared/cocreation/evaluation';
import { latestRevealed, readRoundHistory, recordRound, roundsMap } from '../../shared/cocreation/rounds';
import { applyProposal, propose, readSession, type Person } from '../../shared/cocreation/session';
import { logPresence, participantsByRole, readWorkLog, runLabel, worklogMap } from '../../shared/cocreation/worklog';
import { createItem, initBoard } from '../../shared/model/board';
import { revealedRound } from '../helpers/fullBoard';

const T0 = Date.parse('2026-12-03T09:00:00Z');
const key = (n: number) => `person-${String(n).padStart(12, '0')}`;
const person = (n: number, role: Person['role'] = 'citizen'): Person => ({ key: key(n), role, name: `P${n}`, roleText: '' });

function board() {
  const doc = new Y.Doc();
  initBoard(doc, 'Ungehus', undefined, T0);
  const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Ann', role: 'citizen' }, text: 'Et ungehus', now: T0 });
  return { doc, idea };
}

describe('the session log (worklog)', () => {
  it('records each person once per day and groups days with their phases run', () => {
    const { doc } = board();
    expect(logPresence(doc, person(1), '2026-12-03', T0)).toBe(true);
    // A second join the same day writes nothing (a reconnect is not a new participant).
    const before = Y.encodeStateAsUpdate(doc);
    expect(logPresence(doc, person(1), '2026-12-03', T0 + 60_000)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    logPresence(doc, person(2, 'politician'), '2026-12-03', T0 + 120_000);
    const step = readSession(doc).agenda[1]!.id;
    const p = propose(doc, { kind: 'goto', step }, person(1), T0 + 600_000);
    applyProposal(doc, p, T0 + 700_000);
    // Months later: one person comes back.
    const later = Date.parse('2027-03-10T13:00:00Z');
    logPresence(doc, person(1), '2027-03-10', later);
    const log = readWorkLog(doc);
    expect(log.days.map((d) => d.day)).toEqual(['2026-12-03', '2027-03-10']);
    const first = log.days[0]!;
    expect(first.byRole).toEqual({ citizen: 1, politician: 1 });
    expect(first.start).toBe(T0);
    expect(first.end).toBe(T0 + 700_000);
    expect(first.steps.map((s) => runLabel(s, 'en'))).toEqual(['Goals and expectations']);
    expect(log.days[1]!.byRole).toEqual({ citizen: 1 });
    expect(participantsByRole(log).byRole).toEqual({ citizen: 1, politician: 1 });
  });

  it('stores no name while names are hidden, and skips malformed entries', () => {
    const { doc } = board();
    setAnonymousNames(doc, true);
    logPresence(doc, person(1), '2026-12-03', T0);
    expect(readWorkLog(doc).people.get(key(1))?.name).toBe('');
    worklogMap(doc).set('seen|2026-02-30|' + key(2), { role: 'citizen', at: T0 });
    worklogMap(doc).set('seen|2026-12-03|short', { role: 'citizen', at: T0 });
    worklogMap(doc).set('ran|x', { step: 'goals', at: 'soon' });
    const log = readWorkLog(doc);
    expect(log.days.map((d) => d.day)).toEqual(['2026-12-03']);
    expect(log.days[0]!.people).toHaveLength(1);
    expect(log.days[0]!.steps).toHaveLength(0);
  });
});

describe('every vote round is kept', () => {
  it('keeps a revealed round when a new one opens, and a late write of an older state loses', () => {
    const { doc, idea } = board();
    const first = revealedRound('a', idea);
    recordRound(doc, first);
    cocreationMap(doc).set(ROUND_KEY, first);
    const second = { ...revealedRound('b', idea), status: 'open' as const, results: null, revealedAt: null, closedAt: null, openedAt: first.openedAt + 1000, rev: 1 };
    recordRound(doc, second);
    cocreationMap(doc).set(ROUND_KEY, second);
    const rounds = readRoundHistory(doc);
    expect(rounds.map((r) => r.id)).toEqual(['round-a', 'round-b']);
    expect(latestRevealed(rounds)?.id).toBe('round-a');
    // The evaluation still compares with the revealed round while the new one is open.
    expect(decidedIdeas(doc).ideas.map((i) => i.ideaId)).toEqual([idea]);
    recordRound(doc, { ...first, rev: 1, status: 'open', results: null });
    expect(readRoundHistory(doc)[0]!.status).toBe('revealed');
    roundsMap(doc).set('junk', { id: 'other' });
    expect(readRoundHistory(doc)).toHaveLength(2);
  });
});

describe('follow-through: decisions and the action plan as they stand', () => {
  it('counts done, late and dropped on a given day, and names decisions nobody acts on', () => {
    const { doc, idea } = board();
    const me = person(1);
    const d1 = proposeDecision(doc, { wording: 'Vi bygger et ungehus', ideas: [idea] }, me, T0);
    applyDecision(doc, d1, [me], T0 + 1);
    const d2 = proposeDecision(doc, { wording: 'Vi holder et borgermøde', ideas: [idea] }, me, T0);
    applyDecision(doc, d2, [me], T0 + 2);
    const late = addAction(doc, { source: { kind: 'decision', id: d1 }, what: 'Find en grund', due: '2027-01-15' }, 'citizen', T0);
    const done = addAction(doc, { source: { kind: 'decision', id: d1 }, what: 'Budget', due: '2027-01-10' }, 'citizen', T0);
    setActionField(doc, done, 'status', 'done', 'politician', T0 + 5);
    const dropped = addAction(doc, { source: { kind: 'decision', id: d2 }, what: 'Lej en sal', due: '2027-01-01' }, 'citizen', T0);
    setActionField(doc, dropped, 'status', 'dropped', 'citizen', T0 + 6);
    addAction(doc, { source: { kind: 'idea', id: idea }, what: 'Spørg de unge' }, 'citizen', T0);
    const f = followThrough(doc, '2027-03-10');
    expect(f.summary).toEqual({ planned: 1, underway: 0, done: 1, dropped: 1, late: 1 });
    expect(f.actions.find((a) => a.id === late)?.progress).toBe('late');
    // Before the due date nothing is late.
    expect(followThrough(doc, '2027-01-01').summary.late).toBe(0);
    // d2's only action was dropped: decided, but nothing is being done about it.
    expect(f.withoutActions).toEqual([d2]);
    // A revoked decision needs no action.
    const r = proposeRevisit(doc, d2, '', me, T0 + 10);
    applyDecision(doc, r, [me], T0 + 11);
    expect(followThrough(doc, '2027-03-10').withoutActions).toEqual([]);
  });
});
