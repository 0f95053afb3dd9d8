import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { BoardConnection, type ConnectionSnapshot } from './connection';

/**
 * Opens the board's connection while `access` grants it (null: not yet, or
 * refused). A new grant (rotated link, passcode entered) opens a new
 * connection that starts from the previous one's state.
 */
export function useBoardConnection(boardId: string, access: { params: Record<string, string>; mode?: 'editor' | 'observer' } | null): BoardConnection | null {
  const [conn, setConn] = useState<BoardConnection | null>(null);
  const carried = useRef<Uint8Array | null>(null);
  useEffect(() => {
    if (access === null) return;
    // Observers keep nothing in the browser: their link may be rotated away.
    const c = new BoardConnection(boardId, { params: access.params, keepLocal: access.mode === 'editor', ...(carried.current ? { initialState: carried.current } : {}) });
    setConn(c);
    return () => {
      carried.current = Y.encodeStateAsUpdate(c.doc);
      c.destroy();
      setConn(null);
    };
  }, [boardId, access]);
  return conn;
}

const OFFLINE: ConnectionSnapshot = { state: 'loading', lastCloseCode: null };
const noop = () => () => undefined;

export function useConnectionState(conn: BoardConnection | null): ConnectionSnapshot {
  return useSyncExternalStore(conn ? conn.subscribe : noop, conn ? conn.getSnapshot : () => OFFLINE);
}
