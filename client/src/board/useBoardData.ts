import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { itemsMap, linksMap, listLinks, metaMap, readMeta } from '../../../shared/model/board';
import type { BoardItem, BoardLink, BoardMeta, DamagedItem } from '../../../shared/model/schema';
import { readItem } from '../../../shared/model/validate';
import { PersistentMap } from './persistentMap';

export type ItemView = BoardItem | DamagedItem;

/**
 * The board's items as an immutable map that keeps object identity for unchanged items,
 * so memoised cards re-render only when their own fields change. Changes are
 * gathered and applied once per animation frame; a commit costs what changed, not the
 * board's size (PersistentMap shares every untouched bucket with the previous version).
 */
export function useBoardItems(doc: Y.Doc | null): ReadonlyMap<string, ItemView> {
  const [items, setItems] = useState<ReadonlyMap<string, ItemView>>(() => PersistentMap.empty());
  useEffect(() => {
    if (!doc) return;
    const map = itemsMap(doc);
    const first: Array<[string, ItemView]> = [];
    map.forEach((v, id) => first.push([id, readItem(id, v)]));
    let current = PersistentMap.from(first);
    setItems(current);
    const dirty = new Set<string>();
    let frame = 0;
    const commit = () => {
      frame = 0;
      const changes: Array<[string, ItemView | undefined]> = [];
      for (const id of dirty) {
        const v = map.get(id);
        changes.push([id, v === undefined ? undefined : readItem(id, v)]);
      }
      dirty.clear();
      current = current.withChanges(changes);
      setItems(current);
    };
    const onChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const e of events) {
        if (e.target === map) {
          for (const key of (e as Y.YMapEvent<unknown>).keysChanged) dirty.add(key);
        } else {
          const [id, field] = e.path;
          // Body text changes are rendered by the card's own body subscription.
          if (typeof id === 'string' && field !== 'body') dirty.add(id);
        }
      }
      if (dirty.size > 0 && frame === 0) frame = requestAnimationFrame(commit);
    };
    map.observeDeep(onChange);
    return () => {
      map.unobserveDeep(onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return items;
}

export function useBoardLinks(doc: Y.Doc | null): BoardLink[] {
  const [links, setLinks] = useState<BoardLink[]>([]);
  useEffect(() => {
    if (!doc) return;
    const update = () => setLinks(listLinks(doc));
    update();
    // Links also depend on which items exist (dangling links are hidden).
    const lm = linksMap(doc);
    const im = itemsMap(doc);
    const onItems = (e: Y.YMapEvent<unknown>) => {
      for (const [, change] of e.changes.keys) {
        if (change.action !== 'update') {
          update();
          return;
        }
      }
    };
    lm.observeDeep(update);
    im.observe(onItems);
    return () => {
      lm.unobserveDeep(update);
      im.unobserve(onItems);
    };
  }, [doc]);
  return links;
}

export function useBoardMeta(doc: Y.Doc | null): BoardMeta {
  const [meta, setMeta] = useState<BoardMeta>({ title: '', schemaVersion: 1, createdAt: 0 });
  useEffect(() => {
    if (!doc) return;
    const m = metaMap(doc);
    const update = () => setMeta(readMeta(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return meta;
}
