import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readAway, sessionMap } from '../../../shared/cocreation/session';
import { readPresence, type PresenceUser } from '../../../shared/presence';
import { roleLabel } from '../../../shared/roles';
import { useUi } from '../state/ui';

/**
 * Presence lives in awareness, never in the document. The format, its reader
 * and its one writer are in shared/presence.ts; this hook only renders it.
 */
export type { PresenceUser, PresenceView } from '../../../shared/presence';

/**
 * A participant without a name in presence (names are hidden on the board) is
 * shown by role everywhere presence is shown: the list, cursors, follow.
 * `away` comes from the board's away marks (the awareness's document), so
 * every user of this list — consent in the phases and in decisions — leaves
 * a person marked as away out without knowing about marks.
 */
/** From this many people on, presence is rendered at most every CROWD_MS instead of every frame. */
const CROWD = 100;
const CROWD_MS = 100;

export function usePresence(awareness: Awareness | null): PresenceUser[] {
  const lang = useUi((s) => s.lang);
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!awareness) return;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const collator = new Intl.Collator(lang);
    const session = sessionMap(awareness.doc);
    let away = new Set(readAway(awareness.doc).keys());
    const update = () => {
      frame = 0;
      timer = null;
      const out: PresenceUser[] = [];
      awareness.getStates().forEach((state, id) => {
        const u = readPresence(id, state, awareness.clientID);
        if (!u) return;
        const named = u.name ? u : { ...u, name: roleLabel(u.role, lang, u.roleText) };
        out.push(u.person && away.has(u.person) ? { ...named, away: true } : named);
      });
      out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || collator.compare(a.name, b.name));
      setUsers(out);
    };
    // Pointer moves arrive often; render them at most once per frame, and in a crowd (1,000
    // pointers moving) at most every CROWD_MS, so presence never takes the frames edits need (issue 19).
    const schedule = () => {
      if (frame !== 0 || timer !== null) return;
      if (awareness.getStates().size >= CROWD) timer = setTimeout(update, CROWD_MS);
      else frame = requestAnimationFrame(update);
    };
    const onSession = () => {
      const next = new Set(readAway(awareness.doc).keys());
      if (next.size === away.size && [...next].every((k) => away.has(k))) return;
      away = next;
      schedule();
    };
    update();
    awareness.on('change', schedule);
    session.observe(onSession);
    return () => {
      awareness.off('change', schedule);
      session.unobserve(onSession);
      if (frame) cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
    };
  }, [awareness, lang]);
  return users;
}
