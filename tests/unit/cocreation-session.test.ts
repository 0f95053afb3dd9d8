import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_PHASE_IDS } from '../../shared/cocreation/agenda';
import {
  addStep,
  applyProposal,
  consent,
  moveStep,
  nextStep,
  presentPeople,
  propose,
  readSession,
  removeStep,
  renameStep,
  restoreStep,
  SessionError,
  sessionMap,
  setDone,
  setReady,
  stepLabel,
  timerLeft,
  withdraw,
  type Person,
  type PresenceEntry,
} from '../../shared/cocreation/session';
import type { RoleId } from '../../shared/roles';

const key = (n: number) => `person-${String(n).padStart(12, '0')}`;
const person = (n: number, role: RoleId = 'citizen', name = `P${n}`): Person => ({ key: key(n), role, name, roleText: '' });
const entry = (n: number, role: RoleId = 'citizen', extra: Partial<PresenceEntry> = {}): PresenceEntry => ({ person: key(n), canEdit: true, role, name: `P${n}`, roleText: '', ...extra });
const T0 = 1_700_000_000_000;

/** Two replicas that exchange updates only when told to (a network that can be held back). */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

const expectCode = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SessionError);
    expect((e as SessionError).code).toBe(code);
    return;
  }
  throw new Error(`expected SessionError ${code}`);
};

