import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/**
 * The board's document kept in this browser (IndexedDB), so edits typed while
 * offline survive a reload or a closed tab and merge when the connection
 * returns (issue 15). Only editors keep a copy: an observer link must leave
 * nothing behind that would outlive a link rotation.
 */
const dbName = (boardId: string) => `samskab-board-${boardId}`;

export class LocalCopy {
  private readonly persistence: IndexeddbPersistence;

  constructor(boardId: string, doc: Y.Doc) {
    this.persistence = new IndexeddbPersistence(dbName(boardId), doc);
  }

  close(): void {
    void this.persistence.destroy();
  }
}

/** Removes this browser's copy of a board (deleted or trashed boards leave nothing behind). */
export function eraseLocalCopy(boardId: string): Promise<void> {
  return clearDocument(dbName(boardId));
}
