import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ActionError,
  actionsMap,
  actionSummary,
  addAction,
  isDay,
  localDay,
  progressOf,
  readActions,
  removeAction,
  setActionField,
  stripActionNames,
  type Action,
} from '../../shared/cocreation/actions';
import { createPlanFrame, PLAN_FRAME_KEY, readPlanFrame, setPlanFrame } from '../../shared/cocreation/planFrame';
import { createItem, deleteItem, getItem } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { author } from '../helpers/board';

const T0 = Date.UTC(2026, 0, 10, 9);
const idea = { kind: 'idea' as const, id: 'idea-1' };

/** Two replicas exchanging every update (like two browsers through the server). */
function pair(): [Y.Doc, Y.Doc, () => void] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return [a, b, sync];
}

const state = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('hex');

/** Runs a write that must be refused: it throws an ActionError and the document is byte for byte unchanged. */
function refused(doc: Y.Doc, write: () => void, message?: RegExp): void {
  const before = state(doc);
  let caught: unknown = null;
  try {
    write();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ActionError);
  if (message) expect((caught as Error).message).toMatch(message);
  expect(state(doc)).toBe(before);
}

const one = (doc: Y.Doc, id: string): Action => {
  const a = readActions(doc).find((x) => x.id === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};

describe('action plan: add, edit, remove', () => {
  it('adds an action with every field and reads it back', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { source: idea, what: '  Indkald ungerådet ', who: 'Ungdomsskolen', whoKind: 'organisation', due: '2026-03-01', status: 'underway' }, 'public-employee', T0);
    expect(readActions(doc)).toEqual([
      {
        id,
        source: idea,
        what: 'Indkald ungerådet',
        who: 'Ungdomsskolen',
        whoKind: 'organisation',
        due: '2026-03-01',
        status: 'underway',
        statusAt: T0,
        createdAt: T0,
        updatedAt: T0,
        role: 'public-employee',
      },
    ]);
  });

  it('fills defaults: no owner, a person, no due date, planned', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { source: { kind: 'decision', id: 'd-1' }, what: 'Skriv til skolerne' }, 'citizen', T0);
    expect(one(doc, id)).toMatchObject({ who: '', whoKind: 'person', due: '', status: 'planned', source: { kind: 'decision', id: 'd-1' } });
  });

  it('edits one field at a time; the last writer’s role and the status time are kept', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { source: idea, what: 'Indkald ungerådet' }, 'citizen', T0);
    setActionField(doc, id, 'who', 'Mette', 'politician', T0 + 1000);
    setActionField(doc, id, 'status', 'done', 'business', T0 + 2000);
    setActionField(doc, id, 'due', '', 'business', T0 + 3000);
    expect(one(doc, id)).toMatchObject({ what: 'Indkald ungerådet', who: 'Mette', status: 'done', statusAt: T0 + 2000, updatedAt: T0 + 3000, role: 'business' });
  });

  it('removes an action, and a removed action stays removed (a later edit is refused, a concurrent one does not bring it back)', () => {
    const [a, b, sync] = pair();
    const id = addAction(a, { source: idea, what: 'Book et lokale' }, 'citizen', T0);
    const keep = addAction(a, { source: idea, what: 'Lav en plakat' }, 'citizen', T0 + 1);
    sync();
    removeAction(a, id, 'citizen', T0 + 10);
    // Bo had not seen the removal yet and changes the status.
    setActionField(b, id, 'status', 'underway', 'politician', T0 + 11);
    sync();
    for (const d of [a, b]) expect(readActions(d).map((x) => x.id)).toEqual([keep]);
    refused(a, () => setActionField(a, id, 'what', 'Igen', 'citizen', T0 + 20), /no such action/);
    refused(a, () => removeAction(a, id, 'citizen', T0 + 20), /no such action/);
  });

  it('refuses an action without a what, or with an unknown source, and writes nothing', () => {
    const doc = new Y.Doc();
    refused(doc, () => addAction(doc, { source: idea, what: '   ' }, 'citizen', T0), /what/);
    refused(doc, () => addAction(doc, { source: { kind: 'goal', id: 'x' } as never, what: 'A' }, 'citizen', T0), /source/);
    refused(doc, () => addAction(doc, { source: idea, what: 'A' }, 'nobody' as never, T0), /role/);
    const id = addAction(doc, { source: idea, what: 'A' }, 'citizen', T0);
    refused(doc, () => setActionField(doc, id, 'what', ' ', 'citizen', T0 + 1), /what/);
    refused(doc, () => setActionField(doc, id, 'colour' as never, 'red', 'citizen', T0 + 1), /unknown field/);
  });
});