describe('agenda', () => {
  it('an empty document has the default agenda, starting at the first phase', () => {
    const s = readSession(new Y.Doc());
    expect(s.agenda.map((x) => x.id)).toEqual([...DEFAULT_PHASE_IDS]);
    expect(s.current.id).toBe('understand');
    expect(stepLabel(s.current, 'da')).toBe('Problemforståelse');
    expect(stepLabel(s.current, 'en')).toBe('Problem understanding');
    expect(nextStep(s)?.id).toBe('goals');
    expect(s.proposal).toBeNull();
    expect(s.timer).toBeNull();
  });

  it('rename, add, remove, restore and reorder, each one flat key', () => {
    const doc = new Y.Doc();
    renameStep(doc, 'goals', '  Forventningsafstemning ');
    const id = addStep(doc, 'Pause og kaffe');
    removeStep(doc, 'design');
    moveStep(doc, id, -1);
    moveStep(doc, 'evaluate', -1);
    moveStep(doc, 'understand', 1);
    let s = readSession(doc);
    expect(s.agenda.map((x) => x.id)).toEqual(['goals', 'understand', 'ideas', 'plan', 'evaluate', id]);
    expect(stepLabel(s.agenda[0]!, 'en')).toBe('Forventningsafstemning');
    expect(s.agenda.find((x) => x.id === id)?.phase).toBeNull();
    expect(s.removed.map((x) => x.id)).toEqual(['design']);
    restoreStep(doc, 'design');
    s = readSession(doc);
    expect(s.agenda.map((x) => x.id)).toEqual(['goals', 'understand', 'ideas', 'design', 'plan', 'evaluate', id]);
    // Only the moved step's order was written: no nested maps, nothing else touched.
    for (const [k, v] of sessionMap(doc).entries()) {
      expect(k).toMatch(/^step\|[A-Za-z0-9_-]+\|(label|order|removed)$/);
      expect(v instanceof Y.AbstractType).toBe(false);
    }
  });

  it('bad edits give a clear error and change nothing', () => {
    const doc = new Y.Doc();
    const before = () => JSON.stringify(sessionMap(doc).toJSON());
    const snap = before();
    expectCode(() => renameStep(doc, 'goals', '   '), 'label-empty');
    expectCode(() => renameStep(doc, 'goals', 'x'.repeat(81)), 'label-long');
    expectCode(() => renameStep(doc, 'nope', 'Navn'), 'unknown-step');
    expectCode(() => addStep(doc, ''), 'label-empty');
    expectCode(() => removeStep(doc, 'understand'), 'remove-current');
    expectCode(() => moveStep(doc, 'understand', -1), 'cannot-move');
    expectCode(() => moveStep(doc, 'evaluate', 1), 'cannot-move');
    expectCode(() => restoreStep(doc, 'ideas'), 'unknown-step');
    expect(before()).toBe(snap);
    for (let i = 0; i < 24; i++) addStep(doc, `Trin ${i}`);
    expectCode(() => addStep(doc, 'Ét for meget'), 'too-many-steps');
    for (const id of ['goals', 'ideas', 'design', 'plan', 'evaluate']) removeStep(doc, id);
    for (const x of readSession(doc).agenda.filter((x) => x.id !== 'understand')) removeStep(doc, x.id);
    // The one step left is the current one, so the agenda never becomes empty by an edit.
    expectCode(() => removeStep(doc, 'understand'), 'remove-current');
    expect(readSession(doc).agenda.map((x) => x.id)).toEqual(['understand']);
  });

  it('moves that halve the same gap until floats run out still keep the order right', () => {
    const doc = new Y.Doc();
    // Each move puts the lower of goals/ideas between understand and the other: the gap halves every time.
    let renumbered = 0;
    for (let i = 0; i < 1200; i++) {
      const id = i % 2 ? 'goals' : 'ideas';
      moveStep(doc, id, -1);
      const s = readSession(doc);
      expect(s.agenda.map((x) => x.id)).toEqual(['understand', id, i % 2 ? 'ideas' : 'goals', 'design', 'plan', 'evaluate']);
      if (s.agenda.every((x, k) => x.order === k)) renumbered++;
    }
    // The agenda was renumbered once the halving ran out of room (and only then).
    expect(renumbered).toBe(1);
  });

  it('concurrent edits of different steps on two replicas all survive', () => {
    const { a, b, sync } = pair();
    renameStep(a, 'understand', 'Hvad er problemet?');
    renameStep(b, 'ideas', 'Vilde idéer');
    const x = addStep(a, 'Frokost');
    const y = addStep(b, 'Opsamling');
    removeStep(b, 'design');
    sync();
    for (const d of [a, b]) {
      const s = readSession(d);
      expect(s.agenda.map((z) => stepLabel(z, 'da'))).toContain('Hvad er problemet?');
      expect(s.agenda.map((z) => stepLabel(z, 'da'))).toContain('Vilde idéer');
      expect(s.agenda.map((z) => z.id)).toEqual(expect.arrayContaining([x, y]));
      expect(s.agenda.map((z) => z.id)).not.toContain('design');
    }
    expect(readSession(a).agenda.map((z) => z.id)).toEqual(readSession(b).agenda.map((z) => z.id));
  });

  it('a removed current step (concurrent with moving there) resolves to the step after it, the same everywhere', () => {
    const { a, b, sync } = pair();
    const p = propose(a, { kind: 'goto', step: 'ideas' }, person(1), T0);
    sync();
    applyProposal(a, p, T0 + 1);
    removeStep(b, 'ideas');
    sync();
    expect(readSession(a).current.id).toBe('design');
    expect(readSession(b).current.id).toBe('design');
  });
});

