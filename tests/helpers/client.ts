import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE_SAVED } from '../../shared/protocol';
import type { Scope } from './scope';
import { waitFor, type WaitOptions } from './wait';

export interface ClientOptions {
  /** Connect right away (default true). */
  connect?: boolean;
  /** Reconnect backoff cap; small so reconnect tests are quick. */
  maxBackoffTime?: number;
  doc?: Y.Doc;
  /** Query parameters of the websocket URL (access: `k`, `passcode`). */
  params?: Record<string, string>;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/**
 * A stock y-websocket client (what the browser runs), over the `ws` package,
 * plus a handler that records MESSAGE_SAVED answers.
 * BroadcastChannel is disabled: in one Node process every provider of the same
 * room would otherwise sync through it and bypass the server under test.
 */
export class TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Sequence numbers of every MESSAGE_SAVED answer received, in order. */
  readonly savedAnswers: number[] = [];
  /** Raw MESSAGE_SAVED frames received (payload after the type), for protocol checks. */
  readonly savedFrames: Uint8Array[] = [];
  private nextSeq = 1;
  /** Close events from the server (code/reason); local closes are not listed. */
  readonly closes: CloseInfo[] = [];
  private destroyed = false;

  constructor(
    wsUrl: string,
    readonly boardId: string,
    opts: ClientOptions = {},
  ) {
    this.doc = opts.doc ?? new Y.Doc();
    this.provider = new WebsocketProvider(wsUrl, boardId, this.doc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: opts.maxBackoffTime ?? 200,
      params: opts.params ?? {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    // The one Samskab extension: record answers to "is it saved?" (stock y-websocket has no handler for 4).
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      this.savedFrames.push(decoding.readTailAsUint8Array(decoding.clone(decoder)));
      this.savedAnswers.push(decoding.readVarUint(decoder));
    };
    this.provider.on('connection-close', (event) => {
      if (event) this.closes.push({ code: event.code, reason: event.reason });
    });
    if (opts.connect ?? true) this.provider.connect();
  }

  get clientID(): number {
    return this.doc.clientID;
  }

  /** This client's own clock: how many of its operations exist. */
  ownClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  /**
   * Sends a "is it saved?" request ([MESSAGE_SAVED, varUint seq], encoded here
   * independently of the server's code) on the open websocket; returns the seq.
   */
  sendSavedRequest(): number {
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) {
      throw new Error('cannot ask whether edits are saved: not connected');
    }
    const seq = this.nextSeq++;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SAVED);
    encoding.writeVarUint(e, seq);
    ws.send(encoding.toUint8Array(e));
    return seq;
  }

  get synced(): boolean {
    return this.provider.synced;
  }

  async waitSynced(opts: WaitOptions = {}): Promise<void> {
    await waitFor(() => this.provider.synced, { message: `client of ${this.boardId} to sync`, ...opts });
  }

  /**
   * Asks the server whether everything this client sent so far is stored and
   * waits for the answer. Updates and the request travel in order on one
   * websocket, so the answer covers every earlier edit.
   */
  async waitSaved(opts: WaitOptions = {}): Promise<void> {
    const seq = this.sendSavedRequest();
    await waitFor(() => this.savedAnswers.includes(seq), {
      message: () => `saved answer ${seq} (have ${JSON.stringify(this.savedAnswers)})`,
      ...opts,
    });
  }

  disconnect(): void {
    this.provider.disconnect();
  }

  connect(): void {
    this.provider.connect();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.provider.destroy();
    // The awareness keeps an interval of its own; without this the process never exits.
    this.provider.awareness.destroy();
    this.doc.destroy();
  }
}

/** A client of `boardId` on the server at `wsUrl`; destroyed at teardown. */
export function connectClient(scope: Scope, wsUrl: string, boardId: string, opts: ClientOptions = {}): TestClient {
  const client = new TestClient(wsUrl, boardId, opts);
  scope.defer(() => client.destroy());
  return client;
}

/** Decoded state vector of a doc, as a plain object (for readable diffs). */
export function stateVector(doc: Y.Doc): Record<string, number> {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  return Object.fromEntries([...sv.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v]));
}

export function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

/** Waits until every doc has the same state vector (all have seen all operations). */
export async function waitConverged(docs: Y.Doc[], opts: WaitOptions = {}): Promise<void> {
  const [first, ...rest] = docs;
  if (!first) return;
  await waitFor(() => rest.every((d) => sameStateVector(first, d)), {
    timeoutMs: 15_000,
    message: () => `convergence; state vectors: ${JSON.stringify(docs.map(stateVector))}`,
    ...opts,
  });
}
