import type { Backend } from './backend';
import { erasureMark } from './snapshots/erased';
import type { TrashEntry } from './snapshots/types';

/**
 * Erasing a board from the stores themselves, for the operator's
 * `npm run erase` (an erasure request under GDPR must not wait out the trash).
 * The running server erases through Snapshots.erase, which also closes the
 * board's room; a board in the trash has no room, so the stores are all there
 * is. Same steps, same order: the erasure mark first (so no instance loads it
 * again), the trash entry last, so an erasure that fails half-way is still in
 * the trash and is finished by a second run or by the hourly purge.
 */
export type BoardStores = Pick<Backend, 'board' | 'snapshots' | 'ballots' | 'access' | 'stories'>;

export async function trashEntryOf(stores: BoardStores, boardId: string): Promise<TrashEntry | null> {
  return stores.snapshots.trashed(boardId);
}

/** Erases everything of a board: updates, snapshots, vote rounds and ballots, access record, published stories, trash entry. */
export async function eraseBoardData(stores: BoardStores, boardId: string): Promise<void> {
  await stores.snapshots.markErased(erasureMark(boardId));
  await stores.board.deleteBoard(boardId);
  await stores.snapshots.deleteBoard(boardId);
  await stores.ballots.deleteBoard(boardId);
  await stores.access.remove(boardId);
  await stores.stories.deleteBoard(boardId);
  await stores.snapshots.untrash(boardId);
}
