import { useEffect, useRef, useState } from 'react';
import type { RoundState } from '../../../shared/cocreation/votes';
import type { RoleId } from '../../../shared/roles';
import { getBallot, putBallot } from '../state/roundsApi';

/**
 * My dots in the open round, through the same vote routes and voter id as the
 * vote panel: one request at a time, always the latest allocation, so answers
 * never arrive out of order. `saved` is true once the server has my dots.
 */
export function useBallot(boardId: string, round: RoundState | null, params: Record<string, string> | undefined, role: RoleId | null) {
  const [mine, setMine] = useState<Record<string, number>>({});
  const [saved, setSaved] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const roundId = round?.status === 'open' ? round.id : null;
  const desired = useRef<Record<string, number> | null>(null);
  const inFlight = useRef(false);

  useEffect(() => {
    setMine({});
    desired.current = null;
    if (!roundId || !role) return;
    let cancelled = false;
    getBallot(boardId, roundId, params).then(
      (b) => !cancelled && setMine(b.votes),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, roundId, params, role]);

  const send = () => {
    if (!roundId || !role || inFlight.current || !desired.current) return;
    const sending = desired.current;
    inFlight.current = true;
    putBallot(boardId, roundId, params, role, sending)
      .then((b) => {
        if (desired.current === sending) {
          desired.current = null;
          setMine(b.votes);
          setSaved(true);
        }
      })
      .catch((err: unknown) => {
        desired.current = null;
        setError((err as Error).message);
        void getBallot(boardId, roundId, params).then((b) => setMine(b.votes), () => undefined);
      })
      .finally(() => {
        inFlight.current = false;
        send();
      });
  };

  const used = Object.values(mine).reduce((a, b) => a + b, 0);
  const change = (ideaId: string, delta: number) => {
    if (!round || round.status !== 'open') return;
    const n = Math.max(0, (mine[ideaId] ?? 0) + delta);
    if (delta > 0 && used >= round.dots) return;
    const next = { ...mine, [ideaId]: n };
    setMine(next);
    setSaved(false);
    setError(null);
    desired.current = next;
    send();
  };
  return { open: roundId !== null, dots: round?.dots ?? 0, mine, used, saved, error, change };
}

export type Ballot = ReturnType<typeof useBallot>;
