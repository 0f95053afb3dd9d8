import { useEffect, useState } from 'react';
import { overviewCards, type OverviewCard } from '../../../shared/model/overview';
import { credentialHeaders, credentialsOf, type LinkParams } from '../http/credentials';

/** How long the board's websocket waits for the overview at most (a slow answer must not hold the board back). */
export const OVERVIEW_WAIT_MS = 2_000;

/**
 * The board's overview (every card's box and colour, shared/model/overview.ts), asked for before
 * the board's websocket is opened: a big board is then seen whole in the time a small answer
 * takes. Asked at the same moment as the socket, it came too late to help (issue 19: the server
 * first encoded the 26 MB document of a 50,000-card board for the socket, and the browser was busy
 * applying it when the overview arrived). `ready` is true once the overview arrived, failed or
 * OVERVIEW_WAIT_MS passed (and whenever it is not wanted): the socket opens then. `cards` is null
 * until it arrives, and when it was refused or malformed.
 */
export function useBoardOverview(boardId: string, params: LinkParams, wanted: boolean): { cards: OverviewCard[] | null; ready: boolean } {
  const [cards, setCards] = useState<OverviewCard[] | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    const ctl = new AbortController();
    // Once ready, it stays ready: a later request (a rotated link) never holds back an open board.
    const done = () => setReady(true);
    const timer = setTimeout(done, OVERVIEW_WAIT_MS);
    fetch(`/api/boards/${encodeURIComponent(boardId)}/overview`, { headers: credentialHeaders(credentialsOf(params)), signal: ctl.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        const found = overviewCards(body);
        if (found && found.length > 0) setCards(found);
      })
      // Only a faster first view is lost: the board still arrives through its document.
      .catch(() => {})
      .finally(() => {
        clearTimeout(timer);
        done();
      });
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [boardId, params, wanted]);
  return { cards, ready: ready || !wanted };
}
