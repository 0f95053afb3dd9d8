import * as Y from 'yjs';
import { namesHidden } from '../../shared/cocreation/names';
import type { DeleteBoardResponse } from '../../shared/http/contract';
import { randomId } from '../../shared/ids';
import { readMeta } from '../../shared/model/board';
import { docFromState, restoreInto, dropLiveCoordination } from '../../shared/model/restore';
import { CloseCode } from '../../shared/protocol';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/types';
import type { Room } from '../sync/room';
import type { Rooms } from '../sync/rooms';
import { BoardErasedError, BoardTrashedError, erasureMark } from './erased';
import type { SnapshotKind, SnapshotMeta, SnapshotStore, TrashEntry } from './types';
import { boardOverview, type BoardOverview } from '../../shared/model/overview';

/** Transaction origin of a restore: stored and relayed like any edit. */
export const RESTORE_ORIGIN = { restore: true };

export const MAX_SNAPSHOT_NAME = 120;
/** How long a deleted board waits in the trash by default (TRASH_DAYS). */
export const DEFAULT_TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const HOURLY_MS = 60 * 60 * 1000;
const AUTO_NAMES: Record<Exclude<SnapshotKind, 'manual'>, string> = {
  'session-end': 'Automatic: end of session',
  hourly: 'Automatic: hourly',
  'before-restore': 'Automatic: before restore',
};

/**
 * Snapshots, restore and erasure of boards. A snapshot is the complete Yjs
 * state at one moment, immutable once written. Automatic snapshots are taken
 * when the last person leaves and at most hourly while people work, each
 * only if the board changed since the previous snapshot.
 */
export class Snapshots {
  /** State vector at the last snapshot of each loaded board, to skip unchanged ones. */
  private readonly lastSnapshotVector = new Map<string, string>();
  private readonly lastHourly = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  /** Called when a board goes to the trash (scale-out: tell the other instances). */
  onTrashing: ((boardId: string) => void) | null = null;
  /** Called as soon as a board is marked erased, before its data goes (scale-out: tell the other instances). */
  onErasing: ((boardId: string) => void) | null = null;
  /** Called after a board is erased, for other stores that hold data of the board (vote ballots). */
  onErased: ((boardId: string) => void | Promise<void>) | null = null;

  constructor(
    private readonly rooms: Rooms,
    private readonly store: BoardStore,
    private readonly snapshots: SnapshotStore,
    private readonly log: Logger,
    opts: { trashDays?: number; hourlyCheckMs?: number } = {},
  ) {
    this.trashDays = opts.trashDays ?? DEFAULT_TRASH_DAYS;
    this.timer = setInterval(() => void this.hourly(), opts.hourlyCheckMs ?? 5 * 60 * 1000);
    this.timer.unref();
    // Boards whose time in the trash ran out while the server was down go now.
    void this.purgeDue();
  }

  /** Days a deleted board waits in the trash before it is erased; 0 erases at once. */
  readonly trashDays: number;

  /** Rooms hook (before load): a deleted board is refused, never loaded again; a trashed one until it is recovered. */
  async refuseErased(boardId: string): Promise<void> {
    if (await this.snapshots.isErased(erasureMark(boardId))) throw new BoardErasedError(boardId);
    if (await this.snapshots.trashed(boardId)) throw new BoardTrashedError(boardId);
  }

  /** The board's trash entry, or null when it is not in the trash. */
  async trashEntry(boardId: string): Promise<TrashEntry | null> {
    return this.snapshots.trashed(boardId);
  }

  /**
   * Deleting a board: to the trash for `trashDays` (everyone is disconnected,
   * nothing is erased yet), or erased at once when `trashDays` is 0.
   */
  async remove(boardId: string, now = Date.now()): Promise<DeleteBoardResponse> {
    if (this.trashDays === 0) {
      await this.erase(boardId);
      return { deleted: boardId };
    }
    const entry = { boardId, trashedAt: now, purgeAt: now + this.trashDays * DAY_MS };
    await this.snapshots.markTrashed(entry);
    this.onTrashing?.(boardId);
    await this.rooms.evict(boardId, CloseCode.BoardTrashed);
    this.log.info({ board: boardId, purgeAt: entry.purgeAt }, 'board moved to the trash');
    return { trashed: boardId, purgeAt: entry.purgeAt };
  }

