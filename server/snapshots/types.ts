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
  close(): Promise<void> | void;
}