describe('consent rule', () => {
  const proposal = (by = person(1)) => {
    const doc = new Y.Doc();
    const id = propose(doc, { kind: 'next' }, by, T0);
    return { doc, id };
  };

  it('passes only when every person present is ready; the proposer counts as ready', () => {
    const { doc, id } = proposal();
    const present = presentPeople([entry(1), entry(2, 'politician'), entry(3, 'business')]);
    let s = readSession(doc);
    let c = consent(s.proposal!, s.ready, present);
    expect(c.passed).toBe(false);
    expect(c.ready.map((p) => p.key)).toEqual([key(1)]);
    expect(c.waiting.map((p) => p.key)).toEqual([key(2), key(3)]);
    setReady(doc, id, key(2), true);
    s = readSession(doc);
    expect(consent(s.proposal!, s.ready, present).passed).toBe(false);
    setReady(doc, id, key(3), true);
    s = readSession(doc);
    c = consent(s.proposal!, s.ready, present);
    expect(c.passed).toBe(true);
    expect(c.ready).toHaveLength(3);
  });

  it('several tabs of one person count once, and their one ready mark covers all tabs', () => {
    const { doc, id } = proposal();
    const users = [entry(1), entry(2), entry(2), entry(2, 'citizen', { name: 'P2 tab 3' })];
    const present = presentPeople(users);
    expect(present.map((p) => p.key)).toEqual([key(1), key(2)]);
    setReady(doc, id, key(2), true);
    const s = readSession(doc);
    expect(consent(s.proposal!, s.ready, present).passed).toBe(true);
  });

  it('observers and entries without a person key are not asked', () => {
    const present = presentPeople([entry(1), entry(2, 'citizen', { canEdit: false }), { ...entry(3), person: null }, { ...entry(4), person: 'short' }]);
    expect(present.map((p) => p.key)).toEqual([key(1)]);
  });

  it('"not yet" holds it up; a person who leaves no longer blocks; one who arrives must also be asked', () => {
    const { doc, id } = proposal();
    setReady(doc, id, key(2), false);
    const all = presentPeople([entry(1), entry(2), entry(3)]);
    setReady(doc, id, key(3), true);
    let s = readSession(doc);
    let c = consent(s.proposal!, s.ready, all);
    expect(c.passed).toBe(false);
    expect(c.notYet.map((p) => p.key)).toEqual([key(2)]);
    // P2 leaves the session: the others are all ready.
    c = consent(s.proposal!, s.ready, presentPeople([entry(1), entry(3)]));
    expect(c.passed).toBe(true);
    // P4 arrives before anyone applied it: now they are asked too.
    c = consent(s.proposal!, s.ready, presentPeople([entry(1), entry(3), entry(4)]));
    expect(c.passed).toBe(false);
    expect(c.waiting.map((p) => p.key)).toEqual([key(4)]);
    // The proposer may also say "not yet" to their own proposal.
    setReady(doc, id, key(1), false);
    s = readSession(doc);
    expect(consent(s.proposal!, s.ready, presentPeople([entry(1)])).passed).toBe(false);
    // Nobody present: nothing passes.
    expect(consent(s.proposal!, s.ready, []).passed).toBe(false);
  });

  it('withdraw and a new proposal: old ready marks do not carry over', () => {
    const { doc, id } = proposal();
    setReady(doc, id, key(2), true);
    withdraw(doc, id, T0 + 5);
    let s = readSession(doc);
    expect(s.proposal).toBeNull();
    expect(s.last?.closed.outcome).toBe('withdrawn');
    expectCode(() => setReady(doc, id, key(3), true), 'not-open');
    expectCode(() => withdraw(doc, id, T0 + 6), 'not-open');
    expect(applyProposal(doc, id, T0 + 7)).toBe(false);
    expect(readSession(doc).current.id).toBe('understand');
    // Anyone (here P3) may make a new one; it replaces the open one, marks start empty.
    const second = propose(doc, { kind: 'timer', minutes: 10 }, person(3, 'business'), T0 + 8);
    const third = propose(doc, { kind: 'goto', step: 'plan' }, person(2), T0 + 9);
    s = readSession(doc);
    expect(s.proposal?.id).toBe(third);
    expect(s.ready.size).toBe(0);
    expect([...sessionMap(doc).keys()].filter((k) => k.includes(id) || k.includes(second))).toEqual([]);
  });

  it('bad proposals give a clear error and change nothing', () => {
    const doc = new Y.Doc();
    expectCode(() => propose(doc, { kind: 'timer', minutes: 0 }, person(1), T0), 'minutes');
    expectCode(() => propose(doc, { kind: 'timer', minutes: 2.5 }, person(1), T0), 'minutes');
    expectCode(() => propose(doc, { kind: 'timer', minutes: 241 }, person(1), T0), 'minutes');
    expectCode(() => propose(doc, { kind: 'goto', step: 'understand' }, person(1), T0), 'already-current');
    expectCode(() => propose(doc, { kind: 'goto', step: 'nope' }, person(1), T0), 'unknown-step');
    expectCode(() => propose(doc, { kind: 'next' }, { ...person(1), key: 'x' }, T0), 'person');
    expectCode(() => propose(doc, { kind: 'next' }, person(1), Number.NaN), 'time');
    expect(sessionMap(doc).size).toBe(0);
    const last = new Y.Doc();
    const p = propose(last, { kind: 'goto', step: 'evaluate' }, person(1), T0);
    applyProposal(last, p, T0);
    expectCode(() => propose(last, { kind: 'next' }, person(1), T0), 'no-next');
  });
});

