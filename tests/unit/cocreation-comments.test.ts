import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addComment, commentsByRole, commentsMap, CommentError, deleteComment, MAX_COMMENT_LENGTH, readComments } from '../../shared/cocreation/comments';
import { computeVoice } from '../../shared/cocreation/voice';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('comments on cards', () => {
  it('two people commenting on one card at once both keep their comment, oldest first', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addComment(a, 'card1', { name: 'Ann', role: 'citizen' }, 'Hvad med cyklerne?', undefined, 1000);
    addComment(b, 'card1', { name: 'Bo', role: 'politician' }, '  Enig – men budgettet  ', undefined, 900);
    sync(a, b);
    const live = new Set(['card1']);
    const ca = readComments(a, live).get('card1');
    expect(ca?.map((c) => [c.name, c.text])).toEqual([
      ['Bo', 'Enig – men budgettet'],
      ['Ann', 'Hvad med cyklerne?'],
    ]);
    expect(readComments(b, live)).toEqual(readComments(a, live));
  });

  it('refuses empty and over-long comments without writing anything', () => {
    const doc = new Y.Doc();
    expect(() => addComment(doc, 'c', { name: 'A', role: 'citizen' }, '   ')).toThrow(CommentError);
    expect(() => addComment(doc, 'c', { name: 'A', role: 'citizen' }, 'x'.repeat(MAX_COMMENT_LENGTH + 1))).toThrow(CommentError);
    expect(() => addComment(doc, 'a|b', { name: 'A', role: 'citizen' }, 'hej')).toThrow(CommentError);
    expect(() => addComment(doc, 'c', { name: 'A', role: 'king' as never }, 'hej')).toThrow(CommentError);
    expect(() => addComment(doc, 'c', { name: 'A', role: 'citizen' }, 42 as never)).toThrow(CommentError);
    expect(commentsMap(doc).size).toBe(0);
  });

  it('skips malformed entries and comments on deleted cards; anyone can delete', () => {
    const doc = new Y.Doc();
    const key = addComment(doc, 'kept', { name: 'Ann', role: 'citizen' }, 'ok');
    addComment(doc, 'gone', { name: 'Ann', role: 'citizen' }, 'on a deleted card');
    const m = commentsMap(doc);
    m.set('nobar', { text: 'x', name: 'x', role: 'citizen', at: 1 });
    m.set('kept|bad1', { text: 'x', name: 'x', role: 'king', at: 1 });
    m.set('kept|bad2', 'just a string');
    m.set('kept|bad3', { text: '', name: 'x', role: 'citizen', at: 1 });
    m.set('kept|bad4', { text: 'x', name: 'x', role: 'citizen', at: Number.NaN });
    m.set('kept|bad5', { text: 'x', name: 'x', role: 'citizen', at: 1e16 });
    m.set('kept|bad6', { text: 'x', name: 'x', role: 'citizen', at: -5 });
    const read = readComments(doc, new Set(['kept']));
    expect([...read.keys()]).toEqual(['kept']);
    expect(read.get('kept')).toHaveLength(1);
    deleteComment(doc, key);
    expect(readComments(doc, new Set(['kept'])).size).toBe(0);
  });

  it('counts comments per role in the equal-voice meter', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) addComment(doc, 'c1', { name: 'Bo', role: 'politician' }, `indlæg ${i}`);
    addComment(doc, 'c1', { name: 'Ann', role: 'citizen' }, 'et spørgsmål');
    const byRole = commentsByRole(readComments(doc, new Set(['c1'])));
    expect(byRole).toEqual({ politician: 5, citizen: 1 });
    // One politician, two citizens present, one card each: the politician's many comments tip the balance.
    const voice = computeVoice({ participants: ['politician', 'citizen', 'citizen'], items: { politician: 1, citizen: 1 }, edits: {}, comments: byRole, votes: {} });
    const pol = voice.rows.find((r) => r.role === 'politician');
    expect(pol?.comments).toBe(5);
    expect(voice.enough).toBe(true);
    expect(voice.dominating).toEqual(['politician']);
    // Without the comments the same room is balanced enough not to nudge.
    expect(computeVoice({ participants: ['politician', 'citizen', 'citizen'], items: { politician: 1, citizen: 1 }, edits: {}, votes: {} }).dominating).toEqual([]);
  });
});

describe('contributions from a template', () => {
  it('cards a template wrote when the board was created are not counted as anyone’s contribution', async () => {
    const { buildFromTemplate } = await import('../../shared/templates');
    const { listItems, readMeta, createItem } = await import('../../shared/model/board');
    const { contributedItems, itemsByRole } = await import('../../shared/cocreation/voice');
    const doc = new Y.Doc();
    buildFromTemplate(doc, 'marina', 'da', { now: 1_000 });
    expect(listItems(doc).items.length).toBeGreaterThan(5);
    expect(contributedItems(listItems(doc).items, readMeta(doc).createdAt)).toEqual([]);
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: { name: 'Ann', role: 'citizen' }, text: 'Min idé', now: 2_000 });
    expect(itemsByRole(contributedItems(listItems(doc).items, readMeta(doc).createdAt))).toEqual({ citizen: 1 });
  });
});
