import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_SAVED, SYNC_PATH_PREFIX } from '../../../shared/protocol';
import { encodeSavedMessage } from '../../../shared/saved';
import {
  computeState,
  type ConnectionEvent,
  type ConnectionSnapshot,
  type ConnectionState,
  type Effect,
  type Machine,
  MAX_BACKOFF_MS,
  nextSnapshot,
  NOT_SAVED_AFTER_MS,
  START,
  transition,
} from './connectionState';
import { eraseLocalCopy, LocalCopy } from './localCopy';

export type { ConnectionSnapshot, ConnectionState };

const SAVE_CHECK_DELAY_MS = 150;

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
  /** Stopped by the server, paused for the network: see connectionState.ts. */
  private machine: Machine = START;
  private readonly local: LocalCopy | null;

  constructor(
    readonly boardId: string,
    opts: ConnectionOptions = {},
  ) {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = `${proto}//${location.host}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;
    // The browser's copy first: edits typed offline before a reload go out with the first sync.
    this.local = opts.keepLocal ? new LocalCopy(boardId, this.doc) : null;
    this.provider = new WebsocketProvider(base, boardId, this.doc, { maxBackoffTime: MAX_BACKOFF_MS, params: { ...opts.params } });
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
      const code = event?.code ?? null;
      this.snapshot = { ...this.snapshot, lastCloseCode: code };
      this.perform(this.step({ type: 'close', code }));
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

  /** The browser's `online` and `offline` events: pause the socket while the network is gone. */
  private onNetworkChange = () => {
    this.perform(this.step(navigator.onLine === false ? { type: 'offline', shouldConnect: this.provider.shouldConnect } : { type: 'online' }));
    this.update();
  };

  /** Moves the state machine; the caller performs the effects when it is time. */
  private step(event: ConnectionEvent): readonly Effect[] {
    const { machine, effects } = transition(this.machine, event);
    this.machine = machine;
    return effects;
  }

  private perform(effects: readonly Effect[]): void {
    for (const effect of effects) {
      switch (effect) {
        case 'connect':
          this.provider.connect();
          break;
        case 'disconnect':
          this.provider.disconnect();
          break;
        case 'stopReconnecting':
          this.provider.shouldConnect = false;
          break;
        case 'eraseLocalCopy':
          this.local?.close();
          void eraseLocalCopy(this.boardId);
          break;
      }
    }
  }

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
    const effects = this.step({ type: 'resume' });
    this.snapshot = { ...this.snapshot, lastCloseCode: null, state: this.compute() };
    for (const l of this.listeners) l();
    this.perform(effects);
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
    return computeState({
      stopped: this.machine.stopped,
      everSynced: this.everSynced,
      connected,
      connecting: this.provider.wsconnecting,
      synced: this.provider.synced,
      hasUnsavedChanges: this.hasUnsavedChanges,
      unsavedForMs: performance.now() - this.unsavedSince,
    });
  }

  private update(): void {
    const next = nextSnapshot(this.snapshot, this.compute());
    if (next === this.snapshot) return;
    this.snapshot = next;
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
