import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_PHASE_IDS, DEFAULT_PHASES } from '../../shared/cocreation/agenda';
import { buildStormFloodExample } from '../../shared/examples/stormflood';
import { itemsInFrame, itemsMap, linksMap, listItems, listLinks, readMeta } from '../../shared/model/board';
import { readPlainText } from '../../shared/model/richtext';
import { DEFAULT_SIZE, MAX_TITLE_LENGTH, type BoardItem } from '../../shared/model/schema';
import { buildFromTemplate, TEMPLATE_IDS, TemplateError, TEMPLATES, templateById, type TemplateId } from '../../shared/templates';

const NOW = 1_700_000_000_000;
const LANGS = ['da', 'en'] as const;

function build(id: TemplateId, lang: 'da' | 'en', title?: string): Y.Doc {
  const doc = new Y.Doc();
  buildFromTemplate(doc, id, lang, { now: NOW, ...(title === undefined ? {} : { title }) });
  return doc;
}

const text = (i: BoardItem) => readPlainText(i.body);
const inside = (a: BoardItem, f: BoardItem) => a.x >= f.x && a.y >= f.y && a.x + a.w <= f.x + f.w && a.y + a.h <= f.y + f.h;
const overlaps = (a: BoardItem, b: BoardItem) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The frame for each default phase, found by its label; fails when a label is missing or doubled. */
function phaseFrames(doc: Y.Doc, lang: 'da' | 'en'): Map<string, BoardItem> {
  const frames = listItems(doc).items.filter((i) => i.kind === 'frame');
  const out = new Map<string, BoardItem>();
  for (const phase of DEFAULT_PHASE_IDS) {
    const matching = frames.filter((f) => text(f) === DEFAULT_PHASES[phase][lang]);
    expect(matching, `frame "${DEFAULT_PHASES[phase][lang]}"`).toHaveLength(1);
    out.set(phase, matching[0] as BoardItem);
  }
  return out;
}

describe('the template list', () => {
  it('has the stable ids in order, each with a name and a one-sentence description in both languages', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(TEMPLATE_IDS).toEqual(['blank', 'youth-policy', 'marina', 'stormflood', 'park', 'dropout']);
    for (const t of TEMPLATES) {
      for (const lang of LANGS) {
        expect(t.name[lang].trim(), `${t.id} name ${lang}`).not.toBe('');
        expect(t.description[lang], `${t.id} description ${lang}`).toMatch(/^[^.!?]+[.!?]$/);
        expect(t.title[lang].length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
      }
      expect(t.name.da).not.toBe(t.name.en);
      expect(t.description.da).not.toBe(t.description.en);
      expect(t.phases).toBe(t.id === 'blank' ? 0 : DEFAULT_PHASE_IDS.length);
      expect(templateById(t.id)).toBe(t);
    }
  });
});

describe('blank', () => {
  it.each(LANGS)('is a truly empty board (%s)', (lang) => {
    const doc = build('blank', lang);
    expect(itemsMap(doc).size).toBe(0);
    expect(linksMap(doc).size).toBe(0);
    expect(readMeta(doc)).toMatchObject({ title: '', createdAt: NOW });
  });

  it('takes the given title', () => {
    expect(readMeta(build('blank', 'da', 'Ungepolitik 2030')).title).toBe('Ungepolitik 2030');
  });
});

const PHASE_TEMPLATES = TEMPLATE_IDS.filter((id) => id !== 'blank');

