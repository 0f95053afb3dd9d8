import { useCallback, useEffect, useState } from 'react';
import { listSnapshots, type SnapshotMeta } from './api';

/** The board's snapshots (null until the first answer), and a way to list them again. */
export function useSnapshots(boardId: string, params: Record<string, string> | undefined, fail: (err: unknown) => void) {
  const [snapshots, setSnapshots] = useState<SnapshotMeta[] | null>(null);

  const refresh = useCallback(async () => {
    try {
      const list = await listSnapshots(boardId, params);
      setSnapshots(list);
    } catch (err) {
      fail(err);
    }
  }, [boardId, params, fail]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { snapshots, refresh };
}
