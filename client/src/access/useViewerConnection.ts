import { useMemo } from 'react';
import type { BoardConnection } from '../sync/connection';
import { useBoardConnection } from '../sync/useBoardConnection';
import { useAccessWatch, type BoardAccess } from './useBoardAccess';

/**
 * The board's connection for a page that only shows it (the QR sheet, the
 * presenter view): opened once access is granted, like the board page's, but
 * it keeps no copy in this browser (a shared projector laptop must not) and the
 * page never writes to the document.
 */
export function useViewerConnection(boardId: string, access: BoardAccess): BoardConnection | null {
  const grant = access.grant;
  // A new object opens a new websocket: only when the grant itself changes.
  const viewer = useMemo(() => (grant ? { params: grant.params, mode: 'observer' as const } : null), [grant]);
  const conn = useBoardConnection(boardId, viewer);
  useAccessWatch(access, conn);
  return conn;
}
