import { useEffect, useState } from 'react';
import type { BoardConnection } from '../../sync/connection';

/** How long after a (re)connect the others' presence is given to arrive. */
export const PRESENCE_SETTLE_MS = 1500;

/**
 * True while this tab is connected, synced, and has had time to hear who is
 * present. Offline, y-websocket drops every other person from the local
 * presence list; judging consent from that list would let a tab that lost its
 * connection "see" everyone ready and carry a proposal out alone.
 */
export function usePresenceSettled(conn: BoardConnection): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const p = conn.provider;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!(p.wsconnected && p.synced)) return setSettled(false);
      timer = setTimeout(() => setSettled(p.wsconnected && p.synced), PRESENCE_SETTLE_MS);
    };
    const onStatus = (e: { status: string }) => {
      if (e.status !== 'connected') {
        if (timer) clearTimeout(timer);
        timer = null;
        setSettled(false);
      }
    };
    check();
    p.on('sync', check);
    p.on('status', onStatus);
    return () => {
      if (timer) clearTimeout(timer);
      p.off('sync', check);
      p.off('status', onStatus);
    };
  }, [conn]);
  return settled;
}
