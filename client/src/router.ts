import { useSyncExternalStore } from 'react';

/** A few routes (/, /b/<id> and its /qr and /present pages) do not need a router library. */
const listeners = new Set<() => void>();

export function navigate(path: string): void {
  history.pushState(null, '', path);
  for (const l of listeners) l();
}

function subscribe(l: () => void) {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => {
    listeners.delete(l);
    window.removeEventListener('popstate', l);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

/** A board's pages: the board, its printable QR sheet, its presenter view (issue 17). */
export type BoardRoute = { boardId: string; view: 'board' | 'qr' | 'present' };

export function boardRoute(path: string): BoardRoute | null {
  const m = /^\/b\/([A-Za-z0-9_-]{1,64})(?:\/(qr|present))?\/?$/.exec(path);
  if (!m?.[1]) return null;
  return { boardId: m[1], view: m[2] === 'qr' || m[2] === 'present' ? m[2] : 'board' };
}