describe('applying a proposal', () => {
  it('moves on in one transaction, only while it is still the open one', () => {
    const doc = new Y.Doc();
    const id = propose(doc, { kind: 'next' }, person(1), T0);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(applyProposal(doc, id, T0 + 10)).toBe(true);
    expect(transactions).toBe(1);
    expect(applyProposal(doc, id, T0 + 11)).toBe(false);
    const s = readSession(doc);
    expect(s.current.id).toBe('goals');
    expect(s.proposal).toBeNull();
    expect(s.last?.closed).toEqual({ outcome: 'agreed', at: T0 + 10 });
  });

  it('two replicas applying the same proposal concurrently give one result', () => {
    const { a, b, sync } = pair();
    const id = propose(a, { kind: 'next' }, person(1), T0);
    setReady(a, id, key(2), true);
    sync();
    expect(applyProposal(a, id, T0 + 100)).toBe(true);
    expect(applyProposal(b, id, T0 + 101)).toBe(true);
    sync();
    const sa = readSession(a);
    const sb = readSession(b);
    expect(sa.current.id).toBe('goals');
    expect(sb).toEqual(sa);
    expect(sessionMap(b).toJSON()).toEqual(sessionMap(a).toJSON());
    // It moved one step, not two.
    expect(sa.current.id).not.toBe('ideas');
  });

  it('two replicas starting the same timer concurrently end with one timer', () => {
    const { a, b, sync } = pair();
    const id = propose(b, { kind: 'timer', minutes: 5 }, person(2), T0);
    sync();
    applyProposal(a, id, T0 + 1000);
    applyProposal(b, id, T0 + 1003);
    sync();
    expect(readSession(a).timer).toEqual(readSession(b).timer);
    expect(readSession(a).timer).toMatchObject({ id, step: 'understand', durationMs: 300_000 });
  });

  it('a new proposal made while another client applies the old one stays open', () => {
    const { a, b, sync } = pair();
    const first = propose(a, { kind: 'next' }, person(1), T0);
    sync();
    applyProposal(a, first, T0 + 1);
    const second = propose(b, { kind: 'timer', minutes: 3 }, person(2), T0 + 2);
    sync();
    for (const d of [a, b]) {
      const s = readSession(d);
      expect(s.current.id).toBe('goals');
      expect(s.proposal?.id).toBe(second);
    }
  });

  it('a withdrawal concurrent with applying: the agreed move stands on both replicas', () => {
    const { a, b, sync } = pair();
    const id = propose(a, { kind: 'next' }, person(1), T0);
    sync();
    applyProposal(a, id, T0 + 1);
    withdraw(b, id, T0 + 1);
    sync();
    expect(readSession(a).current.id).toBe('goals');
    expect(readSession(b).current.id).toBe('goals');
    expect(sessionMap(a).toJSON()).toEqual(sessionMap(b).toJSON());
  });
});

