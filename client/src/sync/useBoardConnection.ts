import { useEffect, useState, useSyncExternalStore } from 'react';
import { BoardConnection, type ConnectionSnapshot } from './connection';

/** Opens the board's connection for the lifetime of the component. */
export function useBoardConnection(boardId: string): BoardConnection | null {
  const [conn, setConn] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const c = new BoardConnection(boardId);
    setConn(c);
    return () => {
      c.destroy();
      setConn(null);
    };
  }, [boardId]);
  return conn;
}

const OFFLINE: ConnectionSnapshot = { state: 'loading', lastCloseCode: null };
const noop = () => () => undefined;

export function useConnectionState(conn: BoardConnection | null): ConnectionSnapshot {
  return useSyncExternalStore(conn ? conn.subscribe : noop, conn ? conn.getSnapshot : () => OFFLINE);
}
