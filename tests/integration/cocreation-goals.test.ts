import { describe, expect, it } from 'vitest';
import { addIndicator, addStory, openSession, readEvaluation, setMeasurement, writeAnswer } from '../../shared/cocreation/evaluation';
import { addAgreedGoal, readGoals, revisitSummary, setRevisit, writePersonField } from '../../shared/cocreation/goals';
import { connectClient, waitConverged } from '../helpers/client';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { storedDoc } from '../helpers/storage';

const KEYS = { ann: 'ann-person-key-000001', bo: 'bo-person-key-0000002', cem: 'cem-person-key-000003' };

/** Goals and evaluation through a real server: three people write at once, everything converges and survives a restart. */
describe('co-creation: goals and evaluation on a real server', () => {
  const scope = useScope();

  it('three people writing their entries and goals at the same time converge; a restart keeps everything', async () => {
    const srv = await startTestServer(scope);
    const board = 'goals-board';
    const [a, b, c] = [0, 1, 2].map(() => connectClient(scope, srv.wsUrl, board));
    if (!a || !b || !c) throw new Error('clients');
    await Promise.all([a.waitSynced(), b.waitSynced(), c.waitSynced()]);

    // All three write before hearing from each other (same tick, no awaits in between).
    writePersonField(a.doc, KEYS.ann, 'expects', 'At blive hørt', 'citizen', { name: 'Ann', role: 'citizen' });
    writePersonField(a.doc, KEYS.ann, 'short', 'Ungeråd', 'citizen', { name: 'Ann', role: 'citizen' });
    writePersonField(b.doc, KEYS.bo, 'expects', 'Konkrete forslag', 'politician', { name: 'Bo', role: 'politician' });
    writePersonField(c.doc, KEYS.cem, 'brings', 'Praktikpladser', 'business', { name: 'Cem', role: 'business' });
    const g1 = addAgreedGoal(a.doc, { horizon: 'short', text: 'Ungeråd nedsat', author: { name: 'Ann', role: 'citizen' } });
    const g2 = addAgreedGoal(b.doc, { horizon: 'long', text: 'Færre frafald', author: { name: 'Bo', role: 'politician' } });
    const s1 = openSession(c.doc, { label: 'Første', date: '2025-03-01', role: 'business' });
    await waitConverged([a.doc, b.doc, c.doc]);

    // Then evaluation work and a revisit, again concurrently.
    const ind = addIndicator(c.doc, { name: 'Frafald', unit: '%', baseline: 20, target: 12, direction: 'lower', role: 'business' });
    writeAnswer(a.doc, s1, 'what-1', 'Frafald', 'citizen');
    addStory(b.doc, { text: 'Møderne lå i skoletiden', kind: 'bad', session: s1, role: 'politician' });
    setRevisit(a.doc, { kind: 'agreed', id: g1 }, 'met', 'Nedsat i maj', 'citizen');
    setRevisit(b.doc, { kind: 'person', key: KEYS.ann, field: 'short' }, 'partly', '', 'politician');
    await waitConverged([a.doc, b.doc, c.doc]);
    setMeasurement(a.doc, ind, s1, 18, 'citizen');
    await waitConverged([a.doc, b.doc, c.doc]);

    const goals = readGoals(a.doc);
    expect(readGoals(b.doc)).toEqual(goals);
    expect(readGoals(c.doc)).toEqual(goals);
    expect(goals.people.map((p) => [p.name, p.role]).sort()).toEqual([
      ['Ann', 'citizen'],
      ['Bo', 'politician'],
      ['Cem', 'business'],
    ]);
    expect(goals.agreed.map((g) => g.id)).toEqual([g1, g2]);
    expect(revisitSummary(goals).agreed).toMatchObject({ total: 2, met: 1 });
    const evaluation = readEvaluation(b.doc);
    expect(readEvaluation(a.doc)).toEqual(evaluation);
    expect(readEvaluation(c.doc)).toEqual(evaluation);
    expect(evaluation.measures.get(ind)?.get(s1)?.value).toBe(18);
    expect(evaluation.stories).toHaveLength(1);

    for (const cl of [a, b, c]) await cl.waitSaved();
    // What the server stored is the same.
    expect(readGoals(storedDoc(srv.dataDir, board))).toEqual(goals);

    // Restart on the same data directory: a new client reads everything back.
    await srv.close();
    const srv2 = await startTestServer(scope, { dataDir: srv.dataDir });
    const d = connectClient(scope, srv2.wsUrl, board);
    await d.waitSynced();
    expect(readGoals(d.doc)).toEqual(goals);
    expect(readEvaluation(d.doc)).toEqual(evaluation);
    expect(readGoals(d.doc).people.find((p) => p.key === KEYS.ann)?.revisits.short).toMatchObject({ status: 'partly', role: 'politician' });
  });
});
