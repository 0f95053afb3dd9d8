import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OverviewCard } from '../../../shared/model/overview';
import type { BoardLink } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { BuildOnPicker } from './BuildOnPicker';
import { CardNavigator } from './CardNavigator';
import { CardLayer } from './canvas/CardLayer';
import { cull, LOD_MARGIN, LOD_ZOOM } from './canvas/culling';
import { FollowBanners } from './canvas/FollowBanners';
import { usePreloadCardEditor } from './canvas/lazyEditor';
import { useBodyChange } from './canvas/useBodyChange';
import { useBuildOnPick } from './canvas/useBuildOnPick';
import { useCanvasGestures } from './canvas/useCanvasGestures';
import { useCardActions } from './canvas/useCardActions';
import { useFollow } from './canvas/useFollow';
import { usePresenceWrites } from './canvas/usePresenceWrites';
import { useMountBudget } from './canvas/useMountBudget';
import { useCameraMoving, useSettledCamera } from './canvas/useSettledCamera';
import { useViewportSize } from './canvas/useViewportSize';
import { HelpDialog } from './HelpDialog';
import { useCanvasKeys } from './keys';
import { Links } from './Links';
import { LiveAnnouncer } from './LiveAnnouncer';
import { LodLayer } from './LodLayer';
import type { PresenceUser } from './presence';
import { RemoteCursors } from './RemoteCursors';
import { SelectionBar } from './SelectionBar';
import { ItemIndex } from './spatial';
import { undoManagerFor } from './undo';
import type { ItemView } from './useBoardData';

export { LOCAL_ORIGIN } from './origin';
export { GRID } from './canvas/useCardDrag';
export { LOD_ZOOM } from './canvas/culling';

/**
 * The board: composes the canvas's parts (in canvas/) — gestures on the empty board, card
 * drag/resize and the other card actions, presence writes, follow and summon, culling and the
 * layers drawn (cards, connectors, the 2D far-zoom layer, cursors).
 */
