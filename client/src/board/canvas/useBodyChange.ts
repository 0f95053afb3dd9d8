import { useCallback, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import { adoptItem, touchItem } from '../../../../shared/model/board';
import type { Identity } from '../../state/identity';
import { LOCAL_ORIGIN } from '../origin';
import type { ItemView } from '../useBoardData';

/** "Last edited" bumps after typing: not an undo step of their own. */
const TOUCH_ORIGIN = { touch: true };

/** What typing in a card's editor writes besides the text itself. */
export function useBodyChange({ doc, identity, itemsRef }: { doc: Y.Doc; identity: Identity; itemsRef: RefObject<ReadonlyMap<string, ItemView>> }) {
  const touchTimer = useRef<number>(0);
  return useCallback(
    (id: string) => {
      // Rewriting a template's example makes it mine (shared/model/starter.ts); part of the same undo step.
      const it = itemsRef.current.get(id);
      if (it && !('damaged' in it) && it.template) adoptItem(doc, id, identity, LOCAL_ORIGIN);
      // Body edits go straight into the fragment; bump updatedAt at most once a second.
      window.clearTimeout(touchTimer.current);
      touchTimer.current = window.setTimeout(() => {
        if (doc.getMap('items').has(id)) touchItem(doc, id, TOUCH_ORIGIN);
      }, 1000);
    },
    [doc, identity, itemsRef],
  );
}
