import { CloseCode } from '../../../shared/protocol';

/**
 * The decisions of a board's connection (connection.ts), apart from the socket and the
 * browser so they can be tested on their own: what a close code, the network going and
 * coming back, and `resume()` do, and which state the status shows. No DOM, no WebSocket.
 *
 * Reconnecting after an ordinary close, with backoff, is y-websocket's own: it waits
 * min(100 ms · 2^failures, MAX_BACKOFF_MS) and resets the count once a connection syncs.
 * This module only decides when that must not happen (a closed board, no network).
 */

/** `stopped`: the server closed the board for good or for now (deleted, in the trash); no reconnecting. */
export type ConnectionState = 'loading' | 'saved' | 'saving' | 'unsaved' | 'reconnecting' | 'offline' | 'stopped';

export interface ConnectionSnapshot {
  state: ConnectionState;
  /** Close code of the last disconnect (see shared/protocol.ts), if any. */
  lastCloseCode: number | null;
}

/** Longest wait between two reconnect attempts (the provider's `maxBackoffTime`). */
export const MAX_BACKOFF_MS = 5000;
/** Connected, but the server has not confirmed storage for this long: say so plainly. */
export const NOT_SAVED_AFTER_MS = 5000;

export interface Machine {
  /** The server closed the board (deleted, trashed): nothing to reconnect to until `resume()`. */
  readonly stopped: boolean;
  /** The socket was closed because the browser went offline; reopen it when it is back. */
  readonly pausedForNetwork: boolean;
}

export const START: Machine = { stopped: false, pausedForNetwork: false };

export type ConnectionEvent =
  /** The socket closed; `code` is null when we closed it ourselves. */
  | { type: 'close'; code: number | null }
  /** The browser says the network is gone; `shouldConnect`: the provider still means to be connected. */
  | { type: 'offline'; shouldConnect: boolean }
  | { type: 'online' }
  /** The board came back (recovered from the trash). */
  | { type: 'resume' };

export type Effect =
  /** provider.connect(): open a socket now, no backoff. */
  | 'connect'
  /** provider.disconnect(): close the socket and do not reconnect. */
  | 'disconnect'
  /** provider.shouldConnect = false: the reconnect the provider has scheduled finds nothing to do. */
  | 'stopReconnecting'
  /** Close and erase the browser's copy of the board. */
  | 'eraseLocalCopy';

export interface Step {
  machine: Machine;
  effects: readonly Effect[];
}

/**
 * Close codes after which there is nothing to reconnect to, and what else they do. Every
 * other code (shutdown, limits, malformed input, a socket that just dropped) reconnects.
 */
const BOARD_CLOSED: ReadonlyMap<number, readonly Effect[]> = new Map<number, readonly Effect[]>([
  // A deleted board never comes back, and nothing of it stays in this browser.
  [CloseCode.BoardDeleted, ['stopReconnecting', 'eraseLocalCopy']],
  // In the trash until someone recovers it (then `resume`); the browser's copy stays.
  [CloseCode.BoardTrashed, ['stopReconnecting']],
  // No board has this id (OPEN_BOARDS is off): reconnecting would not make one.
  [CloseCode.BoardUnknown, ['stopReconnecting']],
]);

export function transition(m: Machine, e: ConnectionEvent): Step {
  switch (e.type) {
    case 'close': {
      const effects = e.code === null ? undefined : BOARD_CLOSED.get(e.code);
      return effects ? { machine: { ...m, stopped: true }, effects } : { machine: m, effects: [] };
    }
    case 'offline':
      // A socket can stay half-open for minutes after the network drops, swallowing edits:
      // close it ourselves; the edits wait in the document until the network is back.
      return e.shouldConnect ? { machine: { ...m, pausedForNetwork: true }, effects: ['disconnect'] } : { machine: m, effects: [] };
    case 'online':
      return m.pausedForNetwork ? { machine: { ...m, pausedForNetwork: false }, effects: ['connect'] } : { machine: m, effects: [] };
    case 'resume':
      return { machine: { ...m, stopped: false }, effects: ['connect'] };
  }
}

/** What the connection observes of its provider and document when it decides the state. */
export interface Observed {
  stopped: boolean;
  /** The first sync ever completed (the whole board is here). */
  everSynced: boolean;
  /** The socket is open and the browser is online. */
  connected: boolean;
  connecting: boolean;
  /** The current socket has synced. */
  synced: boolean;
  hasUnsavedChanges: boolean;
  /** How long local edits have waited for the server's "saved". */
  unsavedForMs: number;
}

export function computeState(o: Observed): ConnectionState {
  if (o.stopped) return 'stopped';
  if (!o.everSynced) return o.connected || o.connecting ? 'loading' : 'offline';
  if (!o.connected) return o.hasUnsavedChanges ? 'offline' : 'reconnecting';
  if (!o.synced) return 'reconnecting';
  if (!o.hasUnsavedChanges) return 'saved';
  // The server is reachable but cannot store (e.g. its database is down): do not pretend.
  return o.unsavedForMs > NOT_SAVED_AFTER_MS ? 'unsaved' : 'saving';
}

/**
 * The snapshot to show for a newly computed state: `prev` itself when nothing changed (so
 * listeners are not told), and the close code forgotten once all is saved again.
 */
export function nextSnapshot(prev: ConnectionSnapshot, state: ConnectionState): ConnectionSnapshot {
  if (state === 'saved' && prev.lastCloseCode !== null) return { state, lastCloseCode: null };
  if (state !== prev.state) return { ...prev, state };
  return prev;
}
