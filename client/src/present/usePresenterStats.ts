import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { commentsMap, readComments } from '../../../shared/cocreation/comments';
import { presenceStatus } from '../../../shared/cocreation/session';
import { isDamaged } from '../../../shared/model/validate';
import { ROLES, type RoleId } from '../../../shared/roles';
import type { PresenceUser } from '../board/presence';
import type { ItemView } from '../board/useBoardData';
import { useCocreationState } from '../cocreation/hooks';

export interface PresenterStats {
  /** People who can take part, one per person (several tabs count once), by role in the manifesto's order. */
  people: Array<{ role: RoleId; n: number }>;
  peopleTotal: number;
  problems: number;
  perspectives: number;
  ideas: number;
  comments: number;
  /** Voters so far while a dot-vote round is open; null when none is. */
  voted: number | null;
}

/** Comments on cards still on the board, live. */
function useCommentCount(doc: Y.Doc, items: ReadonlyMap<string, ItemView>): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const m = commentsMap(doc);
    const live = new Set(items.keys());
    const update = () => {
      let total = 0;
      for (const list of readComments(doc, live).values()) total += list.length;
      setN(total);
    };
    update();
    m.observe(update);
    return () => m.unobserve(update);
  }, [doc, items]);
  return n;
}

/**
 * What the projector counts. People are the editors on the board, one per
 * person (presenceStatus: several tabs count once), active or idle — a phone
 * that went to sleep is still someone in the room — but not those marked as
 * away; observers and presenter views, this one included, are not people taking part.
 */
export function usePresenterStats(doc: Y.Doc, items: ReadonlyMap<string, ItemView>, users: readonly PresenceUser[]): PresenterStats {
  const comments = useCommentCount(doc, items);
  const { round } = useCocreationState(doc);
  const present = useMemo(() => presenceStatus(users).filter((p) => p.status === 'counted' || p.status === 'idle'), [users]);
  return useMemo(() => {
    const byRole = new Map<RoleId, number>();
    for (const p of present) byRole.set(p.role, (byRole.get(p.role) ?? 0) + 1);
    const kinds = { problem: 0, perspective: 0, idea: 0 };
    for (const it of items.values()) if (!isDamaged(it) && it.kind !== 'frame') kinds[it.kind]++;
    return {
      people: ROLES.filter((r) => byRole.has(r.id)).map((r) => ({ role: r.id, n: byRole.get(r.id) ?? 0 })),
      peopleTotal: present.length,
      problems: kinds.problem,
      perspectives: kinds.perspective,
      ideas: kinds.idea,
      comments,
      voted: round?.status === 'open' ? round.participation.voters : null,
    };
  }, [present, items, comments, round]);
}
