// The snapshot metadata is part of the HTTP contract: one declaration for client and server.
import type { SnapshotMeta } from '../../shared/http/contract';

export type { SnapshotKind, SnapshotMeta } from '../../shared/http/contract';

export interface TrashEntry {
  boardId: string;
  trashedAt: number;
  /** When it is erased for good (ms since the epoch). */
  purgeAt: number;
}

/** Snapshots are immutable: there is no update, only create, read and erase. */
export interface SnapshotStore {
  create(meta: Omit<SnapshotMeta, 'bytes'>, state: Uint8Array): Promise<void> | void;
  list(boardId: string): Promise<SnapshotMeta[]> | SnapshotMeta[];
  get(boardId: string, id: string): Promise<{ meta: SnapshotMeta; state: Uint8Array } | null> | { meta: SnapshotMeta; state: Uint8Array } | null;
  /** Erases every snapshot of a board (board deletion). */
  deleteBoard(boardId: string): Promise<void> | void;
  /** Erasure marks (see erased.ts): a deleted board id is never served again. */
  markErased(mark: string): Promise<void> | void;
  isErased(mark: string): Promise<boolean> | boolean;
  /** Trash (docs/api.md): a deleted board waits here until `purgeAt`, then it is erased. */
  markTrashed(entry: TrashEntry): Promise<void> | void;
  trashed(boardId: string): Promise<TrashEntry | null> | TrashEntry | null;
  /** Takes a board out of the trash (recovered, or erased for good). */
  untrash(boardId: string): Promise<void> | void;
  /** Boards whose time in the trash is over: due at or before `now`, or trashed at or before `trashedBefore` (a shortened TRASH_DAYS applies to boards already in the trash). */
  dueForPurge(now: number, trashedBefore: number): Promise<string[]> | string[];
  close(): Promise<void> | void;
}
