import { useEffect, useMemo, useRef } from 'react';
import { applyDecision, decisionConsent } from '../../../../shared/cocreation/decisions';
import { presentPeople } from '../../../../shared/cocreation/session';
import type { CoPanelProps } from '../panel';
import { useServerNow } from '../phases/clock';
import { usePresenceSettled } from '../phases/usePresenceSettled';
import { useDecisions } from './store';

/**
 * Carries out every open proposal that everyone present has consented to, as
 * the phase strip does for phase moves: every editor's client that sees
 * consent applies it (applying is idempotent and re-checks consent in its
 * transaction), but only with a settled view of who is present — offline,
 * the others vanish from presence and a lone tab would "see" consent.
 */
export function useApplyAgreedDecisions({ conn, users, canEdit }: Pick<CoPanelProps, 'conn' | 'users' | 'canEdit'>): void {
  const doc = conn.doc;
  const { open } = useDecisions(doc);
  const present = useMemo(() => presentPeople(users), [users]);
  const settled = usePresenceSettled(conn);
  const now = useServerNow(conn);
  // Presence changes with every pointer move; the effect runs when the set of agreed proposals changes.
  const presentNow = useRef(present);
  presentNow.current = present;
  const agreed = open
    .filter((o) => decisionConsent(o, present).passed)
    .map((o) => o.proposal.id)
    .join(' ');
  useEffect(() => {
    if (!agreed || !canEdit || !settled) return;
    for (const id of agreed.split(' ')) applyDecision(doc, id, presentNow.current, now(), 'cocreation');
  }, [agreed, canEdit, settled, doc, now]);
}
