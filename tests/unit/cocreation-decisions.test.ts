import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyDecision,
  decisionConsent,
  DecisionError,
  decisionsMap,
  MAX_WORDING,
  proposeDecision,
  proposeRevisit,
  readDecisions,
  setDecisionReady,
  stripDecisionNames,
  withdrawDecision,
  type DecisionErrorCode,
} from '../../shared/cocreation/decisions';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import type { Person } from '../../shared/cocreation/session';
import { createItem } from '../../shared/model/board';
import type { RoleId } from '../../shared/roles';
import { author } from '../helpers/board';

/**
 * Decisions by consent (issue 16; shared/cocreation/decisions.ts): a proposal
 * becomes a decision only when every person present is ready, concurrently
 * applying replicas agree on one decision, revisits reword and revoke, and
 * bad input writes nothing.
 */
const key = (n: number) => `person-${String(n).padStart(12, '0')}`;
const person = (n: number, role: RoleId, name = `P${n}`): Person => ({ key: key(n), role, name, roleText: '' });
const ann = person(1, 'citizen', 'Ann');
const bo = person(2, 'politician', 'Bo');
const cem = person(3, 'public-employee', 'Cem');
const dea = person(4, 'business', 'Dea');
const T0 = 1_700_000_000_000;

function board() {
  const doc = new Y.Doc();
  const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Sara'), text: 'Ungeråd' });
  const idea2 = createItem(doc, { kind: 'idea', x: 300, y: 0, author: author('politician', 'Mette'), text: 'Gratis bus' });
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 300, author: author('citizen', 'Sara'), text: 'Unge dropper ud' });
  const frame = createItem(doc, { kind: 'frame', x: -50, y: -50, author: author('citizen', 'Sara'), text: 'Idéer' });
  return { doc, idea, idea2, problem, frame };
}

/** Two replicas that exchange updates only when told to. */
function pair() {
  const { doc: a, idea } = board();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  sync();
  return { a, b, sync, idea };
}

