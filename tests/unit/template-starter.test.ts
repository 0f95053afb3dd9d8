import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { expectedRoles, perspectiveCoverage } from '../../shared/cocreation/perspectives';
import { contributedItems, itemsByRole } from '../../shared/cocreation/voice';
import { setRating } from '../../shared/cocreation/value';
import { boardToMarkdown } from '../../shared/export/markdown';
import { boardToJson } from '../../shared/export/json';
import { adoptItem, createItem, listItems, readMeta } from '../../shared/model/board';
import { votableIdeas } from '../../shared/model/starter';
import { buildFromTemplate, TEMPLATE_IDS } from '../../shared/templates';

/**
 * Template starter cards are examples, not contributions of invented people
 * (issue 13: "Sara, 17" was quoted in the minutes and covered the citizen
 * role in the lens).
 */
const NOW = 1_700_000_000_000;
const INVENTED = ['Sara', 'Emil', 'Lone', 'Karim', 'Samskab'];

function board(id = 'youth-policy' as (typeof TEMPLATE_IDS)[number], lang: 'da' | 'en' = 'da'): Y.Doc {
  const doc = new Y.Doc();
  buildFromTemplate(doc, id, lang, { now: NOW });
  return doc;
}

describe('template starter content', () => {
  it.each(TEMPLATE_IDS.filter((t) => t !== 'blank'))('%s: every card is marked as template content and has no author', (id) => {
    const { items } = listItems(board(id));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(i.template, `${i.kind} ${i.id}`).toBe(true);
      expect(i.authorName).toBe('');
    }
  });

  it('covers no role in the lens and adds no expected role (no "andet" with nobody in it)', () => {
    const { items } = listItems(board());
    expect(expectedRoles(items, [])).toEqual(['citizen']);
    const [cov] = perspectiveCoverage(items, expectedRoles(items, ['politician']));
    expect(cov?.byRole).toEqual([]);
    expect(cov?.missing).toEqual(['politician', 'citizen']);
    expect(cov?.examples.length).toBeGreaterThanOrEqual(3);
  });

  it('is not counted by the equal-voice meter, not voted on and not rated', () => {
    const doc = board();
    const { items } = listItems(doc);
    // Without the creation-time fallback: the mark alone keeps them out.
    expect(itemsByRole(contributedItems(items, 0))).toEqual({});
    expect(votableIdeas(items)).toEqual([]);
    const idea = items.find((i) => i.kind === 'idea');
    expect(() => setRating(doc, idea?.id ?? '', 'p_0123456789abcdefABCD', 'citizen', { personal: 4 })).toThrow(/not an idea/);
  });

  it('never puts an invented name into the minutes or the JSON export, and labels examples', () => {
    for (const lang of ['da', 'en'] as const) {
      const doc = board('youth-policy', lang);
      const md = boardToMarkdown(doc, lang, new Date(NOW));
      const json = JSON.stringify(boardToJson(doc, new Date(NOW)).items);
      for (const name of INVENTED) {
        expect(md, `${lang} minutes`).not.toContain(name);
        expect(json, `${lang} json`).not.toContain(name);
      }
      expect(md).toContain(lang === 'da' ? 'eksempel fra skabelonen' : 'example from the template');
    }
  });

  it('a participant who rewrites a starter idea adopts it: then it is theirs, counted, voted on', () => {
    const doc = board();
    const idea = listItems(doc).items.find((i) => i.kind === 'idea');
    expect(adoptItem(doc, idea?.id ?? '', { name: 'Ann', role: 'volunteer-association' })).toBe(true);
    const after = listItems(doc).items.find((i) => i.id === idea?.id);
    expect(after).toMatchObject({ template: false, authorName: 'Ann', role: 'volunteer-association' });
    expect(votableIdeas(listItems(doc).items).map((i) => i.id)).toEqual([idea?.id]);
    expect(itemsByRole(contributedItems(listItems(doc).items, 0))).toEqual({ 'volunteer-association': 1 });
    // Adopting twice, or a card that is no example, changes nothing.
    expect(adoptItem(doc, idea?.id ?? '', { name: 'Bo', role: 'citizen' })).toBe(false);
    const own = createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Cem', role: 'business' } });
    expect(adoptItem(doc, own, { name: 'Bo', role: 'citizen' })).toBe(false);
  });

  it('frames stay template structure when someone renames them', () => {
    const doc = board();
    const frame = listItems(doc).items.find((i) => i.kind === 'frame');
    expect(adoptItem(doc, frame?.id ?? '', { name: 'Ann', role: 'citizen' })).toBe(false);
    expect(readMeta(doc).createdAt).toBe(NOW);
  });

  it('only template content may be stored without an author', () => {
    const doc = new Y.Doc();
    expect(() => createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: ' ', role: 'citizen' } })).toThrow(/author name/);
    expect(() => createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: '', role: 'citizen' }, template: true })).not.toThrow();
  });
});
