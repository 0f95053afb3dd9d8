import { useCallback, useEffect, useRef, useState } from 'react';
import { ACCESS_DEVICE_PARAM, ACCESS_KEY_PARAM, ACCESS_PASSCODE_PARAM, AccessCloseCode } from '../../../shared/protocol';
import { passcodeDevice } from '../http/credentials';
import type { BoardConnection } from '../sync/connection';
import { changeAccess, checkAccess, keyOfLink, rotateLinks, type AccessInfo, type DenyReason, type Mode } from './api';

export type AccessState =
  | { phase: 'checking' }
  | { phase: 'ok'; info: AccessInfo }
  | { phase: 'denied'; reason: DenyReason; retryAfter?: number }
  | { phase: 'unreachable' };

/** What the board connection needs: a new object means a new websocket. */
export interface AccessGrant {
  mode: Mode;
  params: Record<string, string>;
}

const passcodeStore = (boardId: string) => `samskab.passcode.${boardId}`;

function storedPasscode(boardId: string): string | null {
  try {
    return sessionStorage.getItem(passcodeStore(boardId));
  } catch {
    return null;
  }
}

function rememberPasscode(boardId: string, passcode: string | null): void {
  try {
    if (passcode) sessionStorage.setItem(passcodeStore(boardId), passcode);
    else sessionStorage.removeItem(passcodeStore(boardId));
  } catch {
    // private mode: the person types it again after a reload
  }
}

function paramsOf(key: string | null, passcode: string | null): Record<string, string> {
  return { ...(key ? { [ACCESS_KEY_PARAM]: key } : {}), ...(passcode ? { [ACCESS_PASSCODE_PARAM]: passcode, [ACCESS_DEVICE_PARAM]: passcodeDevice() } : {}) };
}

export interface BoardAccess {
  state: AccessState;
  grant: AccessGrant | null;
  mode: Mode | null;
  /** Checks again with the current credentials (e.g. after repeated refused connections). */
  recheck(): void;
  /** Tries a passcode typed by the person. */
  submitPasscode(passcode: string): Promise<void>;
  /** Editors: set (string) or clear (null) the passcode; resolves to an error reason or null. */
  setPasscode(passcode: string | null): Promise<DenyReason | 'failed' | null>;
  setObserverCursors(on: boolean): Promise<void>;
  /** Editors: new links; this tab moves to the new editor link. */
  rotate(): Promise<boolean>;
  /** Called by the connection watcher. */
  connectionClosed(code: number | null, everOpened: boolean): void;
  attach(conn: BoardConnection | null): void;
}

const OWN_ROTATION_GRACE_MS = 10_000;

/**
 * The access of this tab to one board: a preflight check of the link secret
 * (`?k=` of the page URL) and the passcode (kept in sessionStorage) before the
 * websocket opens — y-websocket cannot tell why an upgrade was refused, the
 * HTTP API can. Repeated refused connections and close code 4010 lead back here.
 */
