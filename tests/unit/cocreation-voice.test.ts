import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../shared/cocreation/comments';
import { editSessionsByRole, readClients, registerClient } from '../../shared/cocreation/doc';
import { addAgreedGoal, goalsByRole, readGoals, writePersonField } from '../../shared/cocreation/goals';
import { expectedRoles, inLens, perspectiveCoverage } from '../../shared/cocreation/perspectives';
import { ratingsByRole, readRatings, setRating } from '../../shared/cocreation/value';
import { computeVoice, itemsByRole, peopleRoles } from '../../shared/cocreation/voice';
import { createItem, deleteItems, itemsMap, listItems, moveItem, setTitle, touchItem } from '../../shared/model/board';
import { author, typeInto } from '../helpers/board';

describe('equal-voice meter', () => {
  it('flags a group whose share of contributions is far above its share of people', () => {
    // 2 politicians, 4 citizens, 1 business present; politicians made most of the cards and edits.
    const v = computeVoice({
      participants: ['politician', 'politician', 'citizen', 'citizen', 'citizen', 'citizen', 'business'],
      items: { politician: 8, citizen: 1, business: 1 },
      edits: { politician: 800, citizen: 100, business: 100 },
      votes: {},
    });
    expect(v.enough).toBe(true);
    const pol = v.rows.find((r) => r.role === 'politician');
    expect(pol?.peopleShare).toBeCloseTo(2 / 7);
    expect(pol?.contributionShare).toBeCloseTo(0.8); // weighted mean of 8/10 and 800/1000
    expect(v.dominating).toEqual(['politician']);
    expect(v.quiet).toEqual(['citizen']);
    expect(v.rows[0]?.role).toBe('politician');
  });

  it('averages kinds (edits at half weight) so that typing volume does not outweigh cards and votes', () => {
    const v = computeVoice({
      participants: ['citizen', 'researcher'],
      items: { citizen: 3, researcher: 3 },
      edits: { researcher: 5000, citizen: 10 },
      votes: { citizen: 1, researcher: 1 },
    });
    const r = v.rows.find((x) => x.role === 'researcher');
    expect(r?.contributionShare).toBeCloseTo((0.5 + 0.5 * (5000 / 5010) + 0.5) / 2.5); // edits weigh half
    expect(v.dominating).toEqual([]);
  });

  it('gives no nudge before there is enough to judge from, and counts a person with two tabs once', () => {
    const v = computeVoice({ participants: ['politician', 'citizen'], items: { politician: 3 }, edits: {}, votes: {} });
    expect(v.enough).toBe(false);
    expect(v.dominating).toEqual([]);
    expect(peopleRoles([{ name: 'Ann', role: 'citizen' }, { name: 'ann ', role: 'citizen' }, { name: 'Bo', role: 'citizen' }])).toEqual(['citizen', 'citizen']);
  });

  it('counts items and edit sessions from the document, only for clients that declared a role', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    registerClient(a, 'citizen');
    registerClient(b, 'politician');
    const annsCard = createItem(a, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd nu' });
    createItem(b, { kind: 'idea', x: 0, y: 0, author: author('politician', 'Bo'), text: 'x' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const edits = editSessionsByRole(a);
    expect(edits).toEqual(editSessionsByRole(b));
    // Writing a new card's first text is the card itself (an item), not an edit session.
    expect(edits).toEqual({});
    expect(readClients(a).size).toBe(2);
    // A client without a declared role (the server, the seed tool) is not counted.
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    createItem(c, { kind: 'idea', x: 0, y: 0, author: author('business', 'Seed'), text: 'seeded' });
    typeInto(c, annsCard, 0, 'edited by the seed tool ');
    expect(editSessionsByRole(c)).toEqual(edits);
    expect(itemsByRole(listItems(c).items)).toEqual({ citizen: 1, politician: 1, business: 1 });
  });

  it('counts goals and value ratings as kinds of their own: goals weigh like cards, ratings half', () => {
    const v = computeVoice({
      participants: ['citizen', 'politician'],
      items: { citizen: 1, politician: 1 },
      edits: {},
      votes: {},
      goals: { citizen: 3 },
      ratings: { politician: 4 },
    });
    const row = (r: string) => v.rows.find((x) => x.role === r);
    // items 1/2 each (weight 1), goals all citizen (weight 1), ratings all politician (weight 0.5).
    expect(row('citizen')?.contributionShare).toBeCloseTo((0.5 + 1) / 2.5);
    expect(row('politician')?.contributionShare).toBeCloseTo((0.5 + 0.5) / 2.5);
    expect(row('citizen')).toMatchObject({ goals: 3, ratings: 0 });
    expect(row('politician')).toMatchObject({ goals: 0, ratings: 4 });
    // Goals and ratings count towards "enough to judge" like the other kinds (2 + 3 + 4 ≥ 6).
    expect(v.enough).toBe(true);
  });

  it('reads goals and ratings per role from the document', () => {
    const doc = new Y.Doc();
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd' });
    const gone = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Slettet' });
    addAgreedGoal(doc, { horizon: 'short', text: 'Ungeråd før sommer', author: { name: 'Bo', role: 'politician' } });
    writePersonField(doc, 'ann-device-key-0001', 'brings', 'Viden om busser', 'citizen', { name: 'Ann', role: 'citizen' });
    writePersonField(doc, 'ann-device-key-0001', 'expects', 'At blive hørt', 'citizen', { name: 'Ann', role: 'citizen' });
    // Bo fills in a field of Ann's entry: it counts for whoever wrote it.
    writePersonField(doc, 'ann-device-key-0001', 'short', 'Et møde', 'politician', null);
    expect(goalsByRole(readGoals(doc))).toEqual({ politician: 2, citizen: 2 });
    setRating(doc, idea, 'ann-device-key-000001', 'citizen', { personal: 4, collective: 5 });
    setRating(doc, idea, 'bo-device-key-0000002', 'politician', { societal: 3 });
    setRating(doc, gone, 'bo-device-key-0000002', 'politician', { societal: 3 });
    deleteItems(doc, [gone]);
    // One rating per person and idea, whatever levels it has; ratings of deleted ideas are left out.
    expect(ratingsByRole(readRatings(doc), new Set(itemsMap(doc).keys()))).toEqual({ citizen: 1, politician: 1 });
  });
});

describe('edit sessions (the meter counts sessions, not keystrokes)', () => {
  /** Two cards a template put on the board (no declared role), and Ann (citizen) on her own replica. */
  function board() {
    const seed = new Y.Doc();
    const a = createItem(seed, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Skabelon'), text: 'A' });
    const b = createItem(seed, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Skabelon'), text: 'B' });
    const ann = new Y.Doc();
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(seed));
    registerClient(ann, 'citizen');
    return { ann, a, b };
  }
  /** One transaction per keystroke, as the editor writes them. */
  const type = (doc: Y.Doc, id: string, text: string) => {
    for (const ch of text) typeInto(doc, id, 10_000, ch);
  };

  it('one stretch of typing in a card is one session, however many keystrokes', () => {
    const { ann, a } = board();
    type(ann, a, ' – et ungeråd med rigtig indflydelse på budgettet');
    expect(Y.decodeStateVector(Y.encodeStateVector(ann)).get(ann.clientID)).toBeGreaterThan(40);
    expect(editSessionsByRole(ann)).toEqual({ citizen: 1 });
  });

  it('going to another card and back starts new sessions; moving cards does not', () => {
    const { ann, a, b } = board();
    type(ann, a, 'hej');
    moveItem(ann, b, 200, 200);
    touchItem(ann, a);
    type(ann, a, ' igen');
    expect(editSessionsByRole(ann)).toEqual({ citizen: 1 });
    type(ann, b, 'andet kort');
    type(ann, a, ' tilbage');
    expect(editSessionsByRole(ann)).toEqual({ citizen: 3 });
  });

  it('the role declaration after the first keystroke does not split the session (the app declares on the first own edit)', () => {
    const seed = board();
    const bo = new Y.Doc();
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(seed.ann));
    type(bo, seed.a, 'B');
    registerClient(bo, 'politician');
    type(bo, seed.a, 'o skriver');
    expect(editSessionsByRole(bo)).toEqual({ politician: 1 });
  });

  it('anything else written in between (a comment, the title) ends the session', () => {
    const { ann, a } = board();
    type(ann, a, 'hej');
    addComment(ann, a, { name: 'Ann', role: 'citizen' }, 'Skal vi tage det op?');
    type(ann, a, ' igen');
    setTitle(ann, 'Ungepolitik');
    type(ann, a, ' og igen');
    expect(editSessionsByRole(ann)).toEqual({ citizen: 3 });
  });

  it('a new card and its first text are the card (an item); coming back to it later is a session', () => {
    const { ann, a } = board();
    const mine = createItem(ann, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann') });
    type(ann, mine, 'Min idé');
    expect(editSessionsByRole(ann)).toEqual({});
    type(ann, a, 'x');
    type(ann, mine, ' – bedre');
    expect(editSessionsByRole(ann)).toEqual({ citizen: 2 });
  });

  it('every replica counts the same: a synced one, one loaded later, and the one that deleted a card', () => {
    const { ann, a, b } = board();
    const bo = new Y.Doc();
    Y.applyUpdate(bo, Y.encodeStateAsUpdate(ann));
    registerClient(bo, 'politician');
    const sync = () => {
      Y.applyUpdate(bo, Y.encodeStateAsUpdate(ann, Y.encodeStateVector(bo)));
      Y.applyUpdate(ann, Y.encodeStateAsUpdate(bo, Y.encodeStateVector(ann)));
    };
    type(ann, a, 'et');
    type(ann, b, 'to');
    type(ann, a, 'tre');
    type(bo, a, 'Bo');
    sync();
    expect(editSessionsByRole(ann)).toEqual({ citizen: 3, politician: 1 });
    expect(editSessionsByRole(bo)).toEqual(editSessionsByRole(ann));
    // Bo deletes card B with undo tracking on (undo keeps the deleted structs on Bo's replica only).
    const mine = { bo: true };
    const undo = new Y.UndoManager(itemsMap(bo), { trackedOrigins: new Set([mine]) });
    deleteItems(bo, [b], mine);
    expect(undo.undoStack.length).toBe(1);
    sync();
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(ann));
    // B's text no longer counts anywhere, and Ann's two stretches on A around it read as one.
    expect(editSessionsByRole(ann)).toEqual({ citizen: 1, politician: 1 });
    expect(editSessionsByRole(bo)).toEqual(editSessionsByRole(ann));
    expect(editSessionsByRole(late)).toEqual(editSessionsByRole(ann));
  });
});

describe('perspective coverage', () => {
  it('lists perspectives per role and the expected roles that are still missing, per problem', () => {
    const doc = new Y.Doc();
    const p1 = createItem(doc, { kind: 'problem', x: 0, y: 0, author: author('public-employee', 'Eva'), text: 'Unge dropper ud', now: 1 });
    const p2 = createItem(doc, { kind: 'problem', x: 0, y: 0, author: author('public-employee', 'Eva'), text: 'Havnen forfalder', now: 2 });
    createItem(doc, { kind: 'perspective', x: 0, y: 0, problemId: p1, author: author('politician', 'Bo'), text: 'Budget', now: 3 });
    createItem(doc, { kind: 'perspective', x: 0, y: 0, problemId: p1, author: author('politician', 'Mette'), text: 'Valg', now: 4 });
    createItem(doc, { kind: 'perspective', x: 0, y: 0, problemId: p1, author: author('service-user', 'Ali'), text: 'Kedeligt', now: 5 });
    const items = listItems(doc).items;
    const expected = expectedRoles(items, ['business']);
    // citizen is always expected; present and contributing roles too; in ROLE_IDS order.
    expect(expected).toEqual(['politician', 'public-employee', 'citizen', 'service-user', 'business']);
    const cov = perspectiveCoverage(items, expected);
    expect(cov.map((c) => c.problem.id)).toEqual([p1, p2]);
    expect(cov[0]?.byRole.map((g) => [g.role, g.perspectives.length])).toEqual([
      ['politician', 2],
      ['service-user', 1],
    ]);
    expect(cov[0]?.missing).toEqual(['public-employee', 'citizen', 'business']);
    expect(cov[1]?.byRole).toEqual([]);
    expect(cov[1]?.missing).toEqual(expected);
    const idea = createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann') });
    const all = listItems(doc).items;
    expect(all.filter((i) => inLens(i, 'citizen')).map((i) => i.id).sort()).toEqual([p1, p2, idea].sort());
  });
});
