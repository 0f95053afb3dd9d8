import { CloseCode, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, type CloseCodeValue } from '../../shared/protocol';
import { TokenBucket } from './tokenBucket';

export interface RateLimits {
  updatesPerSecond: number;
  updateBurst: number;
  awarenessPerSecond: number;
  awarenessBurst: number;
  /** Sync step 1 requests per minute (each is answered with the whole board); 0 = no limit. */
  fullSyncsPerMinute?: number;
}

/** Which limit was hit: the close code for the client, the label for metrics. */
export interface RateRefusal {
  code: CloseCodeValue;
  limit: 'updates_per_second' | 'full_syncs_per_minute' | 'awareness_per_second';
}

export interface RateGuard {
  /**
   * Checked on arrival from the message type (the first byte; every known type
   * fits in one varUint byte): sync and "saved?" messages take from the update
   * bucket; a sync step 1 (answered with the whole board: cheap to ask, costly
   * to answer) also from the full-sync bucket; presence queries (answered with everyone's presence) from the
   * presence bucket. Returns what was hit when a bucket is empty, else null.
   */
  check(message: Uint8Array): RateRefusal | null;
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
  const perMinute = limits.fullSyncsPerMinute ?? 0;
  // A client asks once per connection; the burst covers reconnect storms.
  const fullSyncs = new TokenBucket(perMinute / 60, Math.min(perMinute, 10));
  return {
    check(message) {
      const type = message[0];
      if (type === MESSAGE_SYNC && message[1] === 0 && !fullSyncs.take()) {
        return { code: CloseCode.UpdateRateExceeded, limit: 'full_syncs_per_minute' };
      }
      if ((type === MESSAGE_SYNC || type === MESSAGE_SAVED) && !updates.take()) {
        return { code: CloseCode.UpdateRateExceeded, limit: 'updates_per_second' };
      }
      if (type === MESSAGE_QUERY_AWARENESS && !presence.take()) {
        return { code: CloseCode.AwarenessRateExceeded, limit: 'awareness_per_second' };
      }
      return null;
    },
    takePresence: () => presence.take(),
  };
}
