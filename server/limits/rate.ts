import { CloseCode, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, type CloseCodeValue } from '../../shared/protocol';
import { TokenBucket } from './tokenBucket';

export interface RateLimits {
  updatesPerSecond: number;
  updateBurst: number;
  awarenessPerSecond: number;
  awarenessBurst: number;
}

export interface RateGuard {
  /**
   * Checked on arrival from the message type (the first byte; every known type
   * fits in one varUint byte): sync and "saved?" messages take from the update
   * bucket, presence queries (answered with everyone's presence) from the
   * presence bucket. Returns the close code when the bucket is empty, else null.
   */
  check(message: Uint8Array): CloseCodeValue | null;
  /**
   * Presence messages are counted by the room, and only when they change the
   * connection's own presence: stock y-websocket clients echo every presence
   * change they receive, so on a busy board most presence messages are echoes
   * (dropped, and not the sender's doing). False when the bucket is empty.
   */
  takePresence(): boolean;
}

export function createRateGuard(limits: RateLimits): RateGuard {
  const updates = new TokenBucket(limits.updatesPerSecond, limits.updateBurst);
  const presence = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst);
  return {
    check(message) {
      const type = message[0];
      if (type === MESSAGE_SYNC || type === MESSAGE_SAVED) return updates.take() ? null : CloseCode.UpdateRateExceeded;
      if (type === MESSAGE_QUERY_AWARENESS) return presence.take() ? null : CloseCode.AwarenessRateExceeded;
      return null;
    },
    takePresence: () => presence.take(),
  };
}
