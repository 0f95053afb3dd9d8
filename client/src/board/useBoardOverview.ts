import { useEffect, useState } from 'react';
import { overviewCards, type OverviewCard } from '../../../shared/model/overview';
import { credentialHeaders, credentialsOf, type LinkParams } from '../http/credentials';

/**
 * While the board's document is still on its way, the board's overview (every card's box and
 * colour, shared/model/overview.ts), so a big board is seen whole in the time a small answer
 * takes rather than the seconds its document takes (issue 19). Null before it arrives, when it
 * is refused or malformed, and once the document is there.
 */
export function useBoardOverview(boardId: string, params: LinkParams, loading: boolean): OverviewCard[] | null {
  const [cards, setCards] = useState<OverviewCard[] | null>(null);
  useEffect(() => {
    if (!loading) return;
    const ctl = new AbortController();
    fetch(`/api/boards/${encodeURIComponent(boardId)}/overview`, { headers: credentialHeaders(credentialsOf(params)), signal: ctl.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        const found = overviewCards(body);
        if (found && found.length > 0) setCards(found);
      })
      // Only a faster first view is lost: the board still arrives through its document.
      .catch(() => {});
    return () => ctl.abort();
  }, [boardId, params, loading]);
  return loading ? cards : null;
}
