import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type PresenceUser } from '../../../shared/presence';

/**
 * Presence lives in awareness, never in the document. The format, its reader
 * and its one writer are in shared/presence.ts; this hook only renders it.
 */
export type { PresenceUser, PresenceView } from '../../../shared/presence';

export function usePresence(awareness: Awareness | null): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!awareness) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const out: PresenceUser[] = [];
      awareness.getStates().forEach((state, id) => {
        const u = readPresence(id, state, awareness.clientID);
        if (u) out.push(u);
      });
      out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setUsers(out);
    };
    // Pointer moves arrive often; render them at most once per frame.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    awareness.on('change', schedule);
    return () => {
      awareness.off('change', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [awareness]);
  return users;
}
