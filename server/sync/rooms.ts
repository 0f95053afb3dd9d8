import type { Logger } from '../log';
import type { BoardBus } from '../scale/bus';
import type { BoardStore } from '../storage/types';
import { BoardRefusedError } from './admission';
import type { Metrics } from '../metrics';
import type { BoardSchema } from '../../shared/doc/migrate';
import { Room, type RoomLimits } from './room';

interface Entry {
  room: Promise<Room>;
  idleTimer: NodeJS.Timeout | null;
  /** Set while the room is being unloaded; a newcomer waits for it. */
  unloading: Promise<void> | null;
}

/**
 * What features do at a room's moments, given when Rooms is built (the way
 * Hocuspocus takes its hooks), so no feature reaches in and sets a field.
 */
export interface RoomHooks {
  /** Before a board is loaded; throws (a BoardRefusedError, e.g. a deleted board) to refuse it. */
  beforeLoad?(boardId: string): Promise<void>;
  /** The last participant has left a board (end of a session). */
  lastLeave?(room: Room): void;
  /** Scale-out: a control event about a board from another instance. */
  control?(boardId: string, payload: Uint8Array): void;
  /**
   * Scale-out: a loaded board failed the before-load check on a second look
   * (it was trashed or erased while this instance could not hear the bus).
   * Without this hook the board is closed with the refusal's close code.
   */
  refusedLater?(boardId: string, refusal: BoardRefusedError): Promise<void>;
}

/** Loads rooms on demand and unloads them after they have been idle a while. */
export class Rooms {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly opts: { idleMs: number; compactThreshold: number; limits?: RoomLimits; metrics?: Metrics; schema?: BoardSchema },
    private readonly bus: BoardBus | null = null,
    private readonly hooks: RoomHooks = {},
  ) {
    // After a bus outage every loaded board catches up from storage.
    bus?.onRecovered(() => {
      for (const entry of this.entries.values()) {
        void entry.room
          .then(async (room) => {
            await room.reconcile();
            // A board trashed or erased on another instance during the outage: its control event was lost.
            await this.recheck(room.boardId);
          })
          .catch((err: Error) => {
            this.log.error({ err: err.message }, 'reconcile failed');
          });
      }
    });
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  /** Rooms currently in memory and not unloading. */
  async loadedRooms(): Promise<Room[]> {
    const live = [...this.entries.values()].filter((e) => !e.unloading).map((e) => e.room.catch(() => null));
    return (await Promise.all(live)).filter((r): r is Room => r !== null);
  }

  /** Closes every connection of a board with `closeCode` and drops it from memory. */
  async evict(boardId: string, closeCode: number): Promise<void> {
    const entry = this.entries.get(boardId);
    if (entry?.idleTimer) clearTimeout(entry.idleTimer);
    await this.unload(boardId, closeCode);
  }

  /**
   * The one direct-edit path for features (snapshots, votes): runs `fn` with the
   * board's current, fully stored document, and resolves only once whatever
   * `fn` changed is stored too. The room stays loaded while `fn` runs.
   */
  async withRoom<T>(boardId: string, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      await room.settled();
      const out = await fn(room);
      await room.settled();
      return out;
    } finally {
      this.release(room);
    }
  }

  /** The room for a board, loading it from storage if needed. */
  async acquire(boardId: string): Promise<Room> {
    for (;;) {
      const entry = this.entries.get(boardId);
      if (entry === undefined) break;
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      if (entry.idleTimer) {
        clearTimeout(entry.idleTimer);
        entry.idleTimer = null;
      }
      return entry.room;
    }
    if (this.hooks.beforeLoad) await this.hooks.beforeLoad(boardId);
    if (this.entries.has(boardId)) return this.acquire(boardId);
    const room = new Room(boardId, this.store, this.log, this.opts.compactThreshold, this.opts.limits, this.opts.metrics, this.opts.schema);
    if (this.bus) {
      room.attachBus(this.bus);
      room.onControl = (payload) => this.hooks.control?.(boardId, payload);
    }
    const loading = room.load().then(async () => {
      // Scale-out: a trash or erasure on another instance between the check above and the
      // subscription in load() would go unheard; checked again now that the room hears the bus.
      if (this.bus && this.hooks.beforeLoad) await this.hooks.beforeLoad(boardId);
      return room;
    });
    const entry: Entry = { room: loading, idleTimer: null, unloading: null };
    this.entries.set(boardId, entry);
    try {
      return await loading;
    } catch (err) {
      this.entries.delete(boardId);
      // Unsubscribes from the bus; a room that failed to load must not keep applying relayed updates.
      void room.destroy().catch(() => undefined);
      throw err;
    }
  }

  /** Runs the before-load check on a loaded board again and closes it with the refusal's code. */
  private async recheck(boardId: string): Promise<void> {
    if (!this.hooks.beforeLoad) return;
    try {
      await this.hooks.beforeLoad(boardId);
    } catch (err) {
      if (!(err instanceof BoardRefusedError)) throw err;
      this.log.info({ board: boardId, closeCode: err.closeCode }, 'board refused on a second look (changed on another instance); closed here');
      if (this.hooks.refusedLater) await this.hooks.refusedLater(boardId, err);
      else await this.evict(boardId, err.closeCode);
    }
  }

  /** Called when a peer leaves; an empty room is unloaded after the idle time. */
  release(room: Room): void {
    if (room.peers.size > 0) return;
    const entry = this.entries.get(room.boardId);
    if (!entry || entry.unloading || entry.idleTimer) return;
    this.hooks.lastLeave?.(room);
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (room.peers.size === 0) void this.unload(room.boardId);
    }, this.opts.idleMs);
    entry.idleTimer.unref();
  }

  private async unload(boardId: string, closeCode?: number): Promise<void> {
    const entry = this.entries.get(boardId);
    if (!entry || entry.unloading) return;
    entry.unloading = (async () => {
      const room = await entry.room;
      await room.destroy(closeCode);
      await room.compact();
    })();
    try {
      await entry.unloading;
    } catch (err) {
      this.log.error({ board: boardId, err: (err as Error).message }, 'unload failed');
    } finally {
      this.entries.delete(boardId);
      this.log.debug({ board: boardId }, 'room unloaded');
    }
  }

  /** Shutdown: store everything pending, close every peer with the given code. */
  async closeAll(closeCode: number): Promise<void> {
    await Promise.all([...this.entries.keys()].map((id) => this.unload(id, closeCode)));
  }
}
