/**
 * Durable store of board updates. The room relies on two promises:
 * `append` resolves only once the updates survive a process kill, and
 * `load` returns everything appended before (in any order: Yjs updates commute).
 * Methods may return synchronously (SQLite) or a promise (PostgreSQL).
 */
export interface BoardStore {
  load(boardId: string): Promise<Uint8Array[]> | Uint8Array[];
  append(boardId: string, updates: Uint8Array[]): Promise<void> | void;
  /** Replace all stored updates of a board with one equivalent update. */
  compact(boardId: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<void> | void;
  /** Erases every stored update of a board (board deletion, GDPR erasure). */
  deleteBoard(boardId: string): Promise<void> | void;
  /** Number of stored rows for a board (drives when to compact). */
  count(boardId: string): Promise<number> | number;
  close(): Promise<void> | void;
}
