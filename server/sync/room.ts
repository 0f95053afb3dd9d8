import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, CloseReason, type CloseCodeValue } from '../../shared/protocol';
import type { Logger } from '../log';
import type { Metrics } from '../metrics';
import type { BoardBus } from '../scale/bus';
import type { BoardStore } from '../storage/types';
import {
  decodeMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  ProtocolError,
  type AwarenessEntry,
} from './messages';
import { CURRENT_SCHEMA, migrate, type BoardSchema } from '../../shared/doc/migrate';
import { InvalidUpdate, planUpdate } from './validateUpdate';

/** What a room needs from a connection; a ws WebSocket adapter in production. */
export interface RoomSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface Peer {
  readonly id: number;
  readonly socket: RoomSocket;
  /** Awareness client ids this connection has set; only it may change them. */
  readonly awarenessIds: Set<number>;
  /** Rate limit of own-presence changes (AWARENESS_PER_SECOND); false: over the limit. */
  readonly takePresence?: () => boolean;
  /** Access (docs/access.md): an observer's document updates are dropped; editor if absent. */
  readonly mode?: 'editor' | 'observer';
  /** Whether the board relays an observer's presence (asked at each awareness message). */
  readonly observerCursors?: () => boolean;
}

/** Limits a room enforces (see server/config.ts; 0 = no limit). */
export interface RoomLimits {
  maxBoardBytes: number;
  maxPendingBytes: number;
  /** Largest presence state (JSON characters); a bigger one closes the connection (4002). */
  maxPresenceBytes?: number;
  /** Presence client ids one connection may hold; more are dropped quietly. */
  maxPresenceIds?: number;
}

const NO_LIMITS: RoomLimits = { maxBoardBytes: 0, maxPendingBytes: 0 };

/** Transaction origin of updates replayed from storage (never re-persisted). */
const STORAGE_ORIGIN = Symbol('storage');
/** Origin of updates other instances stored already (via the bus, or re-read after a bus outage). */
const BUS_ORIGIN = Symbol('bus');

const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];
/**
 * Shortest time between two flushes of a busy room (see scheduleFlush). It
 * grows with the number of peers: every flush costs one frame per peer, so a
 * room of 500 gets fewer, larger frames (25 ms apart) instead of a queue.
 */
const FLUSH_INTERVAL_MIN_MS = 4;
const FLUSH_INTERVAL_MAX_MS = 40;
const FLUSH_MS_PER_PEER = 0.05;
/**
 * Presence is batched like document updates, but coarser: every presence
 * frame goes to every peer, so 1,000 editors each moving a cursor would be a
 * million sends per second. One merged frame per interval (latest state per
 * client wins, removals included) from 50 ms for a small room to 400 ms at
 * 1,000 peers; an idle room still sends at once.
 */
const PRESENCE_INTERVAL_MIN_MS = 50;
const PRESENCE_INTERVAL_MAX_MS = 400;
const PRESENCE_MS_PER_PEER = 0.4;
/**
 * Presence entries one peer receives per second, at most. Merging cannot help when thousands of
 * people each move a cursor (2,000 editors: 1,300 changed states a second, 2.7 million entries a
 * second to send, 112 MB/s, and edits queued behind them for seconds). Over the budget a frame
 * carries the states that have waited longest and the rest follow in the next frames: each
 * cursor moves less often, nobody's presence is dropped, and removals are never held back.
 */
const PRESENCE_ENTRIES_PER_SECOND = 400;

/**
 * One board in memory: its Y.Doc, presence, and connected peers.
 *
 * Durability: every document update is appended to the store first and only
 * then relayed (as one merged frame per flush), so no peer ever sees an edit
 * that a crash could lose. A peer's sync request is answered only once all
 * updates applied so far are stored, so "synced" means "complete and durable".
 */
