import { ACCESS_KEY_PARAM } from '../../../shared/protocol';
import type { RoleId } from '../../../shared/roles';

/**
 * Links a facilitator hands out (docs/access.md): the board's own link with a
 * pre-filled role, and the pages for the printed sheet and the projector. Each
 * keeps the link secret of the page it is made from; a board without links
 * (an open board) is reached by its id alone.
 */

/** The absolute board link for a secret (null: an open board). */
export function boardLink(origin: string, boardId: string, key: string | null): string {
  const url = new URL(`/b/${encodeURIComponent(boardId)}`, origin);
  if (key) url.searchParams.set(ACCESS_KEY_PARAM, key);
  return url.href;
}

/** The editor link with `role=` set, so the join dialog opens with the role chosen (the name stays the person's). */
export function roleLink(link: string, role: RoleId): string {
  const url = new URL(link);
  url.searchParams.delete('name');
  url.searchParams.set('role', role);
  return url.href;
}

export type BoardView = 'qr' | 'present';

/** `/b/<id>/qr?k=…` (the QR sheet) or `/b/<id>/present?k=…` (the projector). */
export function viewPath(boardId: string, view: BoardView, key: string | null): string {
  const q = key ? `?${new URLSearchParams({ [ACCESS_KEY_PARAM]: key }).toString()}` : '';
  return `/b/${encodeURIComponent(boardId)}/${view}${q}`;
}

/** The secret of the page's own URL. */
export function pageKey(): string | null {
  return new URLSearchParams(location.search).get(ACCESS_KEY_PARAM);
}
