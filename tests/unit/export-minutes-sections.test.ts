import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment } from '../../shared/cocreation/comments';
import { setAnonymousNames } from '../../shared/cocreation/doc';
import { setRating } from '../../shared/cocreation/value';
import { boardToMarkdown, escapeMarkdown } from '../../shared/export/markdown';
import { createItem, initBoard, linkItems } from '../../shared/model/board';

/** The minutes carry what the group did around the cards: value ratings and discussions. */
describe('minutes: value triad and comments', () => {
  it('puts value ratings and comments under their card, with participants’ text escaped', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Havnen');
    const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: { name: 'Eva', role: 'public-employee' }, text: 'Havnen er nedslidt' });
    const i = createItem(doc, { kind: 'idea', x: 300, y: 0, author: { name: 'Lis', role: 'volunteer-association' }, text: 'Badebro' });
    linkItems(doc, { kind: 'addresses', from: i, to: p });
    // Two citizens: a role's row needs at least two raters (shared/cocreation/smallRoles.ts).
    setRating(doc, i, 'person-aaaaaaaaaaaaaaaa', 'citizen', { personal: 5, collective: 4, societal: 3 });
    setRating(doc, i, 'person-bbbbbbbbbbbbbbbb', 'citizen', { personal: 5, collective: 4, societal: 3 });
    addComment(doc, i, { name: 'Ann', role: 'citizen' }, '# Overskrift? [link](http://x) og <b>fed</b>');
    addComment(doc, p, { name: 'Bo', role: 'politician' }, 'Hvor gammel er kajen?');

    const md = boardToMarkdown(doc, 'da');
    const lines = md.split('\n');
    const idea = lines.findIndex((l) => l.includes('**Badebro**'));
    expect(idea).toBeGreaterThan(0);
    const under = lines.slice(idea + 1, idea + 8).join('\n');
    expect(under).toContain('Værdi (lige vægt pr. rolle)');
    expect(under).toContain('Borger (2): personlig 5');
    expect(under).toContain('1 kommentar');
    expect(under).toContain('Ann (Borger): \\# Overskrift? \\[link\\](http://x) og \\<b\\>fed\\</b\\>');
    // The problem's discussion sits under the problem.
    const problem = lines.findIndex((l) => l.startsWith('### 1. Havnen er nedslidt'));
    expect(lines.slice(problem, idea).join('\n')).toContain('Bo (Politiker): Hvor gammel er kajen?');
    expect(boardToMarkdown(doc, 'en')).toContain('Ann (Citizen):');

    // A bare carriage return is folded like a newline, so "1)" or "#" cannot start a new Markdown block.
    addComment(doc, i, { name: 'Cem', role: 'business' }, 'første\r1) anden\r# tredje');
    expect(boardToMarkdown(doc, 'da')).toContain('Cem (Virksomhed): første 1) anden # tredje');
    expect(escapeMarkdown('1) punkt')).toBe('1\\) punkt');

    // Names hidden on the board: the minutes give the commenter's role only.
    setAnonymousNames(doc, true);
    const hidden = boardToMarkdown(doc, 'da');
    expect(hidden).toContain('- Borger: \\# Overskrift?');
    expect(hidden).not.toMatch(/Ann \(Borger\)|Bo \(Politiker\)|Cem \(Virksomhed\)/);
  });
});

describe('minutes: wording', () => {
  it('counts with plural forms and quotes in each language’s own style', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Havnen');
    const p = createItem(doc, { kind: 'problem', x: 0, y: 0, author: { name: 'Eva', role: 'public-employee' }, text: 'Havnen er nedslidt' });
    createItem(doc, { kind: 'perspective', x: 0, y: 200, problemId: p, author: { name: 'Bo', role: 'politician' }, text: 'Budget' });
    createItem(doc, { kind: 'perspective', x: 0, y: 400, problemId: p, author: { name: 'Ann', role: 'citizen' }, text: 'Tryghed' });
    const a = createItem(doc, { kind: 'idea', x: 300, y: 0, author: { name: 'Lis', role: 'volunteer-association' }, text: 'Badebro' });
    const b = createItem(doc, { kind: 'idea', x: 300, y: 200, author: { name: 'Lis', role: 'volunteer-association' }, text: 'Badebro med rampe' });
    linkItems(doc, { kind: 'builds-on', from: b, to: a });
    const da = boardToMarkdown(doc, 'da');
    expect(da).toContain('1 problem, 2 perspektiver og 2 idéer.');
    expect(da).toContain('bygger på: »Badebro«');
    expect(da).not.toMatch(/\(er\)|“/);
    const en = boardToMarkdown(doc, 'en');
    expect(en).toContain('1 problem, 2 perspectives and 2 ideas.');
    expect(en).toContain('builds on: “Badebro”');
  });
});
