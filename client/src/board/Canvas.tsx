import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type WheelEvent } from 'react';
import { adoptItem, deleteItems, itemsInFrame, moveItems, touchItem, updateItem } from '../../../shared/model/board';
import { readPlainText } from '../../../shared/model/richtext';
import { writePresenceField } from '../../../shared/presence';
import type { BoardItem, BoardLink } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { Card, DamagedCard, type CardActions } from './Card';
import { screenToBoard, visibleRect, zoomAt, type Rect } from './geometry';
import { HelpDialog } from './HelpDialog';
import { separateStep, useCanvasKeys } from './keys';
import { SelectionBar } from './SelectionBar';
import { Links } from './Links';
import { LodLayer } from './LodLayer';
import { LOCAL_ORIGIN } from './origin';
import type { PresenceUser } from './presence';
import { restoreAfterEditing } from './readableZoom';
import { RemoteCursors } from './RemoteCursors';
import { buildOn } from './buildOn';
import { BuildOnPicker } from './BuildOnPicker';
import { RichTextPreview } from './RichTextPreview';
import { ItemIndex } from './spatial';
import { undoManagerFor } from './undo';
import type { ItemView } from './useBoardData';

// Tiptap is most of the bundle: not in the first paint, but fetched as soon as the board is
// open (see the preload below), so a card can still be edited after the network drops.
const loadCardEditor = () => import('./CardEditor');
const CardEditor = lazy(() => loadCardEditor().then((m) => ({ default: m.CardEditor })));

export { LOCAL_ORIGIN } from './origin';

/** "Last edited" bumps after typing: not an undo step of their own. */
const TOUCH_ORIGIN = { touch: true };

const POINTER_INTERVAL_MS = 50;
export const GRID = 20;
/** Below this zoom, and with many cards in view, cards are drawn on a 2D canvas instead of as DOM. */
export const LOD_ZOOM = 0.35;
const LOD_MIN_COUNT = 300;
const DRAG_THRESHOLD = 3;

type Gesture =
  | { kind: 'pan'; px: number; py: number; x: number; y: number }
  | { kind: 'band'; sx: number; sy: number; additive: boolean }
  | { kind: 'pinch' };

interface Drag {
  ids: string[];
  starts: Map<string, { x: number; y: number }>;
  els: Map<string, HTMLElement>;
  px: number;
  py: number;
  dx: number;
  dy: number;
  moved: boolean;
  frame: number;
}

