import { CloseCode, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC, type CloseCodeValue } from '../../shared/protocol';
import { TokenBucket } from './tokenBucket';

export interface RateLimits {
  updatesPerSecond: number;
  updateBurst: number;
  awarenessPerSecond: number;
  awarenessBurst: number;
}

/**
 * Per-connection message rates, checked on arrival from the message type
 * (the first byte; every known type fits in one varUint byte): sync and
 * "saved?" messages share the update bucket, presence messages have their
 * own. Returns the close code when a bucket is empty, else null.
 */
export function createRateGuard(limits: RateLimits): (message: Uint8Array) => CloseCodeValue | null {
  const updates = new TokenBucket(limits.updatesPerSecond, limits.updateBurst);
  const awareness = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst);
  return (message) => {
    const type = message[0];
    if (type === MESSAGE_SYNC || type === MESSAGE_SAVED) return updates.take() ? null : CloseCode.UpdateRateExceeded;
    if (type === MESSAGE_AWARENESS || type === MESSAGE_QUERY_AWARENESS) {
      return awareness.take() ? null : CloseCode.AwarenessRateExceeded;
    }
    return null;
  };
}
