import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createItem, initBoard } from '../../shared/model/board';
import { openBackend } from '../../server/backend';
import { configFromEnv } from '../../server/config';
import { eraseBoardData } from '../../server/erasure';
import { createLogger } from '../../server/log';
import { erasureMark } from '../../server/snapshots/erased';
import { Snapshots } from '../../server/snapshots/service';
import { Rooms } from '../../server/sync/rooms';
import { author } from '../helpers/board';
import { useScope } from '../helpers/scope';

/**
 * An erasure that fails half-way (a store was unreachable) must still be
 * findable and finishable: the trash entry is its last step, so the next
 * `npm run erase` or the hourly purge completes it. Before, the trash entry
 * went second, a failure after it left data behind that nothing would ever
 * erase (purge only looks at the trash; the script refuses a board not in it).
 */
describe('an erasure that fails half-way', () => {
  const scope = useScope();
  const log = createLogger('silent');
  const BOARD = 'halfway-board-1';

  async function trashedBoard() {
    const dataDir = scope.tempDir();
    const backend = openBackend({ ...configFromEnv({}), dataDir }, log, { withBus: false });
    scope.defer(() => backend.close());
    const doc = new Y.Doc();
    initBoard(doc, 'Halvvejs');
    createItem(doc, { kind: 'idea', x: 0, y: 0, author: author('citizen', 'Karen Jensen'), text: 'HEMMELIG-HALVVEJS' });
    await backend.board.append(BOARD, [Y.encodeStateAsUpdate(doc)]);
    await backend.access.put({ boardId: BOARD, editorToken: 'e'.repeat(24), observerToken: 'o'.repeat(24), passcodeHash: null, observerCursors: false, retiredTokenHashes: [], updatedAt: Date.now() });
    const trash = () => backend.snapshots.markTrashed({ boardId: BOARD, trashedAt: Date.now() - 1000, purgeAt: Date.now() - 1 });
    return { dataDir, backend, trash };
  }

  /** The access store fails once, as a database that drops out mid-erasure would. */
  function failingOnce<T extends { remove(id: string): unknown }>(store: T): T {
    let failed = false;
    return new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'remove' && !failed) {
          return () => {
            failed = true;
            return Promise.reject(new Error('access store unreachable'));
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  it('npm run erase: the board stays in the trash, and a second run finishes it without a trace', async () => {
    const { dataDir, backend, trash } = await trashedBoard();
    await trash();
    const faulty = { ...backend, access: failingOnce(backend.access) };
    await expect(eraseBoardData(faulty, BOARD)).rejects.toThrow('access store unreachable');
    expect(await backend.snapshots.trashed(BOARD), 'still in the trash, so it can be finished').not.toBeNull();

    await eraseBoardData(faulty, BOARD);
    expect(await backend.snapshots.trashed(BOARD)).toBeNull();
    expect(await backend.access.get(BOARD)).toBeNull();
    expect(await backend.snapshots.isErased(erasureMark(BOARD))).toBe(true);
    await backend.close();
    for (const f of fs.readdirSync(dataDir)) {
      const buf = fs.readFileSync(path.join(dataDir, f));
      for (const needle of [BOARD, 'HEMMELIG-HALVVEJS']) expect(buf.includes(Buffer.from(needle)), `"${needle}" left in ${f}`).toBe(false);
    }
  });

  it('the server: a purge that failed half-way is finished by the next purge, and a recovery cannot bring it back meanwhile', async () => {
    const { backend, trash } = await trashedBoard();
    const rooms = new Rooms(backend.board, log, { idleMs: 60_000, compactThreshold: 500 });
    scope.defer(() => rooms.closeAll(4000));
    // Made before the board is trashed, so its start-up purge finds nothing: the purge below is the faulted one.
    const snapshots = new Snapshots(rooms, backend.board, backend.snapshots, log, { trashDays: 30 });
    scope.defer(() => snapshots.close());
    const access = failingOnce(backend.access);
    snapshots.onErased = async (id) => {
      await backend.ballots.deleteBoard(id);
      await access.remove(id);
    };
    await trash();

    await snapshots.purgeDue();
    expect(await backend.snapshots.trashed(BOARD), 'a failed erasure stays in the trash').not.toBeNull();
    expect(await backend.access.get(BOARD), 'the access record the failure left').not.toBeNull();
    expect(await snapshots.recover(BOARD), 'an erasure under way is not recovered').toBe(false);

    expect(await snapshots.purgeDue()).toEqual([BOARD]);
    expect(await backend.snapshots.trashed(BOARD)).toBeNull();
    expect(await backend.access.get(BOARD)).toBeNull();
    expect(await backend.board.count(BOARD)).toBe(0);
  });
});