export class Room {
  private _doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this._doc);
  readonly peers = new Set<Peer>();
  private pending: Uint8Array[] = [];
  private flushChain: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private nextFlush: Promise<void> = Promise.resolve();
  private lastFlushAt = -Infinity;
  private rowsSinceCompact = 0;
  private destroyed = false;
  /** The batch being stored right now (taken from `pending`, not yet durable). */
  private inFlight: Uint8Array | null = null;
  /** Set while the document is rebuilt from storage after an unexpected apply failure. */
  private resyncing: Promise<void> | null = null;
  /** Presence ids changed since the last presence frame, and those of them to publish to other instances. */
  private presenceChanged = new Set<number>();
  private presenceToPublish = new Set<number>();
  private presenceTimer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private lastPresenceAt = -Infinity;
  /** Approximate bytes of this board's stored update log (for maxBoardBytes). */
  storedBytes = 0;
  private bus: BoardBus | null = null;

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly compactThreshold: number,
    private readonly limits: RoomLimits = NO_LIMITS,
    private readonly metrics?: Metrics,
    /** The schema this server brings boards to (tests pass their own migrations). */
    private readonly schema: BoardSchema = CURRENT_SCHEMA,
  ) {
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    this._doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The board's document (replaced only by resyncFromStore, after an apply that should not have failed). */
  get doc(): Y.Doc {
    return this._doc;
  }

  private onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_ORIGIN) return;
    if (origin === BUS_ORIGIN) {
      // Already durable (stored by the instance that received it): just relay.
      const frame = encodeUpdate(update);
      for (const p of this.peers) p.socket.send(frame);
      return;
    }
    this.pending.push(update);
    this.scheduleFlush();
  };

  /** Scale-out: exchange updates and presence with other instances serving this board. */
  attachBus(bus: BoardBus): void {
    this.bus = bus;
  }

  /** Control events from other instances (set by Rooms). */
  onControl: ((payload: Uint8Array) => void) | null = null;

  private onBusMessage = (kind: 'update' | 'awareness' | 'control', payload: Uint8Array): void => {
    if (this.destroyed) return;
    if (kind === 'control') {
      this.onControl?.(payload);
      return;
    }
    if (kind === 'update') {
      // During a resync the rebuilt doc may not have it yet: apply it once the rebuild is done.
      if (this.resyncing) void this.resyncing.then(() => this.onBusMessage(kind, payload));
      else Y.applyUpdate(this.doc, payload, BUS_ORIGIN);
    } else awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, BUS_ORIGIN);
  };

  /** After a bus outage: re-read storage, which holds everything other instances stored meanwhile. */
  async reconcile(): Promise<void> {
    const rows = await this.store.load(this.boardId);
    if (this.destroyed) return;
    this.doc.transact(() => {
      for (const row of rows) Y.applyUpdate(this.doc, row, BUS_ORIGIN);
    }, BUS_ORIGIN);
  }

  async load(): Promise<void> {
    const started = performance.now();
    // Subscribe first: whatever others store after this arrives on the bus, the rest is in storage.
    if (this.bus) await this.bus.subscribe(this.boardId, this.onBusMessage);
    const rows = await this.store.load(this.boardId);
    this.doc.transact(() => {
      for (const row of rows) Y.applyUpdate(this.doc, row, STORAGE_ORIGIN);
    }, STORAGE_ORIGIN);
    this.rowsSinceCompact = rows.length;
    this.storedBytes = rows.reduce((n, r) => n + r.byteLength, 0);
    // Boards of an older schema are brought up to date once, here; the change is stored like any edit.
    const m = migrate(this.doc, this.schema.migrations, this.schema.version);
    if (m.newer) this.log.warn({ board: this.boardId, schemaVersion: m.from }, 'board written by a newer Samskab; served as is');
    else if (m.ran.length > 0) this.log.info({ board: this.boardId, from: m.from, to: m.to, ran: m.ran }, 'board migrated');
    // Successful loads only: a load that throws never gets here, so errors do not skew the latencies.
    this.metrics?.boardLoadSeconds.observe((performance.now() - started) / 1000);
  }

  /** Bytes of updates (structs and deletions) waiting for dependencies that have not arrived. */
  pendingBytes(doc: Y.Doc = this.doc): number {
    return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
  }

  /**
   * Applies a peer's update all-or-nothing: it is decoded and checked whole
   * first (validateUpdate.ts: everything that can make Yjs throw halfway, and
   * the board-size and pending-bytes limits), and applied only if it passes.
   * Returns a close code if the update was refused (nothing of it applied,
   * stored or relayed).
   */
  private applyPeerUpdate(peer: Peer, update: Uint8Array): CloseCodeValue | null {
    let plan;
    try {
      plan = planUpdate(this.doc, update);
    } catch (err) {
      if (!(err instanceof InvalidUpdate)) throw err;
      this.log.warn({ board: this.boardId, conn: peer.id, err: err.message }, 'update rejected: it would not integrate');
      return CloseCode.UpdateRejected;
    }
    const { maxBoardBytes, maxPendingBytes } = this.limits;
    // An update that adds nothing (a reconnecting client's sync) is never refused for size.
    if (maxBoardBytes > 0 && plan.adds && this.storedBytes + plan.addedBytes > maxBoardBytes) return CloseCode.BoardTooLarge;
    if (maxPendingBytes > 0 && plan.pendingBytes > 0 && this.pendingBytes() + plan.pendingBytes > maxPendingBytes) {
      // Whoever makes the pile overflow loses it: the pending data is dropped.
      this.doc.store.pendingStructs = null;
      this.doc.store.pendingDs = null;
      return CloseCode.TooManyPendingUpdates;
    }
    const pendingBefore = this.pending.length;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch (err) {
      // The checks should make this impossible; if a Yjs path was missed, part
      // of the update may be in the doc (and queued): drop the queued part and
      // rebuild the doc from storage rather than keep a second copy around.
      this.log.error({ board: this.boardId, conn: peer.id, err: (err as Error).message }, 'update failed after validation; resyncing the room from storage');
      this.pending.length = pendingBefore;
      this.resyncing ??= this.resyncFromStore().finally(() => (this.resyncing = null));
      return CloseCode.UpdateRejected;
    }
    this.metrics?.updates.inc();
    return null;
  }

  /**
   * Replaces the doc with one rebuilt from storage plus the edits accepted but
   * not yet stored (the batch in flight and the queue). Messages wait for it
   * (receive, onBusMessage); peers keep their connections: nothing of the
   * failed update was relayed, so their documents are still consistent.
   */
  private async resyncFromStore(): Promise<void> {
    const unsent = [...(this.inFlight ? [this.inFlight] : []), ...this.pending];
    let rows: Uint8Array[];
    // Like persist: retried until storage answers (messages wait meanwhile), never a half-built doc.
    for (let attempt = 0; ; attempt++) {
      try {
        rows = await this.store.load(this.boardId);
        break;
      } catch (err) {
        this.log.error({ board: this.boardId, err: (err as Error).message, attempt }, 'resync load failed, retrying');
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
      }
    }
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const row of [...rows, ...unsent]) Y.applyUpdate(doc, row, STORAGE_ORIGIN);
    }, STORAGE_ORIGIN);
    const old = this._doc;
    old.off('update', this.onDocUpdate);
    doc.on('update', this.onDocUpdate);
    this._doc = doc;
    // Awareness only reads doc.clientID; the old doc is not destroyed (that would destroy the awareness too).
    (this.awareness as { doc: Y.Doc }).doc = doc;
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    peer.socket.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.socket.send(encodeAwareness(this.awareness, states));
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    for (const [id, claim] of this.claims) if (claim.peer === peer) this.claims.delete(id);
    const owned = [...peer.awarenessIds];
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, peer);
    // The ids are free now: a connection that claimed one meanwhile (its reconnected owner) gets it.
    for (const id of owned) {
      const claim = this.claims.get(id);
      if (!claim) continue;
      this.claims.delete(id);
      if (this.peers.has(claim.peer) && this.ownerOf(id) === null) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries([claim.entry]), claim.peer);
      }
    }
  }

  /**
   * Presence ids claimed by a connection while another, still connected, owns
   * them: the newest claim per id, applied once the owner is gone.
   */
  private readonly claims = new Map<number, { peer: Peer; entry: AwarenessEntry }>();

  /** Handles one binary message; a protocol error closes only this peer. */
  async receive(peer: Peer, data: Uint8Array): Promise<void> {
    if (this.resyncing) await this.resyncing;
    if (this.destroyed) return;
    let msg;
    try {
      msg = decodeMessage(data);
    } catch (err) {
      this.reject(peer, err as Error);
      return;
    }
    switch (msg.type) {
      case 'sync-step1':
        await this.settled();
        if (this.peers.has(peer)) peer.socket.send(encodeSyncStep2(this.doc, msg.stateVector));
        return;
      case 'update': {
        // Observers read only: their updates are never applied, relayed or stored.
        if (peer.mode === 'observer') return;
        const refused = this.applyPeerUpdate(peer, msg.update);
        if (refused !== null) this.refuse(peer, refused);
        return;
      }
      case 'saved-request':
        // Everything this peer sent before the request has been applied; wait until it is stored.
        await this.settled();
        if (this.peers.has(peer)) peer.socket.send(encodeSaved(msg.seq));
        return;
      case 'awareness':
        if (peer.mode === 'observer' && !(peer.observerCursors?.() ?? false)) return;
        this.applyAwareness(peer, msg.update, msg.clients);
        return;
      case 'query-awareness': {
        const ids = [...this.awareness.getStates().keys()];
        peer.socket.send(encodeAwareness(this.awareness, ids));
        return;
      }
      case 'auth':
        return;
    }
  }

  private reject(peer: Peer, err: Error): void {
    const message = err instanceof ProtocolError ? err.message : `update rejected: ${err.message}`;
    this.log.warn({ board: this.boardId, conn: peer.id, err: message }, 'closing connection after bad message');
    this.metrics?.rejected.inc({ reason: 'malformed' });
    peer.socket.close(CloseCode.BadMessage, CloseReason[CloseCode.BadMessage]);
  }

  /** Closes a peer whose update was refused whole (invalid, or over a limit). */
  private refuse(peer: Peer, code: CloseCodeValue, limit?: string): void {
    if (code === CloseCode.UpdateRejected) this.metrics?.rejected.inc({ reason: 'update_rejected' });
    else this.metrics?.limitHits.inc({ limit: limit ?? (code === CloseCode.BoardTooLarge ? 'board_bytes' : 'pending_bytes') });
    this.log.warn({ board: this.boardId, conn: peer.id, code }, 'closing connection: update refused');
    peer.socket.close(code, CloseReason[code]);
  }

  /**
   * A connection may only set or remove its own clients' presence. Stock
   * y-websocket clients echo everyone's presence back, so entries owned by
   * another connection are dropped quietly rather than treated as an attack.
   * A client that reconnected while its old connection is half-open (sleeping
   * laptop, network change) sends a newer clock for its own id: that claim is
   * kept and applied when the old connection is gone — closed, or terminated
   * by the regular heartbeat (sync/upgrade.ts) — never while the owner is
   * connected: one slow pong on a busy machine must not hand a live
   * participant's presence to whoever asked (issue 18).
   */
  private applyAwareness(peer: Peer, update: Uint8Array, clients: AwarenessEntry[]): void {
    const maxBytes = this.limits.maxPresenceBytes ?? 0;
    if (maxBytes > 0 && clients.some((c) => (c.bytes ?? 0) > maxBytes)) {
      this.refuse(peer, CloseCode.MessageTooLarge, 'presence_bytes');
      return;
    }
    // A browser tab has one presence id; a connection collecting ids (to fill memory) gets no more.
    const maxIds = this.limits.maxPresenceIds ?? 0;
    let adopted = 0;
    const own: AwarenessEntry[] = [];
    for (const c of clients) {
      const owner = this.ownerOf(c.clientId);
      if (owner === null && c.state !== null && maxIds > 0 && peer.awarenessIds.size + adopted >= maxIds) {
        this.metrics?.limitHits.inc({ limit: 'presence_ids' });
        continue;
      }
      if (owner === null || owner === peer) {
        if (owner === null && c.state !== null) adopted++;
        own.push(c);
        continue;
      }
      const current = this.awareness.meta.get(c.clientId)?.clock ?? 0;
      const pending = this.claims.get(c.clientId);
      if (c.clock > current && (!pending || c.clock > pending.entry.clock)) this.claims.set(c.clientId, { peer, entry: c });
    }
    if (own.length === 0 || this.destroyed || !this.peers.has(peer)) return;
    // Only messages that change the sender's own presence count (echoes of others' are free).
    if (peer.takePresence && !peer.takePresence()) {
      this.refuse(peer, CloseCode.AwarenessRateExceeded, 'awareness_per_second');
      return;
    }
    const filtered = own.length === clients.length ? update : encodeAwarenessEntries(own);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered, peer);
  }

  private ownerOf(clientId: number): Peer | null {
    for (const p of this.peers) if (p.awarenessIds.has(clientId)) return p;
    return null;
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const peer = origin as Peer | undefined;
    if (peer && this.peers.has(peer)) {
      for (const id of [...added, ...updated]) peer.awarenessIds.add(id);
      for (const id of removed) peer.awarenessIds.delete(id);
    }
    if (changed.length === 0) return;
    for (const id of changed) this.presenceChanged.add(id);
    // Only presence of this instance's own connections goes to the others.
    if (this.bus && isPeer(origin)) for (const id of changed) this.presenceToPublish.add(id);
    this.schedulePresence();
  };

  /** On its own timer, so a presence frame never waits for a document flush nor delays one. */
  private schedulePresence(): void {
    if (this.presenceTimer !== null || this.destroyed) return;
    const wait = Math.max(0, this.lastPresenceAt + this.presenceInterval() - performance.now());
    this.presenceTimer = wait === 0 ? setImmediate(this.flushPresence) : setTimeout(this.flushPresence, wait);
  }

  private presenceInterval(): number {
    return Math.min(PRESENCE_INTERVAL_MAX_MS, Math.max(PRESENCE_INTERVAL_MIN_MS, this.peers.size * PRESENCE_MS_PER_PEER));
  }

  private flushPresence = (): void => {
    this.presenceTimer = null;
    if (this.destroyed) return;
    this.lastPresenceAt = performance.now();
    // The current state of each changed id (null once removed): the latest wins. The set keeps the order in
    // which ids first changed, so over the budget the longest-waiting go first; removals always go.
    const budget = Math.ceil((PRESENCE_ENTRIES_PER_SECOND * this.presenceInterval()) / 1000);
    const states = this.awareness.getStates();
    const changed: number[] = [];
    let kept = 0;
    for (const id of this.presenceChanged) {
      if (states.has(id) && kept >= budget) continue;
      if (states.has(id)) kept++;
      changed.push(id);
    }
    for (const id of changed) this.presenceChanged.delete(id);
    if (changed.length > 0) {
      const frame = encodeAwareness(this.awareness, changed);
      for (const p of this.peers) p.socket.send(frame);
    }
    // Instances exchange only their own connections' presence, unbudgeted: each applies the budget to its peers.
    const own = [...this.presenceToPublish];
    this.presenceToPublish.clear();
    if (this.bus && own.length > 0) this.bus.publish(this.boardId, 'awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
    if (this.presenceChanged.size > 0) this.schedulePresence();
  };

  /**
   * Batching: an idle room flushes on the next turn of the event loop (no added
   * latency); a busy one at most every flush interval, so each peer gets one
   * merged frame per interval instead of one frame per edit of every editor.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.destroyed) return;
    this.flushScheduled = true;
    const interval = Math.min(FLUSH_INTERVAL_MAX_MS, Math.max(FLUSH_INTERVAL_MIN_MS, this.peers.size * FLUSH_MS_PER_PEER));
    const wait = Math.max(0, this.lastFlushAt + interval - performance.now());
    this.nextFlush = new Promise<void>((resolve) => {
      const run = () => {
        this.flushChain = this.flushChain.then(() => this.flush());
        this.flushChain.then(resolve, resolve);
      };
      if (wait === 0) setImmediate(run);
      else setTimeout(run, wait);
    });
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    this.lastFlushAt = performance.now();
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch);
      const started = performance.now();
      this.inFlight = merged;
      await this.persist(merged);
      this.inFlight = null;
      this.metrics?.persistSeconds.observe((performance.now() - started) / 1000);
      this.storedBytes += merged.byteLength;
      const frame = encodeUpdate(merged);
      for (const p of this.peers) p.socket.send(frame);
      this.bus?.publish(this.boardId, 'update', merged);
      this.rowsSinceCompact++;
    }
    if (this.rowsSinceCompact >= this.compactThreshold) {
      this.rowsSinceCompact = 0;
      await this.compact();
    }
  }

  /** Appends until it succeeds: an edit is never dropped, it waits (unacknowledged, unrelayed). */
  private async persist(update: Uint8Array): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.store.append(this.boardId, [update]);
        return;
      } catch (err) {
        const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
        this.log.error({ board: this.boardId, err: (err as Error).message, attempt }, 'persist failed, retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  async compact(): Promise<void> {
    try {
      await this.store.compact(this.boardId, (updates) => {
        const merged = mergeToState(updates);
        // Appends may happen meanwhile (async stores): subtract what compaction saved.
        this.storedBytes -= updates.reduce((n, u) => n + u.byteLength, 0) - merged.byteLength;
        return merged;
      });
    } catch (err) {
      // Compaction is an optimisation; the uncompacted log stays valid.
      this.log.error({ board: this.boardId, err: (err as Error).message }, 'compaction failed');
    }
  }

  /** Resolves once every update applied so far is stored and relayed. */
  async settled(): Promise<void> {
    while (this.pending.length > 0 || this.flushScheduled) {
      if (!this.flushScheduled) this.scheduleFlush();
      await this.nextFlush;
    }
    await this.flushChain;
  }

  /** Stores what is pending, then frees the document. */
  async destroy(closeCode?: number): Promise<void> {
    await this.settled();
    this.destroyed = true;
    if (this.presenceTimer !== null) {
      clearTimeout(this.presenceTimer as NodeJS.Timeout);
      clearImmediate(this.presenceTimer as NodeJS.Immediate);
    }
    if (closeCode !== undefined) {
      for (const p of this.peers) p.socket.close(closeCode, CloseReason[closeCode as keyof typeof CloseReason] ?? '');
    }
    if (this.bus) void this.bus.unsubscribe(this.boardId);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function isPeer(origin: unknown): origin is Peer {
  return typeof origin === 'object' && origin !== null && 'awarenessIds' in origin;
}

/** Replays stored updates into a fresh doc and re-encodes: merges and drops deleted content. */
export function mergeToState(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