describe.each(PHASE_TEMPLATES)('template %s', (id) => {
  it.each(LANGS)('builds a valid board with a frame per phase in %s', (lang) => {
    const doc = build(id, lang);
    const { items, damaged } = listItems(doc);
    // Every item and link passes the model's read-side validation.
    expect(damaged).toEqual([]);
    expect(items).toHaveLength(itemsMap(doc).size);
    expect(listLinks(doc)).toHaveLength(linksMap(doc).size);
    expect(readMeta(doc).title).toBe(templateById(id).title[lang]);
    expect(readMeta(doc).title).not.toBe('');

    const frames = phaseFrames(doc, lang);
    const ordered = DEFAULT_PHASE_IDS.map((p) => frames.get(p) as BoardItem);
    for (const f of ordered) {
      // Large enough to work in: at least the size of a frame drawn by hand.
      expect(f.w).toBeGreaterThanOrEqual(DEFAULT_SIZE.frame.w);
      expect(f.h).toBeGreaterThanOrEqual(DEFAULT_SIZE.frame.h);
    }
    // Reading order: each phase is to the right of the previous one, or starts a new row below it.
    for (let i = 1; i < ordered.length; i++) {
      const [prev, cur] = [ordered[i - 1] as BoardItem, ordered[i] as BoardItem];
      const right = cur.y === prev.y && cur.x >= prev.x + prev.w;
      const nextRow = cur.y >= prev.y + prev.h && cur.x <= prev.x;
      expect(right || nextRow, `${DEFAULT_PHASE_IDS[i]} follows ${DEFAULT_PHASE_IDS[i - 1]}`).toBe(true);
    }
    for (const a of ordered) for (const b of ordered) if (a !== b) expect(overlaps(a, b)).toBe(false);

    // Everything else lies inside exactly one phase frame (so it moves with it).
    const phaseIds = new Set(ordered.map((f) => f.id));
    for (const item of items.filter((i) => !phaseIds.has(i.id))) {
      expect(ordered.filter((f) => inside(item, f)), `${item.kind} "${text(item)}"`).toHaveLength(1);
      expect(text(item).trim()).not.toBe('');
    }
    const cards = items.filter((i) => i.kind !== 'frame');
    for (const a of cards) for (const b of cards) if (a !== b) expect(overlaps(a, b), `${text(a)} / ${text(b)}`).toBe(false);

    // The problem and its perspectives are in problem understanding, ideas in idea generation.
    const understand = frames.get('understand') as BoardItem;
    const problems = items.filter((i) => i.kind === 'problem');
    expect(problems).toHaveLength(1);
    const problem = problems[0] as BoardItem;
    expect(inside(problem, understand)).toBe(true);
    const perspectives = items.filter((i) => i.kind === 'perspective');
    expect(perspectives.length).toBeGreaterThanOrEqual(3);
    expect(perspectives.some((p) => p.role === 'citizen')).toBe(true);
    expect(new Set(perspectives.map((p) => p.role)).size).toBeGreaterThanOrEqual(3);
    for (const p of perspectives) {
      expect(inside(p, understand)).toBe(true);
      expect(p.kind === 'perspective' && p.problemId).toBe(problem.id);
    }
    expect(itemsInFrame(doc, understand.id).sort()).toEqual([problem.id, ...perspectives.map((p) => p.id)].sort());
    const ideas = items.filter((i) => i.kind === 'idea');
    expect(ideas.length).toBeGreaterThanOrEqual(2);
    for (const idea of ideas) {
      expect(inside(idea, frames.get('ideas') as BoardItem)).toBe(true);
      expect(listLinks(doc).some((l) => l.kind === 'addresses' && l.from === idea.id && l.to === problem.id)).toBe(true);
    }
    // Prompts: the later phases start with a question to work from.
    for (const phase of ['goals', 'design', 'plan', 'evaluate'] as const) {
      expect(itemsInFrame(doc, (frames.get(phase) as BoardItem).id).length, phase).toBeGreaterThan(0);
    }
    // Template items are stamped with the board's creation time: that is how tools can tell them from people's cards.
    expect(readMeta(doc).createdAt).toBe(NOW);
    for (const i of items) expect([i.createdAt, i.updatedAt]).toEqual([NOW, NOW]);
  });

  it('is written in the chosen language: no card text is the same in Danish and English', () => {
    const texts = (lang: 'da' | 'en') => new Set(listItems(build(id, lang)).items.map(text));
    const da = texts('da');
    const shared = [...texts('en')].filter((t) => da.has(t));
    expect(shared).toEqual([]);
  });

  it('keeps a given title instead of its own, trimmed', () => {
    expect(readMeta(build(id, 'en', '  Harbour 2030  ')).title).toBe('Harbour 2030');
    expect(readMeta(build(id, 'en', '   ')).title).toBe(templateById(id).title.en);
  });
});

describe('bad input', () => {
  it('an unknown template id throws a clear error and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => buildFromTemplate(doc, 'kanban' as TemplateId, 'da')).toThrow(TemplateError);
    expect(() => buildFromTemplate(doc, 'kanban' as TemplateId, 'da')).toThrow(/blank, youth-policy, marina, stormflood, park, dropout/);
    expect(itemsMap(doc).size).toBe(0);
    expect(readMeta(doc).title).toBe('');
  });

  it('a too long title or unknown language throws and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => buildFromTemplate(doc, 'marina', 'da', { title: 't'.repeat(MAX_TITLE_LENGTH + 1) })).toThrow(TemplateError);
    expect(() => buildFromTemplate(doc, 'marina', 'fr' as 'da')).toThrow(TemplateError);
    expect(itemsMap(doc).size).toBe(0);
  });
});

describe('the storm-flood example', () => {
  it('is still built by buildStormFloodExample, the same as the template', () => {
    const doc = new Y.Doc();
    buildStormFloodExample(doc, 'da', NOW);
    expect(readMeta(doc).title).toMatch(/stormflod/i);
    phaseFrames(doc, 'da');
    const kinds = listItems(doc).items.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'idea')).toHaveLength(4);
    expect(listLinks(doc).some((l) => l.kind === 'builds-on')).toBe(true);
  });

  it('builds one update: a peer applying it sees the whole board', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    buildFromTemplate(doc, 'stormflood', 'en', { now: NOW });
    expect(updates).toBe(1);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(listItems(peer).items).toHaveLength(itemsMap(doc).size);
  });
});
