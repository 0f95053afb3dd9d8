import type * as Y from 'yjs';
import { RESTORED_MAPS, type RootOwner } from '../doc/registry';
import { listItems } from './board';
import { restorableJson } from './restore';
import { readPlainText } from './richtext';
import type { BoardItem, ItemKind } from './schema';

export interface DiffItem {
  id: string;
  kind: ItemKind;
  text: string;
}

/** What changed from `before` (e.g. a snapshot) to `after` (e.g. now). */
export interface BoardDiff {
  added: DiffItem[];
  removed: DiffItem[];
  moved: DiffItem[];
  textChanged: Array<DiffItem & { before: string }>;
  /** The other restorable root maps (goals, ratings, comments, …) whose content differs: what a restore would change there. */
  maps: Array<{ key: string; owner: RootOwner; changed: number }>;
}

const view = (i: BoardItem): DiffItem => ({ id: i.id, kind: i.kind, text: readPlainText(i.body) });

export function diffBoards(before: Y.Doc, after: Y.Doc): BoardDiff {
  const a = new Map(listItems(before).items.map((i) => [i.id, i]));
  const b = new Map(listItems(after).items.map((i) => [i.id, i]));
  const diff: BoardDiff = { added: [], removed: [], moved: [], textChanged: [], maps: [] };
  for (const [id, item] of b) {
    const old = a.get(id);
    if (!old) {
      diff.added.push(view(item));
      continue;
    }
    if (old.x !== item.x || old.y !== item.y || old.w !== item.w || old.h !== item.h) diff.moved.push(view(item));
    const was = readPlainText(old.body);
    const is = readPlainText(item.body);
    if (was !== is || old.body.toString() !== item.body.toString()) diff.textChanged.push({ ...view(item), before: was });
  }
  for (const [id, item] of a) if (!b.has(id)) diff.removed.push(view(item));
  // Compare covers the same set as restore (the registry), not only the cards.
  for (const spec of RESTORED_MAPS) {
    if (spec.owner === 'board') continue;
    const was = restorableJson(before, spec);
    const is = restorableJson(after, spec);
    let changed = 0;
    for (const k of new Set([...Object.keys(was), ...Object.keys(is)])) if (JSON.stringify(was[k]) !== JSON.stringify(is[k])) changed++;
    if (changed > 0) diff.maps.push({ key: spec.key, owner: spec.owner, changed });
  }
  return diff;
}

export function diffIsEmpty(d: BoardDiff): boolean {
  return d.added.length + d.removed.length + d.moved.length + d.textChanged.length + d.maps.length === 0;
}
