import { createContext, useContext, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { cocreationMap } from '../../../shared/cocreation/doc';
import { namesHidden } from '../../../shared/cocreation/names';

/**
 * Whether participant names are hidden on this board now (the board option or
 * an open round that hides them; shared/cocreation/names.ts), live. The page
 * reads it once and provides it, so cards, presence and cursors show the role
 * where a name was — also for screen readers.
 */
export function useNamesHiddenIn(doc: Y.Doc | null): boolean {
  const [hidden, setHidden] = useState(() => (doc ? namesHidden(doc) : false));
  useEffect(() => {
    if (!doc) return;
    const m = cocreationMap(doc);
    const update = () => setHidden(namesHidden(doc));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc]);
  return hidden;
}

export const NamesHiddenContext = createContext(false);

export const useNamesHidden = (): boolean => useContext(NamesHiddenContext);
