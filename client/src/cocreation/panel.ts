import type { RoundState } from '../../../shared/cocreation/votes';
import type { BoardItem } from '../../../shared/model/schema';
import type { RoleId } from '../../../shared/roles';
import type { PresenceUser } from '../board/presence';
import type { Identity } from '../state/identity';
import type { BoardConnection } from '../sync/connection';

/** What every co-creation side panel (goals, value, evaluation, …) receives from CocreationControls. */
export interface CoPanelProps {
  boardId: string;
  conn: BoardConnection;
  /** Undamaged items, live. */
  items: BoardItem[];
  users: PresenceUser[];
  /** Null for observers who have not joined. */
  identity: Identity | null;
  /** Access credentials for HTTP calls (credentialHeaders in http/credentials). */
  params: Record<string, string> | undefined;
  canEdit: boolean;
  /** Names are hidden on this board (or in the open vote round): show roles only. */
  anonymous: boolean;
  /** The board's vote round as the document shows it. */
  round: RoundState | null;
  /** The role whose perspective the board is seen through, and how to change it. */
  lens: RoleId | null;
  setLens(role: RoleId | null): void;
  /** "Add my perspective" on a problem: a new perspective card next to it, editor open. */
  addPerspective(problemId: string): void;
  onClose(): void;
}
