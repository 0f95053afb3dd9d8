import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CloseCodeValue } from '../../shared/protocol';

/**
 * What sync needs to know about a socket it is about to accept. The access
 * feature produces it; sync only reads it, so sync never imports a feature.
 */
export interface Grant {
  mode: 'editor' | 'observer';
  /** Registers the open websocket so a rotation can close it; returns the unregister function. */
  register(close: (code: number, reason: string) => void): () => void;
  /** Whether an observer's presence is relayed (read at each awareness message). */
  observerCursors(): boolean;
  /**
   * Accept the upgrade and close at once with this code: for refusals the
   * browser must be able to read (a refused HTTP upgrade reaches it only as
   * "connection failed"), e.g. an unknown board (4004).
   */
  closeAtOnce?: CloseCodeValue;
}

/**
 * Checks an upgrade before it happens (path and id are already valid). Either
 * refuses the socket itself and resolves null, or resolves the grant.
 */
export type Admit = (req: IncomingMessage, socket: Duplex, boardId: string, ip: string) => Promise<Grant | null>;

/**
 * Thrown by a room's before-load hook to refuse a board with a close code the
 * client understands (e.g. a deleted board: 4404), instead of "storage unavailable".
 */
export class BoardRefusedError extends Error {
  constructor(
    message: string,
    readonly closeCode: CloseCodeValue,
  ) {
    super(message);
  }
}
