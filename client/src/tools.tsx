import type { BoardSlots } from './board/slots';
import { CommentsSelectionAction, useCommentNotes } from './cocreation/comments/slots';
import { ValueCardDecoration } from './cocreation/value/slots';

/**
 * The tool registry: what each tool puts into the canvas's slots
 * (client/src/board/slots.ts). One component per slot today; the second tool
 * that wants a slot turns that slot into a list.
 */
export const TOOL_SLOTS: BoardSlots = {
  CardDecoration: ValueCardDecoration,
  SelectionActions: CommentsSelectionAction,
  useItemNotes: useCommentNotes,
};
