import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createItem, deleteItem, initBoard, itemsMap, linkItems, listItems, listLinks, moveItem, readMeta, setTitle } from '../../shared/model/board';
import { readPlainText, writePlainText } from '../../shared/model/richtext';
import { docFromState, restoreInto } from '../../shared/model/restore';
import { author, projectBoard } from '../helpers/board';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('restoreInto', () => {
  it('brings back deleted, moved, retitled and rewritten content as a forward change', () => {
    const live = new Y.Doc();
    initBoard(live, 'Marina');
    const p = createItem(live, { kind: 'problem', x: 0, y: 0, author: author(), text: 'Slidt havn' });
    const i = createItem(live, { kind: 'idea', x: 10, y: 10, author: author('business'), text: 'Ny bro' });
    linkItems(live, { kind: 'addresses', from: i, to: p });
    const snapshot = docFromState(Y.encodeStateAsUpdate(live));
    const before = projectBoard(snapshot);

    // After the snapshot: delete, move, retitle, rewrite, add.
    deleteItem(live, i);
    moveItem(live, p, 500, 500);
    setTitle(live, 'Something else');
    const body = (itemsMap(live).get(p) as Y.Map<unknown>).get('body') as Y.XmlFragment;
    body.delete(0, body.length);
    writePlainText(body, 'Helt anden tekst');
    const extra = createItem(live, { kind: 'idea', x: 0, y: 0, author: author(), text: 'later idea' });

    const clock = Y.encodeStateVector(live);
    restoreInto(live, snapshot, 'restore');
    expect(projectBoard(live)).toEqual(before);
    expect(readMeta(live).title).toBe('Marina');
    expect(itemsMap(live).has(extra)).toBe(false);
    expect(listLinks(live)).toHaveLength(1);
    // Forward: the document only grew (nothing was rolled back).
    expect(Y.encodeStateVector(live)).not.toEqual(clock);
  });

  it('keeps the body fragment object, so an open editor stays bound to it', () => {
    const live = new Y.Doc();
    const p = createItem(live, { kind: 'problem', x: 0, y: 0, author: author(), text: 'first' });
    const snapshot = docFromState(Y.encodeStateAsUpdate(live));
    const fragment = (itemsMap(live).get(p) as Y.Map<unknown>).get('body') as Y.XmlFragment;
    writePlainText(fragment, 'second line');
    restoreInto(live, snapshot);
    expect((itemsMap(live).get(p) as Y.Map<unknown>).get('body')).toBe(fragment);
    expect(readPlainText(fragment)).toBe('first');
  });

  it('converges when another peer edits concurrently with the restore', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const p = createItem(a, { kind: 'problem', x: 0, y: 0, author: author(), text: 'v1' });
    sync(a, b);
    const snapshot = docFromState(Y.encodeStateAsUpdate(a));
    createItem(a, { kind: 'idea', x: 0, y: 0, author: author(), text: 'to be undone' });
    sync(a, b);
    restoreInto(a, snapshot);
    const typed = createItem(b, { kind: 'idea', x: 1, y: 1, author: author(), text: 'concurrent' });
    sync(a, b);
    expect(projectBoard(a)).toEqual(projectBoard(b));
    expect(itemsMap(a).has(p)).toBe(true);
    expect(itemsMap(a).has(typed)).toBe(true);
    expect(listItems(a).items).toHaveLength(2);
  });

  it('a restore is itself undone by restoring the state from before it', () => {
    const live = new Y.Doc();
    createItem(live, { kind: 'problem', x: 0, y: 0, author: author(), text: 'old' });
    const old = docFromState(Y.encodeStateAsUpdate(live));
    createItem(live, { kind: 'idea', x: 0, y: 0, author: author(), text: 'new work' });
    const preRestore = docFromState(Y.encodeStateAsUpdate(live));
    restoreInto(live, old);
    expect(listItems(live).items).toHaveLength(1);
    restoreInto(live, preRestore);
    expect(projectBoard(live)).toEqual(projectBoard(preRestore));
  });
});