describe('action plan: status and due date', () => {
  it('takes the four statuses and refuses any other, writing nothing', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { source: idea, what: 'A' }, 'citizen', T0);
    for (const s of ['planned', 'underway', 'done', 'dropped'] as const) {
      setActionField(doc, id, 'status', s, 'citizen', T0 + 1);
      expect(one(doc, id).status).toBe(s);
    }
    for (const bad of ['late', 'Done', 'finished', '']) {
      refused(doc, () => setActionField(doc, id, 'status', bad, 'citizen', T0 + 2), /status/);
      refused(doc, () => addAction(doc, { source: idea, what: 'B', status: bad as never }, 'citizen', T0 + 2), /status/);
    }
    refused(doc, () => addAction(doc, { source: idea, what: 'B', whoKind: 'group' as never }, 'citizen', T0 + 2), /whoKind/);
  });

  it('a due date must be a real day: 2026-02-30 and other non-days are refused, nothing written', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-02-29', '2026-13-01', '2026-1-5', '01-03-2026', 'i morgen', '2026-03-01T00:00']) expect(isDay(bad), bad).toBe(false);
    const doc = new Y.Doc();
    refused(doc, () => addAction(doc, { source: idea, what: 'A', due: '2026-02-30' }, 'citizen', T0), /due/);
    const id = addAction(doc, { source: idea, what: 'A', due: '2026-02-28' }, 'citizen', T0);
    refused(doc, () => setActionField(doc, id, 'due', '2026-02-30', 'citizen', T0 + 1), /due/);
    refused(doc, () => setActionField(doc, id, 'due', '30/02/2026', 'citizen', T0 + 1), /due/);
    expect(one(doc, id).due).toBe('2026-02-28');
  });

  it('a malformed field written by another program is ignored, the rest of the action stands', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { source: idea, what: 'A', status: 'underway', due: '2026-03-01' }, 'citizen', T0);
    actionsMap(doc).set(`field|${id}|status`, { value: 'exploded', at: T0 + 5, role: 'citizen' });
    actionsMap(doc).set(`field|${id}|due`, { value: '2026-02-30', at: T0 + 5, role: 'citizen' });
    expect(one(doc, id)).toMatchObject({ status: 'planned', due: '' });
  });
});

describe('action plan: progress and summary', () => {
  const today = '2026-03-10';
  it('late only when the due date is before today and the action is planned or under way', () => {
    expect(progressOf({ status: 'planned', due: '2026-03-09' }, today)).toBe('late');
    expect(progressOf({ status: 'underway', due: '2025-12-31' }, today)).toBe('late');
    // Due today is not late yet.
    expect(progressOf({ status: 'planned', due: today }, today)).toBe('planned');
    expect(progressOf({ status: 'underway', due: '2026-03-11' }, today)).toBe('underway');
  });

  it('done and dropped are never late; no due date is never late', () => {
    expect(progressOf({ status: 'done', due: '2020-01-01' }, today)).toBe('done');
    expect(progressOf({ status: 'dropped', due: '2020-01-01' }, today)).toBe('dropped');
    expect(progressOf({ status: 'planned', due: '' }, today)).toBe('planned');
    expect(progressOf({ status: 'underway', due: '' }, today)).toBe('underway');
  });

  it('actionSummary counts each action once, by its progress', () => {
    const doc = new Y.Doc();
    const add = (status: Action['status'], due = '') => addAction(doc, { source: idea, what: `${status} ${due}`, status, due }, 'citizen', T0);
    add('planned');
    add('planned', '2026-03-01');
    add('underway', '2026-03-01');
    add('underway', '2026-04-01');
    add('done', '2026-01-01');
    add('dropped');
    add('dropped');
    expect(actionSummary(readActions(doc), today)).toEqual({ planned: 1, underway: 1, done: 1, dropped: 2, late: 2 });
    expect(actionSummary([], today)).toEqual({ planned: 0, underway: 0, done: 0, dropped: 0, late: 0 });
  });

  it('localDay is the local calendar day', () => {
    expect(localDay(new Date(2026, 1, 3, 23, 59))).toBe('2026-02-03');
    expect(isDay(localDay())).toBe(true);
  });
});

describe('action plan: two people at once', () => {
  it('two replicas editing different fields of one action concurrently both keep their change', () => {
    const [a, b, sync] = pair();
    const id = addAction(a, { source: idea, what: 'Indkald ungerådet', who: 'Ungdomsskolen', whoKind: 'organisation' }, 'citizen', T0);
    sync();
    // Neither has seen the other's change.
    setActionField(a, id, 'status', 'underway', 'citizen', T0 + 10);
    setActionField(b, id, 'due', '2026-05-01', 'politician', T0 + 10);
    setActionField(b, id, 'what', 'Indkald ungerådet til første møde', 'politician', T0 + 11);
    sync();
    for (const d of [a, b]) {
      expect(one(d, id)).toMatchObject({ what: 'Indkald ungerådet til første møde', who: 'Ungdomsskolen', whoKind: 'organisation', due: '2026-05-01', status: 'underway' });
    }
    expect(readActions(a)).toEqual(readActions(b));
  });

  it('two actions added at once on two replicas are both kept', () => {
    const [a, b, sync] = pair();
    addAction(a, { source: idea, what: 'A' }, 'citizen', T0);
    addAction(b, { source: idea, what: 'B' }, 'politician', T0 + 1);
    sync();
    expect(readActions(a).map((x) => x.what)).toEqual(['A', 'B']);
    expect(readActions(b)).toEqual(readActions(a));
  });
});

