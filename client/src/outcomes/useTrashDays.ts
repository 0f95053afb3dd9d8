import { useEffect, useState } from 'react';
import { trashState } from './api';

/** How long the server keeps a deleted board (null until known; 0: no trash), so the delete section says what will happen. */
export function useTrashDays(boardId: string, params: Record<string, string> | undefined): number | null {
  const [trashDays, setTrashDays] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    trashState(boardId, params).then(
      (s) => live && setTrashDays(s.trashDays),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [boardId, params]);
  return trashDays;
}