export function Canvas({
  conn,
  items,
  links,
  users,
  identity,
  preview = null,
}: {
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  links: BoardLink[];
  users: PresenceUser[];
  identity: Identity;
  /** While the document loads: the board's overview (useBoardOverview), drawn until the first card arrives. */
  preview?: readonly OverviewCard[] | null;
}) {
  const t = useT();
  const camera = useUi((s) => s.camera);
  const selection = useUi((s) => s.selection);
  const editingId = useUi((s) => s.editingId);
  const tool = useUi((s) => s.tool);
  const ref = useRef<HTMLDivElement>(null);
  const itemsRef = useRef(items);
  const [index] = useState(() => new ItemIndex());
  const { doc, provider } = conn;
  index.sync(items);

  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  // Start tracking my edits for undo as soon as the board is open.
  useEffect(() => {
    undoManagerFor(doc);
  }, [doc]);

  usePreloadCardEditor();
  const size = useViewportSize(ref);
  const { sendPointer, clearPointer } = usePresenceWrites({ provider, canvasRef: ref, editingId, camera, size });

  const focusCard = useCallback((id: string) => {
    requestAnimationFrame(() => {
      // A key pressed before this frame (N right after Escape) may have moved on to a new card:
      // focusing this one now would select it and close the new card's editor.
      const ui = useUi.getState();
      if ((ui.editingId !== null && ui.editingId !== id) || (ui.selection.size > 0 && !ui.selection.has(id))) return;
      (ref.current?.querySelector(`[data-item-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
    });
  }, []);
  const buildOnPick = useBuildOnPick({ doc, itemsRef, focusCard });
  const actions = useCardActions({ doc, canvasRef: ref, itemsRef, focusCard, pickBuildOn: buildOnPick.pick });
  useCanvasKeys({ conn, identity, items, canvasRef: ref, index, focusCard });
  const onBodyChange = useBodyChange({ doc, identity, itemsRef });

  const gestures = useCanvasGestures({ canvasRef: ref, index, items });
  const { band } = gestures;
  const follow = useFollow({ provider, users, size });

  // While the overview is up, a pan or zoom step culls nothing and redraws nothing: it culls
  // with the camera of the last settled moment and the overview's bitmap is transformed (issue 19).
  const wasLod = useRef(false);
  const cullCamera = useSettledCamera(camera, wasLod.current && camera.zoom < LOD_ZOOM);
  const moving = useCameraMoving(camera);
  const { inView, lod, domIds, ordered, lodItems, navItems } = useMemo(
    () => cull({ camera: cullCamera, size, index, items, editingId, selection }),
    [cullCamera, size, index, items, editingId, selection],
  );
  useEffect(() => {
    wasLod.current = lod;
  }, [lod]);
  // Mount newly visible cards a share per frame; the rest show as placeholders until then.
  const always = useMemo(() => new Set(editingId ? [editingId, ...selection] : selection), [editingId, selection]);
  const { mounted, pending } = useMountBudget(ordered, always);
  const showPreview = preview !== null && preview.length > 0 && items.size === 0;
  // The overview is drawn whole, again each time the camera settles (between steps its bitmap is moved).
  const previewCamera = useSettledCamera(camera, showPreview);
  // The card the keyboard navigator is on while the overview draws cards without DOM.
  const [navId, setNavId] = useState<string | null>(null);

  return (
    <>
    <div
      ref={ref}
      className={`canvas${tool === 'pan' || gestures.spacePan ? ' tool-pan' : ''}`}
      role="region"
      aria-label={t('canvasLabel')}
      tabIndex={-1}
      data-lod={lod ? 'true' : 'false'}
      data-rendered={ordered.length}
      data-mounted={mounted.length}
      data-overview={showPreview ? preview.length : undefined}
      data-in-view={inView.length}
      data-items={items.size}
      onPointerDown={gestures.onPointerDown}
      onPointerMove={(e) => {
        gestures.onPointerMove(e);
        sendPointer(e);
      }}
      onPointerUp={gestures.onPointerUp}
      onPointerCancel={gestures.onPointerUp}
      onPointerLeave={clearPointer}
      onWheel={gestures.onWheel}
    >
      {lod && <LodLayer items={lodItems} camera={camera} width={size.w} height={size.h} margin={LOD_MARGIN * Math.max(size.w, size.h)} highlightId={navId} />}
      {showPreview && <LodLayer items={preview} camera={camera} width={size.w} height={size.h} className="lod-layer overview-preview" drawKey={previewCamera} />}
      {!lod && pending.length > 0 && <LodLayer items={pending} camera={camera} width={size.w} height={size.h} className="lod-layer placeholder-layer" />}
      {lod && <CardNavigator cards={navItems} activeId={navId} onActive={setNavId} />}
      {/* The zoom band (not the zoom itself) is an attribute: frame titles grow when zoomed out, and a band change restyles far less often than every zoom step would. */}
      <div className={moving ? 'world is-moving' : 'world'} data-zoom-band={camera.zoom < 0.45 ? 'far' : camera.zoom < 0.8 ? 'mid' : 'near'} style={{ transform: `translate(${camera.x}px, ${camera.y}px) scale(${camera.zoom})` }}>
        {!lod && <Links links={links} items={items} visible={domIds} />}
        <CardLayer ordered={mounted} items={items} selection={selection} editingId={editingId} users={users} actions={actions} provider={provider} onBodyChange={onBodyChange} />
        <RemoteCursors users={users} camera={camera} width={size.w} height={size.h} />
      </div>
      {band && <div className="rubber-band" style={{ left: band.x, top: band.y, width: band.w, height: band.h }} aria-hidden="true" />}
      {items.size === 0 && !showPreview && <p className="empty-hint">{t('emptyBoard')}</p>}
    </div>
    <FollowBanners follow={follow} />
    <SelectionBar conn={conn} identity={identity} items={items} links={links} />
    <BuildOnPicker notice={buildOnPick.notice} onNotice={buildOnPick.setNotice} />
    <HelpDialog />
    <LiveAnnouncer conn={conn} users={users} />
    </>
  );
}
