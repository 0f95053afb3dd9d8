import type * as Y from 'yjs';
import { getItem } from '../../../shared/model/board';
import { readPlainText } from '../../../shared/model/richtext';
import { isDamaged } from '../../../shared/model/validate';
import { useUi } from '../state/ui';

/** The selected item if it is a frame (its name is the first line of its text). */
export function useSelectedFrame(doc: Y.Doc): { id: string; name: string } | null {
  const selectedId = useUi((s) => s.selectedId);
  if (!selectedId) return null;
  const item = getItem(doc, selectedId);
  if (!item || isDamaged(item) || item.kind !== 'frame') return null;
  return { id: item.id, name: readPlainText(item.body).split('\n')[0] ?? '' };
}