describe('action plan: anonymous exports', () => {
  it('stripActionNames empties owners that are people and keeps organisations', () => {
    const doc = new Y.Doc();
    const p = addAction(doc, { source: idea, what: 'Ring til klubben', who: 'Mette Hansen', whoKind: 'person' }, 'citizen', T0);
    const o = addAction(doc, { source: idea, what: 'Skaf lokaler', who: 'Kultur og Fritid', whoKind: 'organisation' }, 'citizen', T0);
    const n = addAction(doc, { source: idea, what: 'Ingen ejer' }, 'citizen', T0);
    stripActionNames(doc);
    expect(one(doc, p).who).toBe('');
    expect(one(doc, o).who).toBe('Kultur og Fritid');
    expect(one(doc, n).who).toBe('');
    expect(JSON.stringify(actionsMap(doc).toJSON())).not.toContain('Mette');
    // Everything else of the person's action stays.
    expect(one(doc, p)).toMatchObject({ what: 'Ring til klubben', whoKind: 'person' });
  });
});

describe('plan frame', () => {
  it('createPlanFrame puts a titled frame behind every card and marks it; readActions ignores the mark', () => {
    const doc = new Y.Doc();
    createItem(doc, { kind: 'idea', x: 0, y: 0, z: -3, author: author() });
    addAction(doc, { source: idea, what: 'A' }, 'citizen', T0);
    const id = createPlanFrame(doc, { x: 400, y: 0, title: 'Handlingsplan', author: author('politician', 'Bo') }, T0);
    expect(readPlanFrame(doc)).toEqual({ id, at: T0 });
    const frame = getItem(doc, id);
    expect(frame).toMatchObject({ kind: 'frame', x: 400, y: 0, z: -4, role: 'politician' });
    expect(readPlainText((frame as { body: Y.XmlFragment }).body)).toBe('Handlingsplan');
    expect(readActions(doc).map((a) => a.what)).toEqual(['A']);
  });

  it('readPlanFrame ignores a frame that no longer exists, is not a frame, or a malformed mark', () => {
    const doc = new Y.Doc();
    expect(readPlanFrame(doc)).toBeNull();
    const id = createPlanFrame(doc, { x: 0, y: 0, title: 'Action plan', author: author() }, T0);
    deleteItem(doc, id);
    expect(readPlanFrame(doc)).toBeNull();
    // The mark itself stays: the panel says the frame was deleted and offers to place it again.
    expect(actionsMap(doc).get(PLAN_FRAME_KEY)).toEqual({ id, at: T0 });
    const ideaId = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author() });
    actionsMap(doc).set(PLAN_FRAME_KEY, { id: ideaId, at: T0 });
    expect(readPlanFrame(doc)).toBeNull();
    for (const bad of [null, 'f-1', { id: 'bad id!', at: T0 }, { id: ideaId }, { id: 42, at: T0 }]) {
      actionsMap(doc).set(PLAN_FRAME_KEY, bad);
      expect(readPlanFrame(doc)).toBeNull();
    }
  });

  it('placing it again replaces the mark; marking a card that is not a frame is refused and writes nothing', () => {
    const doc = new Y.Doc();
    const first = createPlanFrame(doc, { x: 0, y: 0, title: 'Handlingsplan', author: author() }, T0);
    deleteItem(doc, first);
    const second = createPlanFrame(doc, { x: 0, y: 0, title: 'Handlingsplan', author: author() }, T0 + 5);
    expect(readPlanFrame(doc)).toEqual({ id: second, at: T0 + 5 });
    const ideaId = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author() });
    refused(doc, () => setPlanFrame(doc, ideaId, T0 + 6), /frame/);
    refused(doc, () => setPlanFrame(doc, first, T0 + 6), /frame/);
    expect(readPlanFrame(doc)?.id).toBe(second);
  });

  it('the mark reaches another replica', () => {
    const [a, b, sync] = pair();
    const id = createPlanFrame(a, { x: 0, y: 0, title: 'Handlingsplan', author: author() }, T0);
    sync();
    expect(readPlanFrame(b)).toEqual({ id, at: T0 });
  });
});
