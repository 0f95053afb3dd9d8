import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { commentsMap, readComments, type BoardComment } from '../../../../shared/cocreation/comments';
import { create } from 'zustand';

/** Which card's comments are open (UI state only). */
export const useCommentsUi = create<{ itemId: string | null; open(id: string): void; close(): void }>((set) => ({
  itemId: null,
  open: (itemId) => set({ itemId }),
  close: () => set({ itemId: null }),
}));

/** Comments per live item, re-read when the comments map or the set of items changes. */
export function useComments(doc: Y.Doc, liveItems: ReadonlySet<string>): Map<string, BoardComment[]> {
  const [comments, setComments] = useState(() => readComments(doc, liveItems));
  useEffect(() => {
    const m = commentsMap(doc);
    const update = () => setComments(readComments(doc, liveItems));
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc, liveItems]);
  return comments;
}
