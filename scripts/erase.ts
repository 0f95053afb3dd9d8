/**
 * Erases a board in the trash at once, for an erasure request that must not
 * wait out TRASH_DAYS (GDPR). Reads the same environment as the server
 * (DATA_DIR, or DATABASE_URL + REDIS_URL in scale-out mode) and leaves no
 * readable trace of the board in DATA_DIR or PostgreSQL.
 *
 *   npm run erase -- --board <boardId>
 *
 * Only a board in the trash: deleting is a decision the participants make in
 * the board (so they know); this finishes it. Running servers refuse the id
 * from then on.
 *
 * Exit codes: 0 erased, 1 failed, 2 bad arguments or not in the trash.
 */
import { parseArgs } from 'node:util';
import { isValidBoardId } from '../shared/ids';
import { configFromEnv } from '../server/config';
import { openBackend } from '../server/backend';
import { eraseBoardData, trashEntryOf } from '../server/erasure';
import { createLogger } from '../server/log';

const USAGE = 'Usage: npm run erase -- --board <boardId>   (a board in the trash; same environment as the server)';

async function main(): Promise<number> {
  let board: string | undefined;
  try {
    board = parseArgs({ options: { board: { type: 'string' } }, strict: true }).values.board;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!board || !isValidBoardId(board)) {
    console.error(`--board must be a board id (letters, digits, "-" and "_", at most 64).\n${USAGE}`);
    return 2;
  }
  // The stores only: this tool tells running servers nothing (they refuse the id through the erasure mark).
  const stores = openBackend(configFromEnv(), createLogger(), { withBus: false });
  try {
    const entry = await trashEntryOf(stores, board);
    if (!entry) {
      console.error(`Board ${board} is not in the trash; nothing was erased. Delete it on the board first (it then goes to the trash).`);
      return 2;
    }
    await eraseBoardData(stores, board);
    console.log(`Board ${board} erased: updates, snapshots, vote rounds, ballots and access links. Servers refuse its id from now on.`);
    return 0;
  } catch (err) {
    console.error(`Erasing failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await stores.close();
  }
}

process.exitCode = await main();
