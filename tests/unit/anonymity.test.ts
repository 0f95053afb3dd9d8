import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import { exportView, namesHidden, publicAuthor, withoutNames } from '../../shared/cocreation/anonymity';
import { addComment } from '../../shared/cocreation/comments';
import { cocreationMap, ROUND_KEY, setAnonymousNames } from '../../shared/cocreation/doc';
import { addAgreedGoal, writePersonField } from '../../shared/cocreation/goals';
import { propose, readSession } from '../../shared/cocreation/session';
import { ROOT_MAPS } from '../../shared/doc/registry';
import { ideasToCsv } from '../../shared/export/csv';
import { boardToJson } from '../../shared/export/json';
import { boardToMarkdown } from '../../shared/export/markdown';
import { boardToSvg } from '../../shared/export/svg';
import { adoptItem, createItem, duplicateItems, initBoard, linkItems } from '../../shared/model/board';

/**
 * Hidden names are really hidden (issue 15): exports made while a board or a
 * round hides names contain no participant name — in the text, and in the
 * Yjs state of the JSON export — whichever tool wrote the name.
 */
const NAMES = ['Kirstine Qvortrup', 'Henrik Zahle', 'Yasmin Wexøe'];
const KEY = 'p_anonymity_test_person_01';

function boardWithNames(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, 'Ungdomspolitik');
  const [a, b, c] = NAMES as [string, string, string];
  const problem = createItem(doc, { kind: 'problem', x: 0, y: 0, author: { name: a, role: 'citizen' }, text: 'For få steder at mødes' });
  const idea = createItem(doc, { kind: 'idea', x: 300, y: 0, author: { name: b, role: 'politician' }, text: 'Et ungehus' });
  createItem(doc, { kind: 'perspective', x: 0, y: 300, problemId: problem, author: { name: c, role: 'public-employee' }, text: 'Lange køer' });
  linkItems(doc, { kind: 'addresses', from: idea, to: problem });
  addComment(doc, idea, { name: c, role: 'public-employee' }, 'Godt forslag');
  writePersonField(doc, KEY, 'expects', 'At blive hørt', 'citizen', { name: a, role: 'citizen' });
  addAgreedGoal(doc, { horizon: 'short', text: 'Et sted at være', author: { name: b, role: 'politician' } });
  propose(doc, { kind: 'next' }, { key: KEY, role: 'citizen', name: a, roleText: '' }, Date.now());
  return doc;
}

/** Every export the server makes of a board, as text (the JSON export's Yjs state decoded too). */
function everyExport(doc: Y.Doc): Record<string, string> {
  const json = boardToJson(doc);
  return {
    'markdown (da)': boardToMarkdown(doc, 'da'),
    'markdown (en)': boardToMarkdown(doc, 'en'),
    'csv (da)': ideasToCsv(doc, 'da'),
    'csv (en)': ideasToCsv(doc, 'en'),
    json: JSON.stringify(json),
    'json state': Buffer.from(fromBase64(json.state)).toString('latin1') + Buffer.from(fromBase64(json.state)).toString('utf8'),
    svg: boardToSvg(doc),
  };
}

const namesIn = (text: string) => NAMES.filter((n) => text.includes(n) || text.includes(n.split(' ')[0] as string));

describe('hidden names', () => {
  it('with names shown, every export carries them (so the test below can fail)', () => {
    const doc = boardWithNames();
    const { doc: view, anonymous } = exportView(doc);
    expect(anonymous).toBe(false);
    const found = Object.values(everyExport(view)).flatMap(namesIn);
    for (const n of NAMES) expect(found, n).toContain(n);
  });

  it('while the board hides names, no export contains a participant name, in any format', () => {
    const doc = boardWithNames();
    setAnonymousNames(doc, true);
    const { doc: view, anonymous } = exportView(doc);
    expect(anonymous).toBe(true);
    for (const [format, text] of Object.entries(everyExport(view))) expect(namesIn(text), format).toEqual([]);
    // The copy keeps everything else: the cards, comments, goals and the proposal.
    expect(boardToMarkdown(view, 'en')).toContain('Et ungehus');
    expect(boardToMarkdown(view, 'en')).toContain('Godt forslag');
    expect(readSession(view).proposal?.by.key).toBe(KEY);
  });

  it('every root map that can hold a name has none after withoutNames (registry: a new map holding names must declare stripNames)', () => {
    const doc = boardWithNames();
    const clean = withoutNames(doc);
    for (const spec of ROOT_MAPS) expect(namesIn(JSON.stringify(clean.getMap(spec.key).toJSON())), spec.key).toEqual([]);
    // And the originals are untouched: hiding names is a view, the board is not rewritten.
    expect(namesIn(JSON.stringify(doc.getMap('items').toJSON()))).not.toEqual([]);
  });

  it('an open round that hides names hides them as the board setting does; a closed one does not', () => {
    const doc = boardWithNames();
    expect(namesHidden(doc)).toBe(false);
    cocreationMap(doc).set(ROUND_KEY, { id: 'r1', status: 'open', dots: 3, equalWeight: false, anonymousNames: true, openedAt: 1, closedAt: null, revealedAt: null, rev: 1 });
    expect(namesHidden(doc)).toBe(true);
    expect(publicAuthor(doc, { name: 'Kirstine Qvortrup', role: 'citizen' as const })).toEqual({ name: '', role: 'citizen' });
    cocreationMap(doc).set(ROUND_KEY, { id: 'r1', status: 'closed', dots: 3, equalWeight: false, anonymousNames: true, openedAt: 1, closedAt: 2, revealedAt: null, rev: 2 });
    expect(namesHidden(doc)).toBe(false);
  });

  it('while names are hidden, no writer stores a name: cards, adopted starters, pasted copies, comments, goal entries, proposals', () => {
    const doc = new Y.Doc();
    initBoard(doc, 'Anonym fra start');
    setAnonymousNames(doc, true);
    const [a, b, c] = NAMES as [string, string, string];
    const problem = createItem(doc, { kind: 'problem', x: 0, y: 0, author: { name: a, role: 'citizen' }, text: 'Problem' });
    const idea = createItem(doc, { kind: 'idea', x: 300, y: 0, author: { name: b, role: 'politician' }, text: 'Idé' });
    const starter = createItem(doc, { kind: 'idea', x: 600, y: 0, author: { name: '', role: 'citizen' }, text: 'Eksempel', template: true });
    adoptItem(doc, starter, { name: c, role: 'public-employee' });
    duplicateItems(doc, [problem, idea], { name: c, role: 'public-employee' });
    addComment(doc, idea, { name: c, role: 'public-employee' }, 'Kommentar');
    writePersonField(doc, KEY, 'expects', 'Forventning', 'citizen', { name: a, role: 'citizen' });
    propose(doc, { kind: 'next' }, { key: KEY, role: 'citizen', name: a, roleText: '' }, Date.now());
    // Not in the document at all (not only hidden from exports): the whole state, every root map.
    const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
    expect(namesIn(state)).toEqual([]);
    // Names shown again: what was written while hidden stays without names (nothing to reveal).
    setAnonymousNames(doc, false);
    expect(namesIn(JSON.stringify(boardToJson(doc).content))).toEqual([]);
  });
});
