import { useCallback, useEffect, useRef } from 'react';
import type { ServerTime } from '../../../shared/http/contract';
import { API_BASE, requestJson } from '../http/json';
import type { BoardConnection } from '../sync/connection';

/** Offset = server time − local time, from one GET /api/time (half the round trip counted as transit). */
async function measureOffset(): Promise<number> {
  const sent = Date.now();
  const body = await requestJson<Partial<ServerTime>>(`${API_BASE}/time`);
  const received = Date.now();
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new Error('bad /api/time answer');
  return Math.round(body.now + (received - sent) / 2 - received);
}

/**
 * Server time for step timers: machines' clocks differ, so timers are started
 * and read in the server's time. The offset is measured once per connection
 * (again after a reconnect); if that fails, the local clock is used. A kit hook:
 * the phases strip and the phone view read timers in the same time.
 */
export function useServerNow(conn: BoardConnection): () => number {
  const offset = useRef(0);
  useEffect(() => {
    let live = true;
    const measure = () => {
      measureOffset().then(
        (o) => {
          if (live) offset.current = o;
        },
        () => {
          // Keep the last offset (0 at first): the local clock is the fallback.
        },
      );
    };
    const onStatus = (e: { status: string }) => {
      if (e.status === 'connected') measure();
    };
    measure();
    conn.provider.on('status', onStatus);
    return () => {
      live = false;
      conn.provider.off('status', onStatus);
    };
  }, [conn]);
  return useCallback(() => Date.now() + offset.current, []);
}
