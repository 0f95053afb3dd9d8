import * as Y from 'yjs';
import { itemsMap, linksMap, metaMap } from '../../../shared/model/board';
import { LOCAL_ORIGIN } from './origin';

/**
 * One undo manager per board doc, tracking only this person's canvas edits
 * (LOCAL_ORIGIN). Remote edits arrive with the websocket provider as origin and
 * are never undone here; text inside a card has Tiptap's own Yjs undo
 * (origin ySyncPluginKey), which is not tracked either.
 */
const managers = new WeakMap<Y.Doc, Y.UndoManager>();

export function undoManagerFor(doc: Y.Doc): Y.UndoManager {
  let um = managers.get(doc);
  if (!um) {
    um = new Y.UndoManager([itemsMap(doc), linksMap(doc), metaMap(doc)], {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
    });
    managers.set(doc, um);
    doc.on('destroy', () => um?.destroy());
  }
  return um;
}
