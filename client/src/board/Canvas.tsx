import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { deleteItem, moveItem, touchItem } from '../../../shared/model/board';
import { readPlainText } from '../../../shared/model/richtext';
import type { BoardLink } from '../../../shared/model/schema';
import { useT } from '../i18n/useT';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { Card, DamagedCard, type CardActions } from './Card';
import { intersects, screenToBoard, visibleRect, zoomAt } from './geometry';
import { Links } from './Links';
import type { PresenceUser } from './presence';
import { RemoteCursors } from './RemoteCursors';
import { RichTextPreview } from './RichTextPreview';
import type { ItemView } from './useBoardData';

// Tiptap is most of the bundle; load it when someone first edits a card.
const CardEditor = lazy(() => import('./CardEditor').then((m) => ({ default: m.CardEditor })));

/** Origin of this person's edits, so later features (per-person undo) can tell them apart. */
export const LOCAL_ORIGIN = { local: true };

const POINTER_INTERVAL_MS = 50;

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
  const selectedId = useUi((s) => s.selectedId);
  const editingId = useUi((s) => s.editingId);
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 1200, h: 800 });
  const pan = useRef<{ px: number; py: number; x: number; y: number } | null>(null);
  const lastPointerSent = useRef(0);
  const { doc, provider } = conn;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Tell others which card I am editing (shown as "Ann is typing" on their screen).
  useEffect(() => {
    provider.awareness.setLocalStateField('editing', editingId);
  }, [provider, editingId]);

  const touchTimer = useRef<number>(0);
  const actions = useMemo<CardActions>(
    () => ({
      select: (id) => useUi.getState().select(id),
      startEdit: (id) => useUi.getState().edit(id),
      stopEdit: (id) => {
        useUi.getState().edit(null);
        useUi.getState().select(id);
        // Keyboard users continue from the card they were editing.
        requestAnimationFrame(() => (ref.current?.querySelector(`[data-item-id="${id}"]`) as HTMLElement | null)?.focus());
      },
      moveTo: (id, x, y) => {
        try {
          moveItem(doc, id, x, y, LOCAL_ORIGIN);
        } catch {
          // The item was deleted by someone else mid-drag; nothing to move.
        }
      },
      remove: (id) => {
        deleteItem(doc, id, LOCAL_ORIGIN);
        useUi.getState().select(null);
        ref.current?.focus();
      },
    }),
    [doc],
  );

  const onBodyChange = useCallback(
    (id: string) => {
      // Body edits go straight into the fragment; bump updatedAt at most once a second.
      window.clearTimeout(touchTimer.current);
      touchTimer.current = window.setTimeout(() => {
        if (doc.getMap('items').has(id)) touchItem(doc, id, LOCAL_ORIGIN);
      }, 1000);
    },
    [doc],
  );

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget && !(e.target as HTMLElement).classList.contains('world')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    pan.current = { px: e.clientX, py: e.clientY, x: camera.x, y: camera.y };
    useUi.getState().select(null);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = pan.current;
    if (p) useUi.getState().setCamera({ ...camera, x: p.x + e.clientX - p.px, y: p.y + e.clientY - p.py });
    const now = performance.now();
    if (now - lastPointerSent.current > POINTER_INTERVAL_MS && ref.current) {
      lastPointerSent.current = now;
      const box = ref.current.getBoundingClientRect();
      const pos = screenToBoard(useUi.getState().camera, e.clientX - box.left, e.clientY - box.top);
      provider.awareness.setLocalStateField('pointer', { x: Math.round(pos.x), y: Math.round(pos.y) });
    }
  };
  const onPointerUp = () => {
    pan.current = null;
  };
  const onPointerLeave = () => provider.awareness.setLocalStateField('pointer', null);
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) {
      // Trackpad pinch arrives as ctrl+wheel.
      const zoom = camera.zoom * Math.exp(-e.deltaY * 0.01);
      useUi.getState().setCamera(zoomAt(camera, e.clientX - box.left, e.clientY - box.top, Math.min(4, Math.max(0.1, zoom))));
    } else {
      useUi.getState().setCamera({ ...camera, x: camera.x - e.deltaX, y: camera.y - e.deltaY });
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

  const view = visibleRect(camera, size.w, size.h);
  const editorsByItem = new Map<string, string[]>();
  for (const u of users) {
    if (u.isSelf || !u.editing) continue;
    editorsByItem.set(u.editing, [...(editorsByItem.get(u.editing) ?? []), u.name]);
  }

  const cards = [];
  for (const item of items.values()) {
    if ('damaged' in item) {
      cards.push(<DamagedCard key={item.id} id={item.id} x={item.x} y={item.y} problems={item.problems} onRemove={actions.remove} />);
      continue;
    }
    const editing = editingId === item.id;
    // Cull off-screen cards, but never the one being edited or focused.
    if (!editing && selectedId !== item.id && !intersects(view, item)) continue;
    let problemTitle: string | null = null;
    if (item.kind === 'perspective') {
      const p = items.get(item.problemId);
      if (p && !('damaged' in p)) problemTitle = readPlainText(p.body).split('\n')[0]?.slice(0, 60) ?? '';
    }
    cards.push(
      <Card
        key={item.id}
        item={item}
        selected={selectedId === item.id}
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
              identity={identity}
              label={t('kind_' + item.kind as 'kind_idea')}
              onExit={() => actions.stopEdit(item.id)}
              onChange={() => onBodyChange(item.id)}
            />
            </Suspense>
          ) : null
        }
      />,
    );
  }

  return (
    <div
      ref={ref}
      className="canvas"
      role="region"
      aria-label={t('canvasLabel')}
      tabIndex={-1}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onPointerLeave={onPointerLeave}
      onWheel={onWheel}
    >
      <div className="world" style={{ transform: `translate(${camera.x}px, ${camera.y}px) scale(${camera.zoom})` }}>
        <Links links={links} items={items} />
        {cards}
        <RemoteCursors users={users} zoom={camera.zoom} />
      </div>
      {items.size === 0 && <p className="empty-hint">{t('emptyBoard')}</p>}
    </div>
  );
}

const NO_EDITORS: string[] = [];