  /** Another instance moved this board to the trash (scale-out): close it here too. */
  async trashedElsewhere(boardId: string): Promise<void> {
    await this.rooms.evict(boardId, CloseCode.BoardTrashed);
  }

  /** Takes a board out of the trash exactly as it was; false when it was not in the trash. */
  async recover(boardId: string): Promise<boolean> {
    if (!(await this.snapshots.trashed(boardId))) return false;
    // An erasure keeps the trash entry until its last step: a board already marked erased is not coming back.
    if (await this.snapshots.isErased(erasureMark(boardId))) return false;
    await this.snapshots.untrash(boardId);
    this.log.info({ board: boardId }, 'board recovered from the trash');
    return true;
  }

  /** Erases every board whose time in the trash is over. */
  async purgeDue(now = Date.now()): Promise<string[]> {
    let due: string[];
    try {
      due = await this.snapshots.dueForPurge(now, now - this.trashDays * DAY_MS);
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'trash check failed');
      return [];
    }
    for (const boardId of due) {
      try {
        await this.erase(boardId);
      } catch (err) {
        this.log.error({ board: boardId, err: (err as Error).message }, 'erasing a board from the trash failed');
      }
    }
    return due;
  }

  /** Rooms hook (last leave): the end of a session is snapshotted. */
  sessionEnded(room: Room): void {
    void this.auto(room, 'session-end');
  }

  async exists(boardId: string): Promise<boolean> {
    if (await this.snapshots.isErased(erasureMark(boardId))) return false;
    return (await this.store.count(boardId)) > 0;
  }

  private async write(boardId: string, doc: Y.Doc, name: string, takenBy: string, kind: SnapshotKind): Promise<SnapshotMeta> {
    const state = Y.encodeStateAsUpdate(doc);
    const meta = { id: randomId(16), boardId, name, takenBy, takenAt: Date.now(), kind };
    await this.snapshots.create(meta, state);
    this.lastSnapshotVector.set(boardId, Buffer.from(Y.encodeStateVector(doc)).toString('base64'));
    this.log.info({ board: boardId, snapshot: meta.id, kind, bytes: state.byteLength }, 'snapshot taken');
    return { ...meta, bytes: state.byteLength };
  }

  async take(boardId: string, name: string, takenBy: string): Promise<SnapshotMeta> {
    return this.rooms.withRoom(boardId, (room) => this.write(boardId, room.doc, name, takenBy, 'manual'));
  }

  private changedSinceSnapshot(room: Room): boolean {
    const now = Buffer.from(Y.encodeStateVector(room.doc)).toString('base64');
    return this.lastSnapshotVector.get(room.boardId) !== now;
  }

  /** Automatic snapshots in flight per board (erasure waits for them). */
  private readonly inFlight = new Map<string, Promise<void>>();

  private auto(room: Room, kind: 'session-end' | 'hourly'): Promise<void> {
    const previous = this.inFlight.get(room.boardId) ?? Promise.resolve();
    const next = previous.then(() => this.autoNow(room, kind));
    this.inFlight.set(room.boardId, next);
    void next.finally(() => {
      if (this.inFlight.get(room.boardId) === next) this.inFlight.delete(room.boardId);
    });
    return next;
  }

  private async autoNow(room: Room, kind: 'session-end' | 'hourly'): Promise<void> {
    try {
      if (await this.snapshots.isErased(erasureMark(room.boardId))) return;
      await room.settled();
      if (room.peers.size > 0 && kind === 'session-end') return;
      // Nothing on the board, or nothing new since the last snapshot: no snapshot.
      if (room.doc.getMap('items').size === 0 && readMeta(room.doc).title === '') return;
      if (!this.changedSinceSnapshot(room)) return;
      if (!this.lastSnapshotVector.has(room.boardId)) {
        // First time we see this board in this process: compare with its newest stored snapshot.
        const newest = (await this.snapshots.list(room.boardId))[0];
        const stored = newest ? await this.snapshots.get(room.boardId, newest.id) : null;
        if (stored) {
          const vector = Buffer.from(Y.encodeStateVector(docFromState(stored.state))).toString('base64');
          this.lastSnapshotVector.set(room.boardId, vector);
          if (!this.changedSinceSnapshot(room)) return;
        }
      }
      await this.write(room.boardId, room.doc, AUTO_NAMES[kind], 'Samskab', kind);
    } catch (err) {
      this.log.error({ board: room.boardId, err: (err as Error).message, kind }, 'automatic snapshot failed');
    }
  }

  private async hourly(): Promise<void> {
    const now = Date.now();
    await this.purgeDue(now);
    for (const room of await this.rooms.loadedRooms()) {
      if (room.peers.size === 0) continue;
      const last = this.lastHourly.get(room.boardId) ?? 0;
      if (now - last < HOURLY_MS) continue;
      this.lastHourly.set(room.boardId, now);
      await this.auto(room, 'hourly');
    }
  }

  async list(boardId: string): Promise<SnapshotMeta[]> {
    return this.snapshots.list(boardId);
  }

  async snapshotDoc(boardId: string, id: string): Promise<{ meta: SnapshotMeta; doc: Y.Doc } | null> {
    const found = await this.snapshots.get(boardId, id);
    return found ? { meta: found.meta, doc: docFromState(found.state) } : null;
  }

  /** The live board's document (stored state), for exports. */
  /** Whether the live board hides participant names now (shared/cocreation/names.ts). */
  async namesHiddenNow(boardId: string): Promise<boolean> {
    return this.rooms.withRoom(boardId, (room) => namesHidden(room.doc));
  }

  /** The live board's overview, read from the loaded room (no copy of the document is made). */
  async overview(boardId: string): Promise<BoardOverview> {
    return this.rooms.withRoom(boardId, (room) => boardOverview(room.doc));
  }

  async currentDoc(boardId: string): Promise<Y.Doc> {
    return this.rooms.withRoom(boardId, (room) => docFromState(Y.encodeStateAsUpdate(room.doc)));
  }

  /**
   * Restore: snapshot the current state first ("before restore"), then edit
   * the live board forward until it equals the snapshot. Everyone connected
   * sees it live; the pre-restore snapshot makes the restore undoable.
   */
  async restore(boardId: string, snapshotId: string, by: string): Promise<{ restored: SnapshotMeta; before: SnapshotMeta } | null> {
    const found = await this.snapshotDoc(boardId, snapshotId);
    if (!found) return null;
    return this.rooms.withRoom(boardId, async (room) => {
      const before = await this.write(boardId, room.doc, `${AUTO_NAMES['before-restore']} “${found.meta.name}”`, by, 'before-restore');
      restoreInto(room.doc, found.doc, RESTORE_ORIGIN);
      await room.settled();
      found.doc.destroy();
      return { restored: found.meta, before };
    });
  }

  /** Creates a board from a document (import), stored before we answer; without the exported board's live coordination. */
  async createFrom(boardId: string, doc: Y.Doc): Promise<void> {
    dropLiveCoordination(doc);
    await this.store.append(boardId, [Y.encodeStateAsUpdate(doc)]);
  }

  /**
   * Erases a board: connected people are disconnected (close 4200), its
   * updates and snapshots are deleted, and its id is marked so a tab that
   * still has it open cannot bring it back.
   */
  async erase(boardId: string): Promise<void> {
    await this.snapshots.markErased(erasureMark(boardId));
    // Other instances with the board open close it now, not when their people leave.
    this.onErasing?.(boardId);
    await this.rooms.evict(boardId, CloseCode.BoardDeleted);
    // An automatic snapshot that started before the erasure must not outlive it.
    await this.inFlight.get(boardId);
    await this.store.deleteBoard(boardId);
    await this.snapshots.deleteBoard(boardId);
    await this.onErased?.(boardId);
    // The trash entry (the id in clear) goes last, so an erasure that failed half-way stays in the
    // trash and the next purge or `npm run erase` finishes it (server/erasure.ts: same order).
    await this.snapshots.untrash(boardId);
    this.lastSnapshotVector.delete(boardId);
    this.lastHourly.delete(boardId);
    this.log.info({ board: boardId }, 'board erased');
  }

  /**
   * Another instance erased this board (scale-out): close it here with the
   * same message, and delete what this instance may have stored of it after
   * the erasing instance deleted (an edit in flight), so nothing is left.
   */
  async erasedElsewhere(boardId: string): Promise<void> {
    await this.rooms.evict(boardId, CloseCode.BoardDeleted);
    await this.inFlight.get(boardId);
    await this.store.deleteBoard(boardId);
    await this.snapshots.deleteBoard(boardId);
    this.lastSnapshotVector.delete(boardId);
    this.lastHourly.delete(boardId);
    this.log.info({ board: boardId }, 'board erased on another instance; closed here');
  }

  close(): void {
    clearInterval(this.timer);
  }
}