describe('timer and done marks', () => {
  it('a timer by consent belongs to its step: time left, time up, gone when the group moves on', () => {
    const doc = new Y.Doc();
    const t = propose(doc, { kind: 'timer', minutes: 2 }, person(1), T0);
    applyProposal(doc, t, T0 + 1000);
    const timer = readSession(doc).timer!;
    expect(timerLeft(timer, T0 + 1000)).toEqual({ leftMs: 120_000, up: false });
    // A clock estimate slightly behind the starter's never shows more than the duration.
    expect(timerLeft(timer, T0 + 970)).toEqual({ leftMs: 120_000, up: false });
    expect(timerLeft(timer, T0 + 61_000)).toEqual({ leftMs: 60_000, up: false });
    expect(timerLeft(timer, T0 + 121_000)).toEqual({ leftMs: 0, up: true });
    expect(timerLeft(timer, T0 + 999_000).up).toBe(true);
    const n = propose(doc, { kind: 'next' }, person(1), T0 + 130_000);
    applyProposal(doc, n, T0 + 130_000);
    expect(readSession(doc).timer).toBeNull();
  });

  it('done marks are per step and person, and a step the group returns to starts fresh', () => {
    const doc = new Y.Doc();
    setDone(doc, 'understand', key(1), true);
    setDone(doc, 'understand', key(2), true);
    setDone(doc, 'understand', key(2), true);
    expect([...readSession(doc).done]).toEqual([key(1), key(2)]);
    setDone(doc, 'understand', key(2), false);
    expect([...readSession(doc).done]).toEqual([key(1)]);
    expectCode(() => setDone(doc, 'understand', 'bad', true), 'person');
    expectCode(() => setDone(doc, 'nope', key(1), true), 'unknown-step');
    let p = propose(doc, { kind: 'next' }, person(1), T0);
    applyProposal(doc, p, T0);
    expect(readSession(doc).done.size).toBe(0);
    p = propose(doc, { kind: 'goto', step: 'understand' }, person(1), T0);
    applyProposal(doc, p, T0);
    expect(readSession(doc).current.id).toBe('understand');
    expect(readSession(doc).done.size).toBe(0);
  });
});

describe('reading junk never throws', () => {
  it('malformed entries are skipped', () => {
    const doc = new Y.Doc();
    const m = sessionMap(doc);
    doc.transact(() => {
      m.set('current', 42);
      m.set('proposal', { id: 'p1', kind: 'step', step: 'ideas', by: { key: 'short', role: 'citizen' }, at: T0 });
      m.set('timer', { id: 't', step: 'understand', startedAt: T0, durationMs: -5 });
      m.set('step|goals|label', 7);
      m.set('step|ideas|order', Number.POSITIVE_INFINITY);
      m.set('step|ideas|removed', 'yes');
      m.set('step|bad id|label', 'Mellemrum');
      m.set('step|x|label', 'y'.repeat(500));
      m.set('step|orphan|order', 3);
      m.set('step|custom|label', 'Eget trin');
      m.set('step|custom|order', 2.5);
      m.set('step|custom|extra|more', 'z');
      m.set('ready|p1|not a key', true);
      m.set('done|understand|person-000000000001', 'true');
      m.set('done|understand|person-000000000002', true);
      m.set('|||', null);
      m.set('nested', new Y.Map());
    });
    const s = readSession(doc);
    expect(s.agenda.map((x) => x.id)).toEqual(['understand', 'goals', 'ideas', 'custom', 'design', 'plan', 'evaluate']);
    expect(stepLabel(s.agenda[1]!, 'da')).toBe('Mål og forventninger');
    expect(s.current.id).toBe('understand');
    expect(s.proposal).toBeNull();
    expect(s.timer).toBeNull();
    expect([...s.done]).toEqual([key(2)]);
    // A valid proposal with a junk closed entry is still open.
    doc.transact(() => {
      m.set('proposal', { id: 'p1', kind: 'timer', minutes: 5, by: { key: key(1), role: 'citizen', name: 7 }, at: T0 });
      m.set('closed|p1', { outcome: 'maybe', at: T0 });
      m.set('ready|p1|person-000000000002', 'yes');
      m.set('ready|p1|person-000000000003', true);
    });
    const t = readSession(doc);
    expect(t.proposal).toMatchObject({ id: 'p1', kind: 'timer', minutes: 5, by: { name: '' } });
    expect([...t.ready]).toEqual([[key(3), true]]);
  });

  it('every step removed concurrently brings the default phases back', () => {
    const { a, b, sync } = pair();
    for (const id of ['goals', 'ideas', 'design', 'plan']) removeStep(a, id);
    removeStep(b, 'evaluate');
    sync();
    // Now only 'understand' is live; a moves on to it being removed elsewhere… simulate a hostile write.
    sessionMap(a).set('step|understand|removed', true);
    sync();
    const s = readSession(b);
    expect(s.agenda.map((x) => x.id)).toEqual([...DEFAULT_PHASE_IDS]);
    expect(s.current.id).toBe('understand');
  });
});
