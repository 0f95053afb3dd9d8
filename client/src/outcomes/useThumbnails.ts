import { useEffect, useState } from 'react';
import { useUi } from '../state/ui';
import { fetchExport, type SnapshotMeta } from './api';

/** Thumbnails need the board's credentials, so they are fetched and shown as blob URLs (by snapshot id). */
export function useThumbnails(boardId: string, params: Record<string, string> | undefined, snapshots: SnapshotMeta[] | null): Record<string, string> {
  const lang = useUi((s) => s.lang);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!snapshots) return;
    let cancelled = false;
    const urls: string[] = [];
    void (async () => {
      for (const s of snapshots.slice(0, 24)) {
        if (thumbs[s.id]) continue;
        try {
          const blob = await fetchExport(boardId, s.id, 'thumbnail', lang, params);
          if (cancelled) return;
          const url = URL.createObjectURL(blob);
          urls.push(url);
          setThumbs((prev) => ({ ...prev, [s.id]: url }));
        } catch {
          // A missing thumbnail is not worth an error message.
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshots]);

  return thumbs;
}
