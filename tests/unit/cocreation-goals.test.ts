import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgreedGoal,
  editAgreedGoal,
  goalsMap,
  GoalsError,
  hasContent,
  MAX_FIELD_LENGTH,
  readGoals,
  removeAgreedGoal,
  revisitSummary,
  setRevisit,
  writePersonField,
} from '../../shared/cocreation/goals';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { goalsMarkdown } from '../../shared/export/sections/goals';

const ANN = 'ann-device-key-0001';
const BO = 'bo-device-key-00002';
const ann = { name: 'Ann', role: 'citizen' as const };
const bo = { name: 'Bo', role: 'politician' as const };

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

describe('goals and expectations: entries per person', () => {
  it('writes and reads a person’s four fields, with who wrote them', () => {
    const doc = new Y.Doc();
    writePersonField(doc, ANN, 'brings', 'Viden om busruter', 'citizen', ann, undefined, 1000);
    writePersonField(doc, ANN, 'expects', 'At blive hørt', 'citizen', ann, undefined, 2000);
    writePersonField(doc, ANN, 'short', 'Ungeråd inden sommer', 'citizen', ann, undefined, 3000);
    writePersonField(doc, ANN, 'long', 'Færre unge dropper ud', 'citizen', ann, undefined, 4000);
    const [p] = readGoals(doc).people;
    expect(p).toMatchObject({ key: ANN, name: 'Ann', role: 'citizen', updatedAt: 4000 });
    expect(p?.fields.expects).toEqual({ text: 'At blive hørt', at: 2000, role: 'citizen' });
    expect(p && hasContent(p)).toBe(true);
    // Emptying a field removes it; an entry with no text left has no content.
    for (const f of ['brings', 'expects', 'short', 'long'] as const) writePersonField(doc, ANN, f, '', 'citizen', ann);
    expect(goalsMap(doc).has(`person|${ANN}|short`)).toBe(false);
    const [after] = readGoals(doc).people;
    expect(after && hasContent(after)).toBe(false);
  });

  it('anyone may edit another person’s entry; the entry keeps its owner, the field records the editor’s role', () => {
    const doc = new Y.Doc();
    writePersonField(doc, ANN, 'short', 'Ungeråd', 'citizen', ann);
    writePersonField(doc, ANN, 'short', 'Ungeråd inden sommer', 'politician', null);
    const [p] = readGoals(doc).people;
    expect(p).toMatchObject({ name: 'Ann', role: 'citizen' });
    expect(p?.fields.short).toMatchObject({ text: 'Ungeråd inden sommer', role: 'politician' });
    // …but there is no entry to edit for someone who never wrote one.
    expect(() => writePersonField(doc, BO, 'short', 'x', 'citizen', null)).toThrow(/no such entry/);
  });

  it('bad input throws a clear error and changes nothing', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    expect(() => writePersonField(doc, 'short', 'short', 'x', 'citizen', ann)).toThrow(GoalsError);
    expect(() => writePersonField(doc, 'has|pipe-in-it', 'short', 'x', 'citizen', ann)).toThrow(GoalsError);
    expect(() => writePersonField(doc, ANN, 'nope' as 'short', 'x', 'citizen', ann)).toThrow(/unknown field/);
    expect(() => writePersonField(doc, ANN, 'short', 'x'.repeat(MAX_FIELD_LENGTH + 1), 'citizen', ann)).toThrow(/at most 2000/);
    expect(() => writePersonField(doc, ANN, 'short', 'x', 'king' as 'citizen', ann)).toThrow(/unknown role/);
    expect(() => writePersonField(doc, ANN, 'short', 'x', 'citizen', { name: 'A', role: 'king' as 'citizen' })).toThrow(/unknown role/);
    expect(() => addAgreedGoal(doc, { horizon: 'short', text: '   ', author: ann })).toThrow(/empty/);
    expect(() => addAgreedGoal(doc, { horizon: 'someday' as 'short', text: 'x', author: ann })).toThrow(/short-term or long-term/);
    expect(() => addAgreedGoal(doc, { horizon: 'long', text: 'x'.repeat(301), author: ann })).toThrow(/at most 300/);
    expect(() => editAgreedGoal(doc, 'missing-goal-id', { text: 'x' })).toThrow(/no such goal/);
    expect(() => removeAgreedGoal(doc, 'missing-goal-id')).toThrow(/no such goal/);
    expect(() => setRevisit(doc, { kind: 'agreed', id: 'missing-goal-id' }, 'met', '', 'citizen')).toThrow(/nothing to revisit/);
    expect(() => setRevisit(doc, { kind: 'person', key: ANN, field: 'brings' as 'short' }, 'met', '', 'citizen')).toThrow(/only expectations and goals/);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(goalsMap(doc).size).toBe(0);
  });

  it('reading junk never throws and skips only the malformed entries', () => {
    const doc = new Y.Doc();
    writePersonField(doc, ANN, 'short', 'Ungeråd', 'citizen', ann, undefined, 10);
    const id = addAgreedGoal(doc, { horizon: 'long', text: 'Færre frafald', author: bo }, undefined, 20);
    const m = goalsMap(doc);
    const junk: Array<[string, unknown]> = [
      ['person|short', { name: 'x', role: 'citizen', at: 1 }],
      [`person|${BO}`, { name: 'Bo', role: 'king', at: 1 }],
      [`person|${BO}x`, 'not an object'],
      [`person|${BO}y`, { name: 42, role: 'citizen', at: -1 }],
      [`person|${ANN}|long`, { text: 7, at: 1, role: 'citizen' }],
      [`person|${ANN}|mood`, { text: 'x', at: 1, role: 'citizen' }],
      [`person|${ANN}|expects`, { text: 'y'.repeat(5000), at: 1, role: 'citizen' }],
      [`person|${ANN}|revisit|brings`, { status: 'met', note: '', at: 1, role: 'citizen' }],
      [`person|${ANN}|revisit|short`, { status: 'great', at: 1, role: 'citizen' }],
      ['agreed|bad', { horizon: 'short', text: 'x', role: 'citizen', at: 1 }],
      ['agreed|valid-but-empty', { horizon: 'short', text: '  ', role: 'citizen', at: 1 }],
      ['agreed|orphan-rev|revisit', { status: 'met', note: '', at: 1, role: 'citizen' }],
      [`agreed|${id}|revisit`, { status: 'met', note: null, at: 1, role: 'citizen' }],
      ['what|ever', null],
      ['', undefined],
      ['agreed|x|y|z|w', 1],
    ];
    for (const [k, v] of junk) m.set(k, v);
    m.set(`person|${ANN}|revisit|short`, { status: 'partly', note: 'halvvejs', at: 30, role: 'politician' });
    const state = readGoals(doc);
    expect(state.people.map((p) => p.key)).toEqual([ANN]);
    expect(Object.keys(state.people[0]?.fields ?? {})).toEqual(['short']);
    expect(state.people[0]?.revisits).toEqual({ short: { status: 'partly', note: 'halvvejs', at: 30, role: 'politician' } });
    expect(state.agreed.map((g) => [g.id, g.text, g.revisit])).toEqual([[id, 'Færre frafald', null]]);
  });

  it('two replicas writing at the same time (different people, a shared goal list) lose nothing', () => {
    const [a, b, sync] = pair();
    // Both write their entry and add an agreed goal before hearing from each other.
    writePersonField(a, ANN, 'expects', 'At blive hørt', 'citizen', ann, undefined, 1);
    writePersonField(a, ANN, 'short', 'Ungeråd', 'citizen', ann, undefined, 2);
    const g1 = addAgreedGoal(a, { horizon: 'short', text: 'Ungeråd nedsat', author: ann }, undefined, 3);
    writePersonField(b, BO, 'expects', 'Konkrete forslag', 'politician', bo, undefined, 1);
    writePersonField(b, BO, 'long', 'Færre frafald', 'politician', bo, undefined, 2);
    const g2 = addAgreedGoal(b, { horizon: 'long', text: 'Frafald ned med 20 %', author: bo }, undefined, 3);
    sync();
    for (const doc of [a, b]) {
      const s = readGoals(doc);
      expect(s.people.map((p) => [p.name, p.fields.expects?.text]).sort()).toEqual([
        ['Ann', 'At blive hørt'],
        ['Bo', 'Konkrete forslag'],
      ]);
      expect(s.agreed.map((g) => g.id)).toEqual([g1, g2]);
    }
    // The same person in two tabs editing two fields at once: both fields survive.
    writePersonField(a, ANN, 'brings', 'Busruter', 'citizen', ann, undefined, 10);
    writePersonField(b, ANN, 'long', 'Flere unge i uddannelse', 'citizen', ann, undefined, 11);
    // And one person revisits a goal while another rewords it.
    setRevisit(a, { kind: 'agreed', id: g1 }, 'met', 'Nedsat i maj', 'citizen', undefined, 12);
    editAgreedGoal(b, g1, { text: 'Ungeråd nedsat og i gang' }, undefined, 12);
    sync();
    expect(readGoals(a)).toEqual(readGoals(b));
    const s = readGoals(a);
    const annEntry = s.people.find((p) => p.key === ANN);
    expect(annEntry?.fields.brings?.text).toBe('Busruter');
    expect(annEntry?.fields.long?.text).toBe('Flere unge i uddannelse');
    expect(s.agreed.find((g) => g.id === g1)).toMatchObject({ text: 'Ungeråd nedsat og i gang', role: 'citizen', revisit: { status: 'met', note: 'Nedsat i maj' } });
  });

  it('agreed goals: add, edit (text and horizon), remove with their revisit; short-term first', () => {
    const doc = new Y.Doc();
    const long = addAgreedGoal(doc, { horizon: 'long', text: 'Færre frafald', author: bo }, undefined, 1);
    const short = addAgreedGoal(doc, { horizon: 'short', text: '  Ungeråd  ', author: { name: 'X', role: 'other', roleText: 'Ungdomsklub' } }, undefined, 2);
    expect(readGoals(doc).agreed.map((g) => [g.text, g.horizon, g.role, g.roleText])).toEqual([
      ['Ungeråd', 'short', 'other', 'Ungdomsklub'],
      ['Færre frafald', 'long', 'politician', ''],
    ]);
    editAgreedGoal(doc, long, { horizon: 'short' }, undefined, 5);
    expect(readGoals(doc).agreed.find((g) => g.id === long)).toMatchObject({ horizon: 'short', createdAt: 1, updatedAt: 5 });
    // Names of who proposed a goal are not stored (only the role).
    expect(JSON.stringify(goalsMap(doc).toJSON())).not.toContain('"X"');
    setRevisit(doc, { kind: 'agreed', id: short }, 'changed', 'Blev til et ungepanel', 'citizen');
    removeAgreedGoal(doc, short);
    expect(goalsMap(doc).has(`agreed|${short}|revisit`)).toBe(false);
    expect(readGoals(doc).agreed.map((g) => g.id)).toEqual([long]);
  });

  it('revisit summary: agreed goals met / partly / not met / changed, and people’s written expectations and goals', () => {
    const doc = new Y.Doc();
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'].map((x, i) => addAgreedGoal(doc, { horizon: i < 3 ? 'short' : 'long', text: `Mål ${x}`, author: ann }));
    const marks = ['met', 'met', 'met', 'met', 'partly'] as const;
    marks.forEach((s, i) => setRevisit(doc, { kind: 'agreed', id: ids[i] ?? '' }, s, '', 'citizen'));
    writePersonField(doc, ANN, 'expects', 'Hørt', 'citizen', ann);
    writePersonField(doc, ANN, 'short', 'Ungeråd', 'citizen', ann);
    writePersonField(doc, ANN, 'brings', 'Tid', 'citizen', ann);
    setRevisit(doc, { kind: 'person', key: ANN, field: 'expects' }, 'not-met', 'Ikke nok', 'citizen');
    // A revisit of a field nobody wrote is stored but not counted.
    setRevisit(doc, { kind: 'person', key: ANN, field: 'long' }, 'changed', '', 'citizen');
    const sum = revisitSummary(readGoals(doc));
    expect(sum.agreed).toEqual({ total: 6, revisited: 5, met: 4, partly: 1, notMet: 0, changed: 0 });
    expect(sum.personal).toEqual({ total: 2, revisited: 1, met: 0, partly: 0, notMet: 1, changed: 0 });
    // Clearing a mark.
    setRevisit(doc, { kind: 'agreed', id: ids[0] ?? '' }, null, '', 'citizen');
    expect(revisitSummary(readGoals(doc)).agreed.met).toBe(3);
    expect(() => setRevisit(doc, { kind: 'agreed', id: ids[0] ?? '' }, null, 'a note without a status', 'citizen')).toThrow(/choose a status/);
  });
});