function expectRefused(doc: Y.Doc, code: DecisionErrorCode, fn: () => unknown): void {
  const before = Y.encodeStateAsUpdate(doc);
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected DecisionError ${code}`).toBeInstanceOf(DecisionError);
  expect((caught as DecisionError).code).toBe(code);
  // Nothing was written: the document's whole state is byte for byte the same.
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
}

describe('consent', () => {
  it('with three present it is decided only when all three are ready; the proposer counts as ready', () => {
    const { doc, idea } = board();
    const present = [ann, bo, cem];
    const id = proposeDecision(doc, { wording: 'Vi opretter et ungeråd', ideas: [idea] }, ann, T0);
    const open = () => readDecisions(doc).open.find((o) => o.proposal.id === id)!;
    expect(decisionConsent(open(), present)).toMatchObject({ passed: false, ready: [ann], waiting: [bo, cem] });
    expect(applyDecision(doc, id, present, T0 + 1)).toBe(false);

    setDecisionReady(doc, id, bo.key, true);
    expect(decisionConsent(open(), present).ready).toEqual([ann, bo]);
    expect(applyDecision(doc, id, present, T0 + 2)).toBe(false);
    expect(readDecisions(doc).decisions).toEqual([]);

    setDecisionReady(doc, id, cem.key, true);
    expect(decisionConsent(open(), present).passed).toBe(true);
    expect(applyDecision(doc, id, present, T0 + 3)).toBe(true);
    const s = readDecisions(doc);
    expect(s.open).toEqual([]);
    expect(s.decisions).toHaveLength(1);
    expect(s.decisions[0]).toMatchObject({ id, wording: 'Vi opretter et ungeråd', ideas: [idea], decidedAt: T0 + 3, revoked: false, roles: { citizen: 1, politician: 1, 'public-employee': 1 } });
    // Applying again changes nothing.
    expect(applyDecision(doc, id, present, T0 + 4)).toBe(false);
    expect(readDecisions(doc).decisions[0]!.decidedAt).toBe(T0 + 3);
  });

  it('a "not yet" blocks it, also from the proposer', () => {
    const { doc, idea } = board();
    const id = proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, ann, T0);
    setDecisionReady(doc, id, bo.key, true);
    setDecisionReady(doc, id, cem.key, false);
    expect(applyDecision(doc, id, [ann, bo, cem], T0 + 1)).toBe(false);
    setDecisionReady(doc, id, cem.key, true);
    setDecisionReady(doc, id, ann.key, false);
    expect(decisionConsent(readDecisions(doc).open[0]!, [ann, bo, cem]).notYet).toEqual([ann]);
    expect(applyDecision(doc, id, [ann, bo, cem], T0 + 2)).toBe(false);
    expect(readDecisions(doc).decisions).toEqual([]);
  });

  it('a person who leaves no longer blocks; a newcomer must consent', () => {
    const { doc, idea } = board();
    const id = proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, ann, T0);
    setDecisionReady(doc, id, bo.key, true);
    setDecisionReady(doc, id, cem.key, false);
    expect(applyDecision(doc, id, [ann, bo, cem], T0 + 1)).toBe(false);
    // Dea arrives while Cem is still here: she has not answered.
    expect(decisionConsent(readDecisions(doc).open[0]!, [ann, bo, cem, dea]).waiting).toEqual([dea]);
    // Cem leaves: he no longer blocks, but Dea, who arrived, must still consent.
    expect(applyDecision(doc, id, [ann, bo, dea], T0 + 2)).toBe(false);
    setDecisionReady(doc, id, dea.key, true);
    expect(applyDecision(doc, id, [ann, bo, dea], T0 + 3)).toBe(true);
    expect(readDecisions(doc).decisions[0]!.roles).toEqual({ citizen: 1, politician: 1, business: 1 });
  });

  it('two replicas applying at the same time make one decision', () => {
    const { a, b, sync, idea } = pair();
    const id = proposeDecision(a, { wording: 'Ungeråd', ideas: [idea] }, ann, T0);
    sync();
    setDecisionReady(b, id, bo.key, true);
    sync();
    // Both see consent and apply before hearing from each other.
    expect(applyDecision(a, id, [ann, bo], T0 + 10)).toBe(true);
    expect(applyDecision(b, id, [ann, bo], T0 + 11)).toBe(true);
    sync();
    const da = readDecisions(a);
    const db = readDecisions(b);
    expect(da.decisions).toHaveLength(1);
    expect(da.open).toEqual([]);
    expect(db).toEqual(da);
    expect(da.decisions[0]!.id).toBe(id);
  });

  it('a proposal withdrawn is no longer open and is never applied', () => {
    const { doc, idea } = board();
    const id = proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, ann, T0);
    withdrawDecision(doc, id, T0 + 1);
    expect(readDecisions(doc)).toEqual({ open: [], decisions: [] });
    expect(applyDecision(doc, id, [ann], T0 + 2)).toBe(false);
    expectRefused(doc, 'not-open', () => setDecisionReady(doc, id, bo.key, true));
    expectRefused(doc, 'not-open', () => withdrawDecision(doc, id, T0 + 3));
  });
});

describe('revisiting', () => {
  function decided() {
    const b = board();
    const id = proposeDecision(b.doc, { wording: 'Vi opretter et ungeråd', ideas: [b.idea, b.idea2] }, ann, T0);
    setDecisionReady(b.doc, id, bo.key, true);
    expect(applyDecision(b.doc, id, [ann, bo], T0 + 1)).toBe(true);
    return { ...b, id };
  }

  it('rewords by consent, keeping the original and the history', () => {
    const { doc, id } = decided();
    const r = proposeRevisit(doc, id, 'Vi opretter et ungeråd med budget', bo, T0 + 10);
    // Not yet: Ann has not consented.
    expect(applyDecision(doc, r, [ann, bo], T0 + 11)).toBe(false);
    expect(readDecisions(doc).decisions[0]!.wording).toBe('Vi opretter et ungeråd');
    setDecisionReady(doc, r, ann.key, true);
    expect(applyDecision(doc, r, [ann, bo], T0 + 12)).toBe(true);
    const d = readDecisions(doc).decisions[0]!;
    expect(d).toMatchObject({ wording: 'Vi opretter et ungeråd med budget', original: 'Vi opretter et ungeråd', revoked: false, decidedAt: T0 + 1 });
    expect(d.revisions).toEqual([{ proposal: r, wording: 'Vi opretter et ungeråd med budget', at: T0 + 12, roles: { citizen: 1, politician: 1 }, names: ['Ann', 'Bo'] }]);
  });

  it('revokes (empty wording), and a later wording brings it back', () => {
    const { doc, id } = decided();
    const r = proposeRevisit(doc, id, '', ann, T0 + 10);
    setDecisionReady(doc, r, bo.key, true);
    expect(applyDecision(doc, r, [ann, bo], T0 + 11)).toBe(true);
    let d = readDecisions(doc).decisions[0]!;
    expect(d.revoked).toBe(true);
    expect(d.wording).toBe('Vi opretter et ungeråd');
    // Revoking a revoked decision is refused.
    expectRefused(doc, 'wording-empty', () => proposeRevisit(doc, id, '  ', ann, T0 + 12));
    const back = proposeRevisit(doc, id, 'Ungeråd, men mindre', ann, T0 + 13);
    setDecisionReady(doc, back, bo.key, true);
    applyDecision(doc, back, [ann, bo], T0 + 14);
    d = readDecisions(doc).decisions[0]!;
    expect(d.revoked).toBe(false);
    expect(d.wording).toBe('Ungeråd, men mindre');
    expect(d.revisions.map((x) => x.wording)).toEqual(['', 'Ungeråd, men mindre']);
  });

  it('a revisit of an unknown decision is refused', () => {
    const { doc } = decided();
    expectRefused(doc, 'unknown-decision', () => proposeRevisit(doc, 'no-such-decision', 'x', ann, T0));
  });
});

describe('bad input throws DecisionError and writes nothing', () => {
  it('empty wording, too long, no ideas, unknown idea, not an idea, bad person, bad time', () => {
    const { doc, idea, problem, frame } = board();
    expectRefused(doc, 'wording-empty', () => proposeDecision(doc, { wording: '   ', ideas: [idea] }, ann, T0));
    expectRefused(doc, 'wording-long', () => proposeDecision(doc, { wording: 'x'.repeat(MAX_WORDING + 1), ideas: [idea] }, ann, T0));
    expectRefused(doc, 'no-ideas', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [] }, ann, T0));
    expectRefused(doc, 'unknown-idea', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea, 'no-such-idea'] }, ann, T0));
    expectRefused(doc, 'unknown-idea', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [problem] }, ann, T0));
    expectRefused(doc, 'unknown-idea', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [], frame: idea }, ann, T0));
    expectRefused(doc, 'person', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, { ...ann, key: 'short' }, T0));
    expectRefused(doc, 'time', () => proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, ann, Number.NaN));
    expect(decisionsMap(doc).size).toBe(0);
    // The same inputs, well formed, are accepted: a frame alone is enough.
    proposeDecision(doc, { wording: 'x'.repeat(MAX_WORDING), ideas: [], frame }, ann, T0);
    expect(readDecisions(doc).open).toHaveLength(1);
  });
});

describe('names', () => {
  it('recorded only while the board shows names; stripDecisionNames removes them', () => {
    const { doc, idea, idea2 } = board();
    const shown = proposeDecision(doc, { wording: 'Ungeråd', ideas: [idea] }, ann, T0);
    setDecisionReady(doc, shown, bo.key, true);
    applyDecision(doc, shown, [ann, bo], T0 + 1);
    setAnonymousNames(doc, true);
    const hidden = proposeDecision(doc, { wording: 'Gratis bus', ideas: [idea2] }, bo, T0 + 2);
    setDecisionReady(doc, hidden, ann.key, true);
    applyDecision(doc, hidden, [ann, bo], T0 + 3);
    const [first, second] = readDecisions(doc).decisions;
    expect(first).toMatchObject({ names: ['Ann', 'Bo'], proposedBy: { name: 'Ann' } });
    // Proposed and agreed while names were hidden: neither the proposer's name nor the names present are stored.
    expect(second).toMatchObject({ names: [], proposedBy: { name: '', role: 'politician' }, roles: { citizen: 1, politician: 1 } });

    stripDecisionNames(doc);
    for (const d of readDecisions(doc).decisions) {
      expect(d.names).toEqual([]);
      expect(d.proposedBy.name).toBe('');
    }
    expect(JSON.stringify(decisionsMap(doc).toJSON())).not.toMatch(/Ann|"Bo"/);
    // Roles stay.
    expect(readDecisions(doc).decisions[0]!.roles).toEqual({ citizen: 1, politician: 1 });
  });
});
