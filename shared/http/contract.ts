/**
 * Request and answer bodies of the HTTP API (docs/api.md, docs/access.md), as the client sends
 * and reads them. Types only: the server still validates every body it receives, and header
 * names stay in shared/protocol.ts.
 */
import type { DenyReason, Mode } from '../access';
import type { RoleId } from '../roles';
import type { TemplateId } from '../templates/types';

/** Every error answer: `error` in plain words; access refusals add `reason` (and `retryAfter` on 429). */
export interface ErrorBody {
  error: string;
  reason?: DenyReason;
  retryAfter?: number;
}

/* ---- Boards ---- */

/** POST /api/boards */
export interface CreateBoardRequest {
  title: string;
  template: TemplateId;
  lang: 'da' | 'en';
}

/** POST /api/boards and POST /api/boards/import: `path` is the editor link (links only with access records). */
export interface CreatedBoard {
  id: string;
  path: string;
  title?: string;
  links?: { editor: string; observer: string };
  editorKey?: string;
  observerKey?: string;
}

/** DELETE /api/boards/<id> */
export interface DeleteBoardRequest {
  confirm: string;
}

/** To the trash until `purgeAt`, or erased at once when the server keeps no trash (TRASH_DAYS=0). */
export type DeleteBoardResponse = { trashed: string; purgeAt: number } | { deleted: string };

/** GET /api/boards/<id>/trash */
export interface TrashState {
  trashed: boolean;
  trashedAt?: number;
  /** When a trashed board is erased for good (ms since the epoch). */
  purgeAt?: number;
  /** How long the server keeps deleted boards; 0: no trash, deleting erases at once. */
  trashDays: number;
}

/** POST /api/boards/<id>/recover */
export interface RecoverResponse {
  recovered: string;
}

/* ---- Snapshots and exports ---- */

export type SnapshotKind = 'manual' | 'session-end' | 'hourly' | 'before-restore';

export interface SnapshotMeta {
  id: string;
  boardId: string;
  name: string;
  /** Display name of whoever took it (or "Samskab" for automatic ones). */
  takenBy: string;
  takenAt: number;
  kind: SnapshotKind;
  /** Size of the stored state in bytes. */
  bytes: number;
}

/** GET /api/boards/<id>/snapshots (newest first) */
export interface SnapshotList {
  snapshots: SnapshotMeta[];
}

/** POST /api/boards/<id>/snapshots */
export interface TakeSnapshotRequest {
  name: string;
  takenBy?: string;
}

/** POST /api/boards/<id>/restore/<snapshotId> */
export interface RestoreRequest {
  by?: string;
}

export interface RestoreResponse {
  restored: SnapshotMeta;
  /** The automatic snapshot of the board just before the restore (restoring it undoes the restore). */
  before: SnapshotMeta;
}

/** export.<format> of the live board or a snapshot. */
export type ExportFormat = 'md' | 'json' | 'csv' | 'svg';

/* ---- Access ---- */

/** GET, PUT /api/boards/<id>/access and POST /api/boards/<id>/rotate; links only for editors. */
export interface AccessInfo {
  board: string;
  mode: Mode;
  /** No access record: reached by the board id alone. */
  open: boolean;
  passcode: boolean;
  observerCursors: boolean;
  links?: { editor: string; observer: string };
}

/** PUT /api/boards/<id>/access */
export interface AccessChange {
  passcode?: string | null;
  observerCursors?: boolean;
}

/* ---- Dot-vote rounds (the round itself is RoundState in shared/cocreation/votes.ts) ---- */

/** POST /api/boards/<id>/rounds */
export interface StartRoundRequest {
  dots: number;
  equalWeight: boolean;
  anonymousNames: boolean;
}

/** GET and PUT /api/boards/<id>/rounds/<roundId>/ballot: the caller's own ballot. */
export interface OwnBallot {
  votes: Record<string, number>;
  used: number;
  dots: number;
}

/** PUT /api/boards/<id>/rounds/<roundId>/ballot */
export interface PutBallotRequest {
  role: RoleId;
  votes: Record<string, number>;
}

/* ---- Server ---- */

/** GET /api/time */
export interface ServerTime {
  now: number;
}