describe('goals and expectations in the minutes', () => {
  it('agreed goals with then → now and a summary, each person’s entry; participants’ text is escaped', () => {
    const doc = new Y.Doc();
    expect(goalsMarkdown(doc, 'da')).toEqual([]);
    const g = addAgreedGoal(doc, { horizon: 'short', text: 'Ungeråd <b>nu</b>', author: bo });
    addAgreedGoal(doc, { horizon: 'long', text: 'Færre frafald', author: ann });
    setRevisit(doc, { kind: 'agreed', id: g }, 'met', 'Nedsat i maj', 'citizen');
    writePersonField(doc, ANN, 'expects', '# At blive hørt\n- for alvor', 'citizen', ann);
    writePersonField(doc, ANN, 'brings', 'Tid', 'citizen', ann);
    setRevisit(doc, { kind: 'person', key: ANN, field: 'expects' }, 'partly', '', 'citizen');
    const md = goalsMarkdown(doc, 'da').join('\n');
    expect(md).toContain('## Mål og forventninger');
    expect(md).toContain('*1 af 2 fælles mål nået.*');
    expect(md).toContain('- **Kort sigt:** Ungeråd \\<b\\>nu\\</b\\> — foreslået af Politiker → **Nu: nået** (Nedsat i maj)');
    expect(md).toContain('- **Lang sigt:** Færre frafald — foreslået af Borger');
    expect(md).toContain('- **Ann (Borger)**');
    expect(md).toContain('  - Forventer: \\# At blive hørt / - for alvor → **Nu: delvist nået**');
    expect(md).toContain('  - Bringer ind: Tid');
    expect(md).not.toContain('<b>');
    // A line starting with '#' would be a heading; escaped it is not.
    expect(goalsMarkdown(doc, 'en').join('\n')).toContain('- **Short term:** Ungeråd');
    // Names hidden on the board: roles only.
    setAnonymousNames(doc, true);
    expect(goalsMarkdown(doc, 'en').join('\n')).toContain('- **Citizen**');
    expect(goalsMarkdown(doc, 'en').join('\n')).not.toContain('Ann');
  });
});
