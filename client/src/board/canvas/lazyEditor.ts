import { lazy, useEffect } from 'react';

// Tiptap is most of the bundle: not in the first paint, but fetched as soon as the board is
// open (see usePreloadCardEditor), so a card can still be edited after the network drops.
const loadCardEditor = () => import('../CardEditor');
export const CardEditor = lazy(() => loadCardEditor().then((m) => ({ default: m.CardEditor })));

/** Fetch the editor while online: offline, a lazy chunk that was never loaded cannot be. */
export function usePreloadCardEditor() {
  useEffect(() => {
    const id = window.setTimeout(() => void loadCardEditor().catch(() => undefined), 200);
    return () => window.clearTimeout(id);
  }, []);
}
