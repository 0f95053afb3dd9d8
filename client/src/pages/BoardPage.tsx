import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { listItems, setTitle } from '../../../shared/model/board';
import { MAX_TITLE_LENGTH } from '../../../shared/model/schema';
import { roleInfo } from '../../../shared/roles';
import { writeUser } from '../../../shared/presence';
import { OutcomesControls } from '../outcomes/OutcomesControls';
import { TrashNotice } from '../outcomes/TrashNotice';
import { CloseCode } from '../../../shared/protocol';
import { CocreationControls } from '../cocreation/CocreationControls';
import { VoiceMeter } from '../cocreation/VoiceMeter';
import { personKey } from '../cocreation/deviceKey';
import { AccessControls, AccessGate, ReadOnlyGuard, useAccessWatch, useBoardAccess } from '../access';
import { useT } from '../i18n/useT';
import { identityFromUrl, type Identity } from '../state/identity';
import { useUi } from '../state/ui';
import { useBoardConnection, useConnectionState } from '../sync/useBoardConnection';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LayoutSlotsProvider } from '../ui/slots';
import { BoardSlotsProvider } from '../board/slots';
import { NamesHiddenContext, useNamesHiddenIn } from '../board/names';
import { TOOL_SLOTS } from '../tools';
import { navigate } from '../router';
import { Canvas, LOCAL_ORIGIN } from '../board/Canvas';
import { ConnectionStatus } from '../board/ConnectionStatus';
import { JoinDialog } from '../board/JoinDialog';
import { Minimap } from '../board/Minimap';
import { PresenceList } from '../board/PresenceList';
import { Sidebar } from '../board/Sidebar';
import { usePresence } from '../board/presence';
import { Toolbar } from '../board/Toolbar';
import { useBoardItems, useBoardLinks, useBoardMeta } from '../board/useBoardData';
import { useBoardOverview } from '../board/useBoardOverview';
import { showWhole } from '../board/viewport';
import { ZoomControls } from '../board/ZoomControls';
import { PhoneView } from '../phone/PhoneView';
import { useViewMode } from '../phone/viewMode';

