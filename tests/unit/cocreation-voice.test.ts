import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editsByRole, readClients, registerClient } from '../../shared/cocreation/doc';
import { expectedRoles, inLens, perspectiveCoverage } from '../../shared/cocreation/perspectives';
import { computeVoice, itemsByRole, peopleRoles } from '../../shared/cocreation/voice';
import { createItem, listItems } from '../../shared/model/board';
import { author } from '../helpers/board';

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

  it('counts items and edits from the document: edits are Yjs operations of clients that declared a role', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    registerClient(a, 'citizen');
    registerClient(b, 'politician');
    createItem(a, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Ann'), text: 'Ungeråd nu' });
    createItem(b, { kind: 'idea', x: 0, y: 0, author: author('politician', 'Bo'), text: 'x' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const edits = editsByRole(a);
    expect(edits).toEqual(editsByRole(b));
    expect(edits.citizen).toBeGreaterThan(edits.politician ?? 0);
    expect(readClients(a).size).toBe(2);
    // A client without a declared role (the server, the seed tool) is not counted.
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    createItem(c, { kind: 'idea', x: 0, y: 0, author: author('business', 'Seed'), text: 'seeded' });
    expect(editsByRole(c)).toEqual(edits);
    expect(itemsByRole(listItems(c).items)).toEqual({ citizen: 1, politician: 1, business: 1 });
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
