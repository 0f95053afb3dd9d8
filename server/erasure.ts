import { PostgresAccessStore } from './access/postgres';
import { SqliteAccessStore } from './access/sqlite';
import type { AccessStore } from './access/types';
import type { ServerConfig } from './config';
import { scaleOutOf } from './scale/backend';
import { erasureMark } from './snapshots/erased';
import { PostgresSnapshotStore } from './snapshots/postgres';
import { SqliteSnapshotStore } from './snapshots/sqlite';
import type { SnapshotStore, TrashEntry } from './snapshots/types';
import { PostgresStore } from './storage/postgres';
import { SqliteStore } from './storage/sqlite';
import type { BoardStore } from './storage/types';
import { PostgresBallotStore } from './votes/postgres-store';
import { SqliteBallotStore } from './votes/sqlite-store';
import type { BallotStore } from './votes/store';

/**
 * Erasing a board from the stores themselves, for the operator's
 * `npm run erase` (an erasure request under GDPR must not wait out the trash).
 * The running server erases through Snapshots.erase, which also closes the
 * board's room; a board in the trash has no room, so the stores are all there
 * is. Same steps, same order: the erasure mark first (so no instance loads it
 * again), the trash entry before the snapshot file's WAL is emptied.
 */
export interface BoardStores {
  board: BoardStore;
  snapshots: SnapshotStore;
  ballots: BallotStore;
  access: AccessStore;
  close(): Promise<void>;
}

/** The stores of the configured mode (one scale-out decision, as the server makes it). */
export function openStores(config: ServerConfig): BoardStores {
  const scaleOut = scaleOutOf(config);
  const board = scaleOut ? new PostgresStore(scaleOut.databaseUrl) : new SqliteStore(config.dataDir, config.sqliteSynchronous);
  const snapshots = scaleOut ? new PostgresSnapshotStore(scaleOut.databaseUrl) : new SqliteSnapshotStore(config.dataDir);
  const ballots = scaleOut ? new PostgresBallotStore(scaleOut.databaseUrl) : new SqliteBallotStore(config.dataDir);
  const access = scaleOut ? new PostgresAccessStore(scaleOut.databaseUrl) : new SqliteAccessStore(config.dataDir);
  return {
    board,
    snapshots,
    ballots,
    access,
    async close() {
      await board.close();
      await snapshots.close();
      await ballots.close();
      await access.close();
    },
  };
}

export async function trashEntryOf(stores: BoardStores, boardId: string): Promise<TrashEntry | null> {
  return stores.snapshots.trashed(boardId);
}

/** Erases everything of a board: updates, snapshots, trash entry, vote rounds and ballots, access record. */
export async function eraseBoardData(stores: BoardStores, boardId: string): Promise<void> {
  await stores.snapshots.markErased(erasureMark(boardId));
  await stores.board.deleteBoard(boardId);
  await stores.snapshots.untrash(boardId);
  await stores.snapshots.deleteBoard(boardId);
  await stores.ballots.deleteBoard(boardId);
  await stores.access.remove(boardId);
}