export function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const stored = useUi((s) => s.identity);
  const setIdentity = useUi((s) => s.setIdentity);
  const [fromUrl] = useState(() => identityFromUrl(location.search));
  // A complete pre-filled link skips the dialog; the person can still change it on the board.
  const [identity, setLocalIdentity] = useState<Identity | null>(() => {
    if (fromUrl.name && fromUrl.role) return { name: fromUrl.name, role: fromUrl.role };
    return stored;
  });
  const [askIdentity, setAskIdentity] = useState(identity === null);

  useEffect(() => {
    if (identity && fromUrl.name && fromUrl.role) setIdentity(identity);
    // Only on first render: remember a pre-filled identity on this device.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Access first (docs/access.md): the websocket opens only once the link (and passcode) are accepted.
  const access = useBoardAccess(boardId);
  const observer = access.mode === 'observer';
  // Phones get the participation view (client/src/phone) unless the person chose the canvas on this device.
  const view = useViewMode();
  const phone = view.mode === 'phone';
  // A big board is seen whole (its overview) before its document has arrived: the overview is asked
  // for first and the websocket opens once it is there (or failed, or took too long). Not on phones,
  // whose view is a list (issue 19).
  const overview = useBoardOverview(boardId, access.grant?.params, access.grant !== null && !phone);
  // Once the socket may open it stays open (a phone switching to the canvas must not reconnect).
  const socketAllowed = useRef(false);
  if (access.grant !== null && (overview.ready || phone)) socketAllowed.current = true;
  const conn = useBoardConnection(boardId, socketAllowed.current ? access.grant : null);
  useAccessWatch(access, conn);
  const snapshot = useConnectionState(conn);
  const items = useBoardItems(conn?.doc ?? null);
  // The panels around the canvas (method bar, voice meter, minimap, toolbar) read every card: they
  // render after the canvas has shown a change, not in the same frame (issue 19: a remote move on a
  // 10,000-card board waited for all of them).
  const panelItems = useDeferredValue(items);
  const links = useBoardLinks(conn?.doc ?? null);
  const meta = useBoardMeta(conn?.doc ?? null);
  const users = usePresence(conn?.provider.awareness ?? null);

  const namesHidden = useNamesHiddenIn(conn?.doc ?? null);
  // Drawn until the document has arrived.
  const preview = snapshot.state === 'loading' ? overview.cards : null;
  useEffect(() => {
    if (!conn || !identity) return;
    writeUser(conn.provider.awareness, {
      // While names are hidden, presence carries the role only: the name stays on this device.
      name: namesHidden ? '' : identity.name,
      role: identity.role,
      roleText: identity.roleText ?? '',
      color: roleInfo(identity.role).color,
      person: personKey(boardId),
      editor: !observer,
    });
  }, [conn, identity, boardId, observer, namesHidden]);

  useEffect(() => {
    document.title = `${meta.title || t('untitledBoard')} – Samskab`;
  }, [meta.title, t]);

  // Frame the board's content once, when the first complete sync arrives.
  const [framed, setFramed] = useState(false);
  // The canvas keeps its size in the store while it is mounted (null without a canvas).
  const canvasMounted = useUi((s) => s.viewport !== null);
  // The overview is framed the same way as soon as it is drawn; the complete board is framed again when it arrives.
  const [previewFramed, setPreviewFramed] = useState(false);
  useEffect(() => {
    if (previewFramed || framed || !preview || !useUi.getState().viewport) return;
    setPreviewFramed(true);
    showWhole(preview);
  }, [preview, previewFramed, framed, canvasMounted]);
  useEffect(() => {
    if (framed || snapshot.state === 'loading' || !conn) return;
    // No canvas yet while the join dialog is open: fit once it is mounted (identity set). Read
    // from the store now, not at render: the canvas measures itself in its effect, run before this one.
    if (!useUi.getState().viewport) return;
    setFramed(true);
    // Fit into the part of the canvas that the toolbar, the sidebar and the minimap leave free.
    showWhole(listItems(conn.doc).items);
  }, [snapshot.state, framed, conn, identity, canvasMounted]);

  // The side panel dock (beside the canvas) and the notices under the toolbar; see ui/slots.
  const [dock, setDock] = useState<HTMLDivElement | null>(null);
  const [notices, setNotices] = useState<HTMLDivElement | null>(null);
  // When the canvas area changes size (a side panel docks or closes, the window is resized), what
  // was in the middle of it stays in the middle: the camera is relative to its top left corner.
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    let last: { w: number; h: number } | null = null;
    const ro = new ResizeObserver(() => {
      const now = { w: el.clientWidth, h: el.clientHeight };
      const before = last;
      last = now;
      if (!before || (before.w === now.w && before.h === now.h) || !useUi.getState().viewport) return;
      const { camera, setCamera } = useUi.getState();
      setCamera({ ...camera, x: camera.x + (now.w - before.w) / 2, y: camera.y + (now.h - before.h) / 2 });
    });
    ro.observe(el);
    return () => ro.disconnect();
    // Again when the canvas comes back from the phone view (a new main element).
  }, [phone]);

  const join = (id: Identity) => {
    setIdentity(id);
    setLocalIdentity(id);
    setAskIdentity(false);
  };


  return (
    <LayoutSlotsProvider value={{ dock, notices }}>
      <BoardSlotsProvider slots={TOOL_SLOTS}>
        <NamesHiddenContext.Provider value={namesHidden}>
          <div className={phone ? 'board-page phone-mode' : 'board-page'}>
            <header className="topbar">
              <a
                href="/"
                className="brand"
                onClick={(e) => {
                  e.preventDefault();
                  navigate('/');
                }}
                title={t('backToStart')}
              >
                <img src="/favicon.svg" alt="" width="28" height="28" />
                <span>Samskab</span>
              </a>
              {/* The page's one level-one heading, for screen readers; the visible title is the editable field. */}
              <h1 className="visually-hidden">{meta.title || t('untitledBoard')}</h1>
              <label className="visually-hidden" htmlFor="board-title">
                {t('boardTitle')}
              </label>
              <input
                id="board-title"
                className="board-title"
                value={meta.title}
                placeholder={t('untitledBoard')}
                maxLength={MAX_TITLE_LENGTH}
                disabled={!conn || snapshot.state === 'loading'}
                readOnly={observer}
                onChange={(e) => conn && setTitle(conn.doc, e.target.value, LOCAL_ORIGIN)}
              />
              <ConnectionStatus snapshot={snapshot} />
              <div className="topbar-right">
                {identity && (
                  // A long name is cut short with "…" (the whole name is in the tooltip and the button's name).
                  <button type="button" className="identity-button" onClick={() => setAskIdentity(true)} title={`${identity.name} – ${t('changeIdentity')}`}>
                    <span className="avatar" style={{ background: roleInfo(identity.role).color }} aria-hidden="true">
                      {identity.name.slice(0, 1).toUpperCase()}
                    </span>
                    <span className="identity-name">{identity.name}</span>
                    <span className="visually-hidden">– {t('changeIdentity')}</span>
                  </button>
                )}
                {conn && <OutcomesControls boardId={boardId} conn={conn} title={meta.title} params={access.grant?.params} canEdit={!observer} identity={identity} />}
                <AccessControls access={access} />
                {!phone && view.small && (
                  <button type="button" className="phone-switch-back" onClick={() => view.setMode('phone')}>
                    {t('phoneToPhone')}
                  </button>
                )}
                <LanguageSwitch />
              </div>
            </header>
            {conn && !phone && <CocreationControls boardId={boardId} conn={conn} items={panelItems} users={users} identity={identity} params={access.grant?.params} canEdit={!observer} />}
            {conn && phone && (
              // Kept mounted on phones (it keeps the session log and carries out agreed proposals), but not shown there.
              <div className="phone-hidden">
                <CocreationControls boardId={boardId} conn={conn} items={panelItems} users={users} identity={identity} params={access.grant?.params} canEdit={!observer} />
              </div>
            )}
            {phone && conn && snapshot.lastCloseCode === CloseCode.BoardTrashed && <TrashNotice boardId={boardId} conn={conn} params={access.grant?.params} canEdit={!observer} />}
            {phone && conn && (identity || observer) && (
              <PhoneView
                boardId={boardId}
                conn={conn}
                items={items}
                links={links}
                users={users}
                identity={identity ?? { name: t('observerName'), role: 'other' }}
                params={access.grant?.params}
                canEdit={!observer}
                onCanvas={() => view.setMode('canvas')}
              />
            )}
            {phone && snapshot.state === 'loading' && identity && !askIdentity && <div className="loading">{t('status_loading')}</div>}
            {!phone && (
              <div className="board-body">
                {/* The open side panel docks here, beside the canvas: it never covers the board or its toolbar. */}
                <div className="panel-dock" ref={setDock} />
                <main className="board-main" ref={main}>
                  {conn && snapshot.lastCloseCode === CloseCode.BoardTrashed && <TrashNotice boardId={boardId} conn={conn} params={access.grant?.params} canEdit={!observer} />}
                  {conn && (identity || observer) && (
                    <>
                      {/* Top left: the add-card toolbar, and under it the session's notices (a proposal, time up). */}
                      <div className="hud-start">
                        {identity && !observer && <Toolbar conn={conn} identity={identity} items={panelItems} />}
                        <div className="hud-notices" ref={setNotices} />
                      </div>
                      <ReadOnlyGuard active={observer}>
                        <Canvas conn={conn} items={items} links={links} users={users} identity={identity ?? { name: t('observerName'), role: 'other' }} preview={preview} />
                      </ReadOnlyGuard>
                      <Sidebar count={users.length}>
                        <PresenceList users={users} />
                        <VoiceMeter doc={conn.doc} items={panelItems} users={users} />
                      </Sidebar>
                      <Minimap items={panelItems} />
                      <ZoomControls />
                    </>
                  )}
                  {snapshot.state === 'loading' && identity && !askIdentity && (
                    // Over the overview, a note at the bottom instead of a veil over the whole canvas.
                    <div className={preview ? 'loading has-overview' : 'loading'}>
                      {t('status_loading')}
                    </div>
                  )}
                </main>
              </div>
            )}
            {askIdentity && !observer && access.state.phase === 'ok' && (
              <JoinDialog
                initial={identity ?? fromUrl}
                onJoin={join}
                {...(identity ? { onCancel: () => setAskIdentity(false) } : {})}
              />
            )}
            <AccessGate access={access} />
          </div>
        </NamesHiddenContext.Provider>
      </BoardSlotsProvider>
    </LayoutSlotsProvider>
  );
}
