import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MESSAGE_SAVED, SYNC_PATH_PREFIX } from '../../../shared/protocol';
import { encodeSavedMessage } from '../../../shared/saved';
import { eraseLocalCopy, LocalCopy } from './localCopy';

/** `stopped`: the server closed the board for good or for now (deleted, in the trash); no reconnecting. */
export type ConnectionState = 'loading' | 'saved' | 'saving' | 'unsaved' | 'reconnecting' | 'offline' | 'stopped';

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** Close code of the last disconnect (see shared/protocol.ts), if any. */
  lastCloseCode: number | null;
}

const SAVE_CHECK_DELAY_MS = 150;
/** Connected, but the server has not confirmed storage for this long: say so plainly. */
const NOT_SAVED_AFTER_MS = 5000;

export interface ConnectionOptions {
  /** Websocket query parameters: the access credentials (docs/access.md). */
  params?: Record<string, string>;
  /** State of an earlier connection of this board in this tab (after a link rotation): nothing typed is lost. */
  initialState?: Uint8Array;
  /** Keep the board in this browser (IndexedDB) so offline edits survive a closed tab; editors only. */
  keepLocal?: boolean;
}

/**
 * One board's Y.Doc and its websocket. "Saved" is shown only when the server
 * has confirmed that everything this client sent is durably stored: after
 * local edits it asks with MESSAGE_SAVED (a sequence number) and waits for the
 * same number back.
 */
export class BoardConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** Increases with every local edit. */
  private localSeq = 0;
  /** Highest sequence number the server confirmed as stored. */
  private savedSeq = 0;
  private checkTimer = 0;
  private unsavedSince = 0;
  private notSavedTimer = 0;
  private snapshot: ConnectionSnapshot = { state: 'loading', lastCloseCode: null };
  private readonly listeners = new Set<() => void>();
  private everSynced = false;
  /** The server closed the board (deleted, trashed): nothing to reconnect to until `resume()`. */
  private stopped = false;
  /** The socket was closed because the browser went offline; reopen it when it is back. */
  private pausedForNetwork = false;
  private readonly local: LocalCopy | null;

  constructor(
    readonly boardId: string,
    opts: ConnectionOptions = {},
  ) {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = `${proto}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
    // The browser's copy first: edits typed offline before a reload go out with the first sync.
    this.local = opts.keepLocal ? new LocalCopy(boardId, this.doc) : null;
    this.provider = new WebsocketProvider(base, boardId, this.doc, { maxBackoffTime: 5000, params: { ...opts.params } });
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      this.savedSeq = Math.max(this.savedSeq, decoding.readVarUint(decoder));
      this.update();
    };
    this.provider.on('status', () => this.update());
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.everSynced = true;
        // After a reconnect, offline edits went out in the sync exchange: ask again.
        if (this.hasUnsavedChanges) this.requestSavedCheck();
      }
      this.update();
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      this.snapshot = { ...this.snapshot, lastCloseCode: event?.code ?? null };
      // A deleted board never comes back: stop reconnecting (it would only be refused again).
      if (event?.code === CloseCode.BoardDeleted) {
        this.provider.shouldConnect = false;
        // Nothing of a deleted board stays in this browser.
        this.local?.close();
        void eraseLocalCopy(this.boardId);
      }
      // In the trash: nothing to reconnect to until someone recovers it (then `resume()`); the browser's copy stays.
      if (event?.code === CloseCode.BoardTrashed) this.provider.shouldConnect = false;
      if (event?.code === CloseCode.BoardTrashed || event?.code === CloseCode.BoardDeleted) this.stopped = true;
      this.update();
    });
    this.doc.on('update', this.onDocUpdate);
    if (opts.initialState) Y.applyUpdate(this.doc, opts.initialState);
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  /** Closing the tab with edits the server has not stored: the browser asks first. */
  private onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.hasUnsavedChanges) return;
    e.preventDefault();
    // Older browsers show the prompt only when returnValue is set.
    e.returnValue = '';
  };

  private onDocUpdate = (_u: Uint8Array, origin: unknown) => {
    if (origin === this.provider) return;
    if (!this.hasUnsavedChanges) {
      this.unsavedSince = performance.now();
      window.clearTimeout(this.notSavedTimer);
      this.notSavedTimer = window.setTimeout(() => this.update(), NOT_SAVED_AFTER_MS + 50);
    }
    this.localSeq++;
    this.scheduleSavedCheck();
    this.update();
  };

  /**
   * The browser says the network is gone: close the socket ourselves. A socket
   * can stay half-open for minutes after the network drops, swallowing edits
   * that then only go out on the next sync; closed, the edits wait in the
   * document (and the browser's copy) and go out once the network is back.
   */
  private onNetworkChange = () => {
    if (navigator.onLine === false) {
      if (this.provider.shouldConnect) {
        this.pausedForNetwork = true;
        this.provider.disconnect();
      }
    } else if (this.pausedForNetwork) {
      this.pausedForNetwork = false;
      this.provider.connect();
    }
    this.update();
  };

  private scheduleSavedCheck(): void {
    if (this.checkTimer) return;
    this.checkTimer = window.setTimeout(() => {
      this.checkTimer = 0;
      this.requestSavedCheck();
    }, SAVE_CHECK_DELAY_MS);
  }

  private requestSavedCheck(): void {
    const ws = this.provider.ws;
    // Sent on the same socket as the edits, after them; if it is lost, the next sync asks again.
    if (ws && this.provider.wsconnected && this.provider.synced) ws.send(encodeSavedMessage(this.localSeq));
  }

  /** Connects again after the board came back (recovered from the trash). */
  resume(): void {
    this.stopped = false;
    this.snapshot = { ...this.snapshot, lastCloseCode: null, state: this.compute() };
    for (const l of this.listeners) l();
    this.provider.connect();
  }

  /** Local edits the server has not yet confirmed as stored. */
  get hasUnsavedChanges(): boolean {
    return this.localSeq > this.savedSeq;
  }

  private compute(): ConnectionState {
    // y-websocket emits 'connection-close' before it clears `wsconnected`: the socket's own state
    // tells the truth, so a close code (4200, 4201) is not cleared as if the board were still saved.
    const ws = this.provider.ws;
    const connected = this.provider.wsconnected && ws !== null && ws.readyState === ws.OPEN && navigator.onLine !== false;
    if (this.stopped) return 'stopped';
    if (!this.everSynced) return connected || this.provider.wsconnecting ? 'loading' : 'offline';
    if (!connected) return this.hasUnsavedChanges ? 'offline' : 'reconnecting';
    if (!this.provider.synced) return 'reconnecting';
    if (!this.hasUnsavedChanges) return 'saved';
    // The server is reachable but cannot store (e.g. its database is down): do not pretend.
    return performance.now() - this.unsavedSince > NOT_SAVED_AFTER_MS ? 'unsaved' : 'saving';
  }

  private update(): void {
    const state = this.compute();
    if (state === 'saved' && this.snapshot.lastCloseCode !== null) {
      this.snapshot = { state, lastCloseCode: null };
    } else if (state !== this.snapshot.state) {
      this.snapshot = { ...this.snapshot, state };
    } else {
      return;
    }
    for (const l of this.listeners) l();
  }

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    window.clearTimeout(this.checkTimer);
    window.clearTimeout(this.notSavedTimer);
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.doc.off('update', this.onDocUpdate);
    this.local?.close();
    this.provider.destroy();
    this.provider.awareness.destroy();
    this.doc.destroy();
  }
}