export function useBoardAccess(boardId: string): BoardAccess {
  const [key, setKey] = useState<string | null>(() => new URLSearchParams(location.search).get(ACCESS_KEY_PARAM));
  const [passcode, setPasscodeState] = useState<string | null>(() => storedPasscode(boardId));
  const [state, setState] = useState<AccessState>({ phase: 'checking' });
  const [grant, setGrant] = useState<AccessGrant | null>(null);
  const conn = useRef<BoardConnection | null>(null);
  const rotating = useRef(false);
  /** When this tab last rotated the links: the server then closes our old socket with 4010 too. */
  const rotatedAt = useRef(0);
  const failures = useRef(0);
  const creds = useRef({ key, passcode });
  creds.current = { key, passcode };

  const apply = useCallback((k: string | null, p: string | null, answer: Awaited<ReturnType<typeof checkAccess>>) => {
    if (answer.kind === 'ok') {
      setState({ phase: 'ok', info: answer.info });
      setGrant((g) => {
        const params = paramsOf(k, p);
        if (g && g.mode === answer.info.mode && JSON.stringify(g.params) === JSON.stringify(params)) return g;
        return { mode: answer.info.mode, params };
      });
    } else if (answer.kind === 'denied') {
      setState({ phase: 'denied', reason: answer.reason, ...(answer.retryAfter ? { retryAfter: answer.retryAfter } : {}) });
      setGrant(null);
    } else {
      setState((s) => (s.phase === 'ok' ? s : { phase: 'unreachable' }));
    }
  }, []);

  const recheck = useCallback(() => {
    const { key: k, passcode: p } = creds.current;
    void checkAccess(boardId, { key: k, passcode: p }).then((a) => apply(k, p, a));
  }, [boardId, apply]);

  useEffect(recheck, [recheck]);

  // Server unreachable before the first answer: try again every few seconds.
  useEffect(() => {
    if (state.phase !== 'unreachable') return;
    const t = window.setTimeout(recheck, 3000);
    return () => window.clearTimeout(t);
  }, [state, recheck]);

  const submitPasscode = useCallback(
    async (p: string) => {
      const k = creds.current.key;
      const answer = await checkAccess(boardId, { key: k, passcode: p });
      if (answer.kind === 'ok') {
        rememberPasscode(boardId, p);
        setPasscodeState(p);
      }
      apply(k, p, answer);
    },
    [boardId, apply],
  );

  const setPasscode = useCallback(
    async (p: string | null) => {
      const answer = await changeAccess(boardId, creds.current, { passcode: p });
      if (answer.kind === 'denied') return answer.reason;
      if (answer.kind !== 'ok') return 'failed';
      rememberPasscode(boardId, p);
      setPasscodeState(p);
      // The open websocket stays; reconnects use the new passcode.
      const provider = conn.current?.provider;
      if (provider) {
        if (p) Object.assign(provider.params, { [ACCESS_PASSCODE_PARAM]: p, [ACCESS_DEVICE_PARAM]: passcodeDevice() });
        else delete provider.params[ACCESS_PASSCODE_PARAM];
      }
      setState({ phase: 'ok', info: answer.info });
      return null;
    },
    [boardId],
  );

  const setObserverCursors = useCallback(
    async (on: boolean) => {
      const answer = await changeAccess(boardId, creds.current, { observerCursors: on });
      if (answer.kind === 'ok') setState({ phase: 'ok', info: answer.info });
    },
    [boardId],
  );

  const rotate = useCallback(async () => {
    rotating.current = true;
    const p = creds.current.passcode;
    const answer = await rotateLinks(boardId, creds.current);
    if (answer.kind !== 'ok' || !answer.info.links) {
      rotating.current = false;
      if (answer.kind === 'denied') apply(creds.current.key, p, answer);
      return false;
    }
    const k = keyOfLink(answer.info.links.editor);
    const url = new URL(location.href);
    if (k) url.searchParams.set(ACCESS_KEY_PARAM, k);
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    setKey(k);
    apply(k, p, answer);
    rotatedAt.current = Date.now();
    rotating.current = false;
    return true;
  }, [boardId, apply]);

  const connectionClosed = useCallback(
    (code: number | null, everOpened: boolean) => {
      if (code === AccessCloseCode.LinkRotated) {
        // Our own rotation: the 4010 for our old socket can arrive before or after the
        // HTTP answer with the new links; either way this tab is already moving on
        // (after the answer, conn.current may already be the new connection: leave it).
        if (rotating.current) {
          conn.current?.provider.disconnect();
          return;
        }
        if (Date.now() - rotatedAt.current < OWN_ROTATION_GRACE_MS) return;
        conn.current?.provider.disconnect();
        setState({ phase: 'denied', reason: 'link-rotated' });
        setGrant(null);
        return;
      }
      if (everOpened) {
        failures.current = 0;
        return;
      }
      // Refused upgrades look like plain failures to y-websocket: ask the API why.
      if (++failures.current >= 2) {
        failures.current = 0;
        recheck();
      }
    },
    [recheck],
  );

  const attach = useCallback((c: BoardConnection | null) => {
    conn.current = c;
  }, []);

  return {
    state,
    grant,
    mode: state.phase === 'ok' ? state.info.mode : null,
    recheck,
    submitPasscode,
    setPasscode,
    setObserverCursors,
    rotate,
    connectionClosed,
    attach,
  };
}

/** Connects the board connection's closes to the access checks. */
export function useAccessWatch(access: BoardAccess, conn: BoardConnection | null): void {
  const { attach, connectionClosed } = access;
  useEffect(() => {
    attach(conn);
    if (!conn) return;
    let opened = false;
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') opened = true;
    };
    const onClose = (event: CloseEvent | null) => {
      const wasOpen = opened;
      opened = false;
      connectionClosed(event?.code ?? null, wasOpen);
    };
    conn.provider.on('status', onStatus);
    conn.provider.on('connection-close', onClose);
    return () => {
      conn.provider.off('status', onStatus);
      conn.provider.off('connection-close', onClose);
      attach(null);
    };
  }, [conn, attach, connectionClosed]);
}
