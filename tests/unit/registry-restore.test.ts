import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSession } from '../../shared/cocreation/session';
import { readRoundOf } from '../../shared/cocreation/doc';
import { RESTORED_MAPS, ROOT_KEYS, ROOT_MAPS } from '../../shared/doc/registry';
import { diffBoards, diffIsEmpty } from '../../shared/model/diff';
import { restorableJson, restoreInto } from '../../shared/model/restore';
import { cloneDoc, fillBoard } from '../helpers/fullBoard';

/**
 * The registry declares every root map, and restore brings back every
 * restorable one — compared map by map, not only the cards (issue 15: goals,
 * ratings, comments, evaluation and the agenda were not restored).
 */
describe('the board document registry', () => {
  it('declares every root map a board with all kinds of content has, and nothing twice', () => {
    const doc = new Y.Doc();
    fillBoard(doc, 'a');
    const used = [...doc.share.keys()].sort();
    expect(used).toEqual([...ROOT_KEYS].sort());
    expect(new Set(ROOT_KEYS).size).toBe(ROOT_MAPS.length);
  });

  it('docs/data-model.md names every root map and says which a restore brings back', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/data-model.md'), 'utf8');
    for (const spec of ROOT_MAPS) expect(doc, `docs/data-model.md should describe the root map \`${spec.key}\``).toContain(`\`${spec.key}\``);
    // The paragraph from "What a restore brings back" up to "Not restored".
    const from = doc.indexOf('**What a restore brings back**');
    const restoredLine = from < 0 ? '' : doc.slice(from, doc.indexOf('**Not restored**', from));
    for (const spec of RESTORED_MAPS) expect(restoredLine, `the restore paragraph should list ${spec.key}`).toContain(`\`${spec.key}\``);
  });

  it('restores what people made: every map but the live vote round and role declarations (the product decision, written out)', () => {
    expect(RESTORED_MAPS.map((m) => m.key).sort()).toEqual(['actions', 'comments', 'evaluation', 'goals', 'items', 'links', 'meta', 'session', 'value']);
  });
});

describe('restore over the registry', () => {
  it('restores every restorable root map to the snapshot, map by map, and leaves live coordination alone', () => {
    const live = new Y.Doc();
    fillBoard(live, 'first');
    const snapshot = cloneDoc(live);
    // After the snapshot: more of everything, and new live coordination.
    fillBoard(live, 'second-and-longer');
    const proposalBefore = readSession(live).proposal?.id;
    const roundBefore = readRoundOf(live);
    for (const spec of RESTORED_MAPS) expect(restorableJson(live, spec), spec.key).not.toEqual(restorableJson(snapshot, spec));

    restoreInto(live, snapshot, 'restore');
    for (const spec of RESTORED_MAPS) expect(restorableJson(live, spec), spec.key).toEqual(restorableJson(snapshot, spec));
    // Transient: the open proposal and the live round are the ones of now, not of the snapshot.
    expect(readSession(live).proposal?.id).toBe(proposalBefore);
    expect(readRoundOf(live)).toEqual(roundBefore);
  });

  it('compare (diff) covers the same maps: equal after restore, and names each map that differs before', () => {
    const live = new Y.Doc();
    fillBoard(live, 'first');
    const snapshot = cloneDoc(live);
    fillBoard(live, 'second-and-longer');
    const d = diffBoards(snapshot, live);
    expect(d.maps.map((m) => m.key).sort()).toEqual(RESTORED_MAPS.filter((m) => m.owner !== 'board').map((m) => m.key).sort());
    restoreInto(live, snapshot);
    expect(diffIsEmpty(diffBoards(snapshot, live))).toBe(true);
  });

  it('a restore is undone by restoring the snapshot taken just before it, over the same set', () => {
    const live = new Y.Doc();
    fillBoard(live, 'first');
    const old = cloneDoc(live);
    fillBoard(live, 'second-and-longer');
    const preRestore = cloneDoc(live);
    restoreInto(live, old);
    restoreInto(live, preRestore);
    for (const spec of RESTORED_MAPS) expect(restorableJson(live, spec), spec.key).toEqual(restorableJson(preRestore, spec));
  });
});
