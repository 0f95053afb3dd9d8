import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { BoardItem } from '../../../../shared/model/schema';
import { useT } from '../../i18n/useT';
import { useComments, useCommentsUi } from './useComments';

/** Selection bar: open the selected item's comments. */
export function CommentsSelectionAction({ item }: { item: BoardItem }) {
  const t = useT();
  return (
    <button type="button" onClick={() => useCommentsUi.getState().open(item.id)}>
      {t('commentsButton')}
    </button>
  );
}

/** Outline: a link to an item's discussion when it has one (the way in for observers and keyboard readers). */
export function useCommentNotes(doc: Y.Doc, ids: ReadonlySet<string>): (id: string) => ReactNode {
  const t = useT();
  const comments = useComments(doc, ids);
  return (id) => {
    const n = comments.get(id)?.length ?? 0;
    return n === 0 ? null : (
      <button type="button" className="link-button no-print" onClick={() => useCommentsUi.getState().open(id)}>
        {t('commentsButtonN', { n: String(n) })}
      </button>
    );
  };
}
