import { useEffect, useRef, type RefObject } from 'react';
import type * as Y from 'yjs';
import { copyItems, deleteItems, duplicateItems, getItem, listItems, moveItems, pasteItems, restack } from '../../../shared/model/board';
import type { Identity } from '../state/identity';
import { useUi } from '../state/ui';
import type { BoardConnection } from '../sync/connection';
import { addCard } from './create';
import { LOCAL_ORIGIN } from './origin';
import type { ItemIndex } from './spatial';
import { undoManagerFor } from './undo';
import { showWhole } from './viewport';
import type { ItemView } from './useBoardData';

/** Copied items live in a standalone doc, so they paste again even after the originals are deleted. */
let clipboard: { doc: Y.Doc; pastes: number } | null = null;

export function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function selectedIds(items: ReadonlyMap<string, ItemView>): string[] {
  return [...useUi.getState().selection].filter((id) => {
    const it = items.get(id);
    return it !== undefined && !('damaged' in it);
  });
}

/**
 * Runs a discrete command as an undo step of its own: it is never merged with
 * the edits just before or after it (the undo manager merges edits 400 ms apart).
 */
export function separateStep<T>(doc: Y.Doc, fn: () => T): T {
  const um = undoManagerFor(doc);
  um.stopCapturing();
  const out = fn();
  um.stopCapturing();
  return out;
}

/** Canvas actions shared by the keyboard shortcuts and the buttons. */
export function canvasCommands(conn: BoardConnection, identity: Identity, items: ReadonlyMap<string, ItemView>) {
  const doc = conn.doc;
  const ui = () => useUi.getState();
  // The selection as the doc has it now: a key pressed right after a paste arrives before
  // React re-renders `items`, and must act on the new cards (a race seen as a lost Ctrl+D).
  const live = () =>
    [...ui().selection].filter((id) => {
      const it = getItem(doc, id);
      return it !== null && !('damaged' in it);
    });
  return {
    undo: () => {
      const um = undoManagerFor(doc);
      um.stopCapturing();
      um.undo();
    },
    redo: () => undoManagerFor(doc).redo(),
    remove: () => {
      const ids = [...ui().selection].filter((id) => getItem(doc, id) !== null);
      if (ids.length === 0) return false;
      separateStep(doc, () => deleteItems(doc, ids, LOCAL_ORIGIN));
      ui().select(null);
      return true;
    },
    copy: () => {
      const ids = live();
      if (ids.length === 0) return false;
      clipboard = { doc: copyItems(doc, ids), pastes: 0 };
      return true;
    },
    paste: () => {
      if (!clipboard) return false;
      clipboard.pastes += 1;
      const off = 24 * clipboard.pastes;
      const clip = clipboard.doc;
      const ids = separateStep(doc, () => pasteItems(doc, clip, off, off, identity, LOCAL_ORIGIN));
      ui().setSelection(ids);
      return true;
    },
    duplicate: () => {
      const ids = live();
      if (ids.length === 0) return false;
      ui().setSelection(separateStep(doc, () => duplicateItems(doc, ids, identity, LOCAL_ORIGIN)));
      return true;
    },
    selectAll: () => {
      ui().setSelection([...items.values()].filter((i) => !('damaged' in i)).map((i) => i.id));
    },
    nudge: (dx: number, dy: number) => {
      // Read positions from the doc: key repeat is faster than the once-per-frame render.
      const moves = live().flatMap((id) => {
        const it = getItem(doc, id);
        return it && !('damaged' in it) ? [{ id, x: it.x + dx, y: it.y + dy }] : [];
      });
      if (moves.length === 0) return false;
      moveItems(doc, moves, LOCAL_ORIGIN);
      return true;
    },
    restack: (where: 'front' | 'back') => {
      const ids = live();
      if (ids.length > 0) separateStep(doc, () => restack(doc, ids, where, LOCAL_ORIGIN));
    },
    newIdea: () => addCard(conn, identity, items, 'idea'),
    zoomToFit: () => {
      // Positions from the doc, like nudge: "fit" pressed right after arrow-key moves must fit where
      // the cards are now, not where the last render saw them (a card left outside the view).
      const rects = listItems(doc).items;
      const sel = live();
      // Into the part of the canvas that the toolbar, the sidebar and the minimap leave free.
      showWhole(sel.length > 0 ? rects.filter((r) => sel.includes(r.id)) : rects);
    },
  };
}

/**
 * Whiteboard shortcuts (the help overlay lists them). They are ignored while
 * typing in a field or a card editor, where the editor's own keys (including
 * its own text undo) apply, and while a modal dialog is open.
 */
export function useCanvasKeys({
  conn,
  identity,
  items,
  canvasRef,
  focusCard,
}: {
  conn: BoardConnection;
  identity: Identity;
  items: ReadonlyMap<string, ItemView>;
  canvasRef: RefObject<HTMLDivElement | null>;
  index: ItemIndex;
  focusCard: (id: string) => void;
}) {
  const latest = useRef({ conn, identity, items });
  useEffect(() => {
    latest.current = { conn, identity, items };
  }, [conn, identity, items]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextField(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const { conn, identity, items } = latest.current;
      const cmd = canvasCommands(conn, identity, items);
      const ui = useUi.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const onButton = e.target instanceof HTMLButtonElement;
      // A card editor is opening (its code may still be loading): letters typed now are
      // meant as text, never as shortcuts.
      if (ui.editingId && !mod && e.key.length === 1) return;
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) cmd.undo();
      else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) cmd.redo();
      else if (mod && key === 'a') cmd.selectAll();
      else if (mod && key === 'c') handled = cmd.copy();
      else if (mod && key === 'x') handled = cmd.copy() && cmd.remove();
      else if (mod && key === 'v') handled = cmd.paste();
      else if (mod && key === 'd') cmd.duplicate();
      else if (mod || e.altKey) handled = false;
      else if (e.key === 'Delete' || e.key === 'Backspace') {
        handled = cmd.remove();
        if (handled) canvasRef.current?.focus();
      } else if (e.key === 'Escape') {
        if (ui.selection.size > 0) ui.select(null);
        ui.setTool('select');
        ui.setFollowing(null);
        canvasRef.current?.focus();
      } else if (e.key === '?') ui.setHelpOpen(true);
      else if (key === 'v' && !onButton) ui.setTool('select');
      else if (key === 'h' && !onButton) ui.setTool('pan');
      else if (key === 'n' && !onButton) cmd.newIdea();
      else if (e.key === ']') cmd.restack('front');
      else if (e.key === '[') cmd.restack('back');
      else if (e.key === '!' || (e.shiftKey && e.code === 'Digit1')) cmd.zoomToFit();
      else if (e.key.startsWith('Arrow') && !onButton) {
        const step = e.shiftKey ? 50 : 10;
        const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
        const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
        handled = cmd.nudge(dx, dy);
      } else handled = false;
      if (handled) e.preventDefault();
      // After a paste or duplicate, keyboard focus follows the new selection.
      if (handled && mod && (key === 'v' || key === 'd')) {
        const primary = useUi.getState().selectedId;
        if (primary) focusCard(primary);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canvasRef, focusCard]);
}
