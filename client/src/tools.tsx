import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { combineSlots, type BoardSlots } from './board/slots';
import type { CoPanelProps } from './cocreation/panel';
import type { StringKey } from './i18n/strings';
import { CommentsSelectionAction, useCommentNotes } from './cocreation/comments/slots';
import { ValueCardDecoration } from './cocreation/value/slots';
import { PlanFrameDecoration } from './cocreation/actions/slots';
import { DecisionCardDecoration, DecisionSelectionAction } from './cocreation/decisions/slots';
import { DecisionsBadge } from './cocreation/decisions/DecisionsBadge';

/**
 * The tool registry: what each tool puts into the canvas's slots
 * (client/src/board/slots.ts), one entry per tool; several tools may fill the
 * same slot.
 */
export const TOOL_SLOTS: BoardSlots = combineSlots([
  { CardDecoration: ValueCardDecoration },
  { SelectionActions: CommentsSelectionAction, useItemNotes: useCommentNotes },
  { CardDecoration: PlanFrameDecoration },
  { CardDecoration: DecisionCardDecoration, SelectionActions: DecisionSelectionAction },
]);

/**
 * The method bar's tools, in the order of their buttons: each opens its side
 * panel (loaded when first opened: a board shows sooner without them). A new
 * tool is one entry here plus its folder; the method bar maps over this list.
 */
export interface MethodTool {
  id: string;
  /** The button's text. */
  label: StringKey;
  Panel: LazyExoticComponent<ComponentType<CoPanelProps>>;
  /** A badge on the button (e.g. a vote round is open), from the panel props. */
  badge?: (p: CoPanelProps) => StringKey | null;
  /**
   * A live badge drawn in the button, for what `badge` cannot follow (the
   * document changes without the method bar re-rendering). Mounted as long as
   * the method bar is, so it may also carry out what the group agreed.
   */
  Badge?: ComponentType<Omit<CoPanelProps, 'onClose'>>;
}

export const METHOD_TOOLS: readonly MethodTool[] = [
  { id: 'lens', label: 'coPerspectives', Panel: lazy(() => import('./cocreation/toolPanels').then((m) => ({ default: m.LensToolPanel }))) },
  { id: 'goals', label: 'goalsButton', Panel: lazy(() => import('./cocreation/goals/GoalsPanel').then((m) => ({ default: m.GoalsPanel }))) },
  { id: 'value', label: 'valueButton', Panel: lazy(() => import('./cocreation/value/ValuePanel').then((m) => ({ default: m.ValuePanel }))) },
  {
    id: 'vote',
    label: 'voteButton',
    Panel: lazy(() => import('./cocreation/toolPanels').then((m) => ({ default: m.VoteToolPanel }))),
    badge: (p) => (p.round?.status === 'open' ? 'voteOpenBadge' : null),
  },
  { id: 'decisions', label: 'decisionsButton', Panel: lazy(() => import('./cocreation/decisions/DecisionsPanel').then((m) => ({ default: m.DecisionsPanel }))), Badge: DecisionsBadge },
  { id: 'actions', label: 'actButton', Panel: lazy(() => import('./cocreation/actions/ActionsPanel').then((m) => ({ default: m.ActionsPanel }))) },
  { id: 'evaluation', label: 'evalButton', Panel: lazy(() => import('./cocreation/evaluation/EvaluationPanel').then((m) => ({ default: m.EvaluationPanel }))) },
];