export function Canvas({
  conn,
  items,
  links,
  users,
  identity,
}: {
  conn: BoardConnection;
  items: ReadonlyMap<string, ItemView>;
  links: BoardLink[];
  users: PresenceUser[];
  identity: Identity;
}) {
  const t = useT();
  const camera = useUi((s) => s.camera);
  const selection = useUi((s) => s.selection);
  const editingId = useUi((s) => s.editingId);
  const tool = useUi((s) => s.tool);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 1200, h: 800 });
  const gesture = useRef<Gesture | null>(null);
  const touches = useRef(new Map<number, { x: number; y: number }>());
  const pinchStart = useRef<{ dist: number; mid: { x: number; y: number }; camera: typeof camera } | null>(null);
  const [band, setBand] = useState<Rect | null>(null);
  const lastPointerSent = useRef(0);
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

  // Fetch the editor while online: offline, a lazy chunk that was never loaded cannot be.
  useEffect(() => {
    const id = window.setTimeout(() => void loadCardEditor().catch(() => undefined), 200);
    return () => window.clearTimeout(id);
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      setSize({ w: el.clientWidth, h: el.clientHeight });
      useUi.getState().setViewport(el.clientWidth, el.clientHeight);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Tell others which card I am editing (shown as "Ann is typing" on their screen).
  useEffect(() => {
    writePresenceField(provider.awareness, 'editing', editingId);
    // A new card was brought into a readable zoom for typing; typing is over.
    if (editingId === null) restoreAfterEditing();
  }, [provider, editingId]);

  const focusCard = useCallback((id: string) => {
    requestAnimationFrame(() => (ref.current?.querySelector(`[data-item-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus());
  }, []);

  const dragRef = useRef<Drag | null>(null);

  const [buildOnNotice, setBuildOnNotice] = useState<string | null>(null);
  const pickBuildOn = useCallback(
    (toId: string) => {
      const ui = useUi.getState();
      const fromId = ui.buildOnFrom;
      if (!fromId) return;
      const result = buildOn(doc, itemsRef.current, fromId, toId);
      if (result === 'not-idea') {
        setBuildOnNotice(t('buildOnNotIdea'));
        return;
      }
      if (result === 'same') return;
      ui.setBuildOnFrom(null);
      ui.select(fromId);
      const target = itemsRef.current.get(toId);
      const title = target && !('damaged' in target) ? readPlainText(target.body).split('\n')[0]?.slice(0, 60) : '';
      setBuildOnNotice(`${t('buildOnDone')} »${title ?? ''}«`);
      focusCard(fromId);
    },
    [doc, t, focusCard],
  );

  const actions = useMemo<CardActions>(() => {
    const flush = (d: Drag) => {
      d.frame = 0;
      const moves = d.ids.map((id) => {
        const s = d.starts.get(id) as { x: number; y: number };
        return { id, x: Math.round(s.x + d.dx), y: Math.round(s.y + d.dy) };
      });
      try {
        moveItems(doc, moves.filter((m) => doc.getMap('items').has(m.id)), LOCAL_ORIGIN);
      } catch {
        // An item was deleted by someone else mid-drag; nothing to move.
      }
    };
    return {
      pointerDown: (id, e) => {
        if (e.button !== 0) return;
        const ui = useUi.getState();
        if (ui.buildOnFrom) {
          // Picking the idea to build on: this press picks, it does not select or drag.
          e.preventDefault();
          pickBuildOn(id);
          return;
        }
        if (e.shiftKey || e.metaKey || e.ctrlKey) {
          // No mousedown follows, so focusing the card cannot re-select what shift-click removed.
          e.preventDefault();
          ui.toggleSelect(id);
          return;
        }
        if (!ui.selection.has(id)) ui.select(id);
        const ids = [...useUi.getState().selection];
        // Moving a frame moves the items inside it.
        for (const sid of [...ids]) {
          const it = itemsRef.current.get(sid);
          if (it && !('damaged' in it) && it.kind === 'frame') for (const inner of itemsInFrame(doc, sid)) if (!ids.includes(inner)) ids.push(inner);
        }
        const starts = new Map<string, { x: number; y: number }>();
        const els = new Map<string, HTMLElement>();
        for (const sid of ids) {
          const it = itemsRef.current.get(sid);
          if (!it || 'damaged' in it) continue;
          starts.set(sid, { x: it.x, y: it.y });
          const el = ref.current?.querySelector(`[data-item-id="${CSS.escape(sid)}"]`);
          if (el instanceof HTMLElement) els.set(sid, el);
        }
        const primary = starts.get(id) ?? { x: 0, y: 0 };
        const d: Drag = { ids: [...starts.keys()], starts, els, px: e.clientX, py: e.clientY, dx: 0, dy: 0, moved: false, frame: 0 };
        dragRef.current = d;
        const onMove = (ev: PointerEvent) => {
          const zoom = useUi.getState().camera.zoom;
          let dx = (ev.clientX - d.px) / zoom;
          let dy = (ev.clientY - d.py) / zoom;
          if (!d.moved && Math.hypot(ev.clientX - d.px, ev.clientY - d.py) < DRAG_THRESHOLD) return;
          if (!d.moved) undoManagerFor(doc).stopCapturing();
          d.moved = true;
          if (useUi.getState().snap) {
            dx = Math.round((primary.x + dx) / GRID) * GRID - primary.x;
            dy = Math.round((primary.y + dy) / GRID) * GRID - primary.y;
          }
          d.dx = dx;
          d.dy = dy;
          // The DOM follows the pointer at once; Yjs (and so everyone else) at most once per frame.
          for (const [sid, el] of d.els) {
            const s = d.starts.get(sid) as { x: number; y: number };
            el.style.transform = `translate(${Math.round(s.x + dx)}px, ${Math.round(s.y + dy)}px)`;
          }
          if (!d.frame) d.frame = requestAnimationFrame(() => flush(d));
        };
        const onUp = () => {
          window.removeEventListener('pointermove', onMove);
          window.removeEventListener('pointerup', onUp);
          window.removeEventListener('pointercancel', onUp);
          if (d.frame) cancelAnimationFrame(d.frame);
          if (d.moved) {
            flush(d);
            undoManagerFor(doc).stopCapturing();
          } else if (useUi.getState().selection.size > 1) {
            // A plain click (no drag) on a card of a multi-selection selects just that card.
            useUi.getState().select(id);
          }
          dragRef.current = null;
        };
        window.addEventListener('pointermove', onMove);
        window.addEventListener('pointerup', onUp);
        window.addEventListener('pointercancel', onUp);
      },
      resizeStart: (id, e) => {
        e.stopPropagation();
        const it = itemsRef.current.get(id);
        if (!it || 'damaged' in it) return;
        const start = { px: e.clientX, py: e.clientY, w: it.w, h: it.h };
        let frame = 0;
        let next = { w: it.w, h: it.h };
        undoManagerFor(doc).stopCapturing();
        const write = () => {
          frame = 0;
          try {
            updateItem(doc, id, next, LOCAL_ORIGIN);
          } catch {
            // deleted meanwhile
          }
        };
        const onMove = (ev: PointerEvent) => {
          const zoom = useUi.getState().camera.zoom;
          let w = start.w + (ev.clientX - start.px) / zoom;
          let h = start.h + (ev.clientY - start.py) / zoom;
          if (useUi.getState().snap) {
            w = Math.round(w / GRID) * GRID;
            h = Math.round(h / GRID) * GRID;
          }
          next = { w: Math.round(Math.min(4000, Math.max(80, w))), h: Math.round(Math.min(4000, Math.max(60, h))) };
          if (!frame) frame = requestAnimationFrame(write);
        };
        const onUp = () => {
          window.removeEventListener('pointermove', onMove);
          window.removeEventListener('pointerup', onUp);
          if (frame) cancelAnimationFrame(frame);
          write();
          undoManagerFor(doc).stopCapturing();
        };
        window.addEventListener('pointermove', onMove);
        window.addEventListener('pointerup', onUp);
      },
      focus: (id) => {
        const ui = useUi.getState();
        if (!ui.selection.has(id)) ui.select(id);
      },
      startEdit: (id) => {
        // Enter on a card while picking the idea to build on picks it (keyboard path).
        if (useUi.getState().buildOnFrom) pickBuildOn(id);
        else useUi.getState().edit(id);
      },
      stopEdit: (id) => {
        useUi.getState().edit(null);
        useUi.getState().select(id);
        // Keyboard users continue from the card they were editing.
        focusCard(id);
      },
      remove: (id) => {
        const sel = useUi.getState().selection;
        separateStep(doc, () => deleteItems(doc, sel.has(id) ? [...sel] : [id], LOCAL_ORIGIN));
        useUi.getState().select(null);
        ref.current?.focus();
      },
    };
  }, [doc, focusCard, pickBuildOn]);

  useCanvasKeys({ conn, identity, items, canvasRef: ref, index, focusCard });

  const touchTimer = useRef<number>(0);
  const onBodyChange = useCallback(
    (id: string) => {
      // Rewriting a template's example makes it mine (shared/model/starter.ts); part of the same undo step.
      const it = itemsRef.current.get(id);
      if (it && !('damaged' in it) && it.template) adoptItem(doc, id, identity, LOCAL_ORIGIN);
      // Body edits go straight into the fragment; bump updatedAt at most once a second.
      window.clearTimeout(touchTimer.current);
      touchTimer.current = window.setTimeout(() => {
        if (doc.getMap('items').has(id)) touchItem(doc, id, TOUCH_ORIGIN);
      }, 1000);
    },
    [doc, identity],
  );

  const boxOf = (e: { clientX: number; clientY: number }) => {
    const box = ref.current?.getBoundingClientRect();
    return { x: e.clientX - (box?.left ?? 0), y: e.clientY - (box?.top ?? 0) };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target !== e.currentTarget && !target.classList.contains('world') && !target.classList.contains('lod-layer')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const ui = useUi.getState();
    ui.setFollowing(null);
    // A press on empty board ends a "builds on" pick without linking.
    if (ui.buildOnFrom) ui.setBuildOnFrom(null);
    if (e.pointerType === 'touch') {
      touches.current.set(e.pointerId, boxOf(e));
      if (touches.current.size === 2) {
        const [a, b] = [...touches.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
        pinchStart.current = { dist: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, camera: ui.camera };
        gesture.current = { kind: 'pinch' };
        return;
      }
    }
    const pan = e.pointerType === 'touch' || ui.tool === 'pan' || e.button === 1 || spaceDown.current;
    if (pan) {
      gesture.current = { kind: 'pan', px: e.clientX, py: e.clientY, x: ui.camera.x, y: ui.camera.y };
      return;
    }
    if (e.button !== 0) return;
    const p = boxOf(e);
    const additive = e.shiftKey || e.metaKey || e.ctrlKey;
    gesture.current = { kind: 'band', sx: p.x, sy: p.y, additive };
    if (!additive) ui.select(null);
    ref.current?.focus({ preventScroll: true });
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (g?.kind === 'pinch' && touches.current.has(e.pointerId)) {
      touches.current.set(e.pointerId, boxOf(e));
      const start = pinchStart.current;
      if (start && touches.current.size >= 2) {
        const [a, b] = [...touches.current.values()] as [{ x: number; y: number }, { x: number; y: number }];
        const dist = Math.hypot(a.x - b.x, a.y - b.y) || 1;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const p = screenToBoard(start.camera, start.mid.x, start.mid.y);
        const zoom = Math.min(4, Math.max(0.1, (start.camera.zoom * dist) / start.dist));
        useUi.getState().setCamera({ zoom, x: mid.x - p.x * zoom, y: mid.y - p.y * zoom });
      }
    } else if (g?.kind === 'pan') {
      useUi.getState().setCamera({ ...useUi.getState().camera, x: g.x + e.clientX - g.px, y: g.y + e.clientY - g.py });
    } else if (g?.kind === 'band') {
      const p = boxOf(e);
      setBand({ x: Math.min(g.sx, p.x), y: Math.min(g.sy, p.y), w: Math.abs(p.x - g.sx), h: Math.abs(p.y - g.sy) });
    }
    const now = performance.now();
    if (now - lastPointerSent.current > POINTER_INTERVAL_MS && ref.current) {
      lastPointerSent.current = now;
      const box = ref.current.getBoundingClientRect();
      const pos = screenToBoard(useUi.getState().camera, e.clientX - box.left, e.clientY - box.top);
      writePresenceField(provider.awareness, 'pointer', { x: Math.round(pos.x), y: Math.round(pos.y) });
    }
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    touches.current.delete(e.pointerId);
    const g = gesture.current;
    if (g?.kind === 'pinch') {
      if (touches.current.size < 2) {
        pinchStart.current = null;
        gesture.current = null;
      }
      return;
    }
    gesture.current = null;
    if (g?.kind === 'band' && band && band.w + band.h > 4) {
      const cam = useUi.getState().camera;
      const tl = screenToBoard(cam, band.x, band.y);
      const rect = { x: tl.x, y: tl.y, w: band.w / cam.zoom, h: band.h / cam.zoom };
      const hits = index.grid.query(rect).filter((id) => {
        const it = items.get(id);
        return it !== undefined && !('damaged' in it);
      });
      const ui = useUi.getState();
      ui.setSelection(g.additive ? [...ui.selection, ...hits] : hits);
    }
    setBand(null);
  };
  const onPointerLeave = () => writePresenceField(provider.awareness, 'pointer', null);
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const ui = useUi.getState();
    const cam = ui.camera;
    ui.setFollowing(null);
    if (e.ctrlKey || e.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel.
      const zoom = cam.zoom * Math.exp(-e.deltaY * 0.01);
      ui.setCamera(zoomAt(cam, e.clientX - box.left, e.clientY - box.top, Math.min(4, Math.max(0.1, zoom))));
    } else {
      ui.setCamera({ ...cam, x: cam.x - e.deltaX, y: cam.y - e.deltaY });
    }
  };

  // Native listener: React's wheel listener is passive, so it cannot stop the page from zooming.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const stop = (e: globalThis.WheelEvent) => e.preventDefault();
    el.addEventListener('wheel', stop, { passive: false });
    return () => el.removeEventListener('wheel', stop);
  }, []);

  // Space held = temporary pan tool (as in Miro, Figma, tldraw).
  const spaceDown = useRef(false);
  const [spacePan, setSpacePan] = useState(false);
  useEffect(() => {
    const isField = (el: EventTarget | null) =>
      el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName));
    const down = (e: KeyboardEvent) => {
      if (e.code !== 'Space' || isField(e.target) || e.repeat) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      spaceDown.current = true;
      setSpacePan(true);
    };
    const up = (e: KeyboardEvent) => {
      if (e.code !== 'Space') return;
      spaceDown.current = false;
      setSpacePan(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  // Follow mode: my view (centre and zoom) goes into awareness, at most every 100 ms.
  const viewTimer = useRef(0);
  useEffect(() => {
    if (viewTimer.current) return;
    viewTimer.current = window.setTimeout(() => {
      viewTimer.current = 0;
      const cam = useUi.getState().camera;
      const c = screenToBoard(cam, size.w / 2, size.h / 2);
      writePresenceField(provider.awareness, 'view', { cx: Math.round(c.x), cy: Math.round(c.y), zoom: Math.round(cam.zoom * 1000) / 1000 });
    }, 100);
  }, [camera, size, provider]);
  useEffect(() => () => window.clearTimeout(viewTimer.current), []);

  // Following someone: my camera shows their view until I pan, zoom or press Escape.
  const following = useUi((s) => s.following);
  const followed = following === null ? null : (users.find((u) => u.clientId === following) ?? null);
  const followedView = followed?.view;
  useEffect(() => {
    if (following === null) return;
    if (!followed) {
      useUi.getState().setFollowing(null);
      return;
    }
    if (followedView) {
      const { cx, cy, zoom } = followedView;
      useUi.getState().setCamera({ zoom, x: size.w / 2 - cx * zoom, y: size.h / 2 - cy * zoom });
    }
  }, [following, followed, followedView, size]);

  // "Bring everyone to me" is a request: the others see it and choose.
  useEffect(() => {
    useUi.setState({
      summonMine: () => {
        const cam = useUi.getState().camera;
        const c = screenToBoard(cam, size.w / 2, size.h / 2);
        writePresenceField(provider.awareness, 'summon', { seq: Date.now(), cx: Math.round(c.x), cy: Math.round(c.y), zoom: cam.zoom });
        setSummonSent(true);
        window.setTimeout(() => setSummonSent(false), 4000);
      },
    });
  }, [provider, size]);
  const [summonSent, setSummonSent] = useState(false);
  const [answered, setAnswered] = useState<ReadonlySet<string>>(() => new Set());
  const request = users.find((u) => !u.isSelf && u.summon && !answered.has(`${u.clientId}:${u.summon.seq}`));
  const answer = (accept: boolean) => {
    if (!request?.summon) return;
    const key = `${request.clientId}:${request.summon.seq}`;
    setAnswered((prev) => new Set([...prev, key]));
    if (accept) {
      const { cx, cy, zoom } = request.summon;
      useUi.getState().setFollowing(null);
      useUi.getState().setCamera({ zoom, x: size.w / 2 - cx * zoom, y: size.h / 2 - cy * zoom });
    }
  };

  // Culling: ask the spatial index what is in view (never a scan of every card).
  const view = visibleRect(camera, size.w, size.h);
  const inView = index.grid.query(view);
  const lod = camera.zoom < LOD_ZOOM && inView.length > LOD_MIN_COUNT;
  const domIds = new Set<string>(lod ? [] : inView);
  // The card being edited and selected cards always stay mounted (focus, editor, drag).
  if (editingId && items.has(editingId)) domIds.add(editingId);
  if (selection.size <= 200) for (const id of selection) if (items.has(id)) domIds.add(id);

  const editorsByItem = new Map<string, string[]>();
  for (const u of users) {
    if (u.isSelf || !u.editing) continue;
    editorsByItem.set(u.editing, [...(editorsByItem.get(u.editing) ?? []), u.name]);
  }

  // Reading order (top to bottom, left to right) keeps Tab order stable while panning.
  const ordered: ItemView[] = [];
  for (const id of domIds) {
    const it = items.get(id);
    if (it) ordered.push(it);
  }
  ordered.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1));

  const cards = ordered.map((item) => {
    if ('damaged' in item) {
      return <DamagedCard key={item.id} id={item.id} x={item.x} y={item.y} problems={item.problems} onRemove={actions.remove} />;
    }
    const editing = editingId === item.id;
    let problemTitle: string | null = null;
    if (item.kind === 'perspective') {
      const p = items.get(item.problemId);
      if (p && !('damaged' in p)) problemTitle = readPlainText(p.body).split('\n')[0]?.slice(0, 60) ?? '';
    }
    return (
      <Card
        key={item.id}
        item={item}
        selected={selection.has(item.id)}
        single={selection.size === 1}
        editing={editing}
        editors={editorsByItem.get(item.id) ?? NO_EDITORS}
        problemTitle={problemTitle}
        actions={actions}
        editor={
          editing ? (
            <Suspense fallback={<RichTextPreview fragment={item.body} placeholder="" />}>
              <CardEditor
                fragment={item.body}
                provider={provider}
                label={t(('kind_' + item.kind) as 'kind_idea')}
                onExit={() => actions.stopEdit(item.id)}
                onChange={() => onBodyChange(item.id)}
              />
            </Suspense>
          ) : null
        }
      />
    );
  });

  const lodItems: BoardItem[] = [];
  if (lod) {
    for (const id of inView) {
      const it = items.get(id);
      if (it && !('damaged' in it) && !domIds.has(id)) lodItems.push(it);
    }
  }

  return (
    <>
    <div
      ref={ref}
      className={`canvas${tool === 'pan' || spacePan ? ' tool-pan' : ''}`}
      role="region"
      aria-label={t('canvasLabel')}
      tabIndex={-1}
      data-lod={lod ? 'true' : 'false'}
      data-rendered={ordered.length}
      data-in-view={inView.length}
      data-items={items.size}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onPointerLeave={onPointerLeave}
      onWheel={onWheel}
    >
      {lod && <LodLayer items={lodItems} camera={camera} width={size.w} height={size.h} />}
      {/* The zoom band (not the zoom itself) is an attribute: frame titles grow when zoomed out, and a band change restyles far less often than every zoom step would. */}
      <div className="world" data-zoom-band={camera.zoom < 0.45 ? 'far' : camera.zoom < 0.8 ? 'mid' : 'near'} style={{ transform: `translate(${camera.x}px, ${camera.y}px) scale(${camera.zoom})` }}>
        {!lod && <Links links={links} items={items} visible={domIds} />}
        {cards}
        <RemoteCursors users={users} zoom={camera.zoom} />
      </div>
      {band && <div className="rubber-band" style={{ left: band.x, top: band.y, width: band.w, height: band.h }} aria-hidden="true" />}
      {items.size === 0 && <p className="empty-hint">{t('emptyBoard')}</p>}
    </div>
    {followed && (
      <div className="follow-banner" role="status">
        <span>{t('followingName', { name: followed.name })}</span>
        <button type="button" onClick={() => useUi.getState().setFollowing(null)}>
          {t('stopFollowing')}
        </button>
      </div>
    )}
    {!followed && summonSent && (
      <div className="follow-banner" role="status">
        {t('summonSent')}
      </div>
    )}
    {request && (
      <div className="summon-banner" role="alertdialog" aria-labelledby="summon-text">
        <span id="summon-text">{t('summonAsk', { name: request.name })}</span>
        <button type="button" onClick={() => answer(true)}>
          {t('summonAccept')}
        </button>
        <button type="button" onClick={() => answer(false)}>
          {t('summonDecline')}
        </button>
      </div>
    )}
    <SelectionBar conn={conn} identity={identity} items={items} links={links} />
    <BuildOnPicker notice={buildOnNotice} onNotice={setBuildOnNotice} />
    <HelpDialog />
    </>
  );
}

const NO_EDITORS: string[] = [];
