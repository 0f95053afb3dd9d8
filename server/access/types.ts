/**
 * Who may reach a board. A board created through POST /api/boards has one
 * record; a board without a record is an "open" board, reached by its id alone
 * (boards made by the seed tool or by stock clients connecting to a new id).
 */
export interface AccessRecord {
  boardId: string;
  /** Secret in the editor link (/b/<id>?k=<editorToken>): may edit, set the passcode, rotate. */
  editorToken: string;
  /** Secret in the observer link: read-only. */
  observerToken: string;
  /** `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`, or null for no passcode. */
  passcodeHash: string | null;
  /** Observers may show their cursor/presence to the others. */
  observerCursors: boolean;
  /** SHA-256 (hex) of tokens replaced by rotation, newest last, so an old link gets "link rotated". */
  retiredTokenHashes: string[];
  updatedAt: number;
}

/**
 * Durable store of access records. Like BoardStore, methods may answer
 * synchronously (SQLite) or with a promise (a later PostgreSQL store).
 */
export interface AccessStore {
  get(boardId: string): Promise<AccessRecord | null> | AccessRecord | null;
  /** Inserts or replaces the record of `record.boardId`. */
  put(record: AccessRecord): Promise<void> | void;
  /** Erases the record (board deletion). */
  remove(boardId: string): Promise<void> | void;
  close(): Promise<void> | void;
}

export type { DenyReason, Mode } from '../../shared/access';
