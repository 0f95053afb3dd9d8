import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { itemsMap, linksMap, listLinks, metaMap, readMeta } from '../../../shared/model/board';
import type { BoardItem, BoardLink, BoardMeta, DamagedItem } from '../../../shared/model/schema';
import { readItem } from '../../../shared/model/validate';

export type ItemView = BoardItem | DamagedItem;

/**
 * The board's items as a Map that keeps object identity for unchanged items,
 * so memoised cards re-render only when their own fields change. Changes are
 * gathered and applied once per animation frame.
 */
export function useBoardItems(doc: Y.Doc | null): ReadonlyMap<string, ItemView> {
  const [items, setItems] = useState<ReadonlyMap<string, ItemView>>(new Map());
  useEffect(() => {
    if (!doc) return;
    const map = itemsMap(doc);
    let current = new Map<string, ItemView>();
    map.forEach((v, id) => current.set(id, readItem(id, v)));
    setItems(current);
    const dirty = new Set<string>();
    let frame = 0;
    const commit = () => {
      frame = 0;
      const next = new Map(current);
      for (const id of dirty) {
        const v = map.get(id);
        if (v === undefined) next.delete(id);
        else next.set(id, readItem(id, v));
      }
      dirty.clear();
      current = next;
      setItems(next);
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
