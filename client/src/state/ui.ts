import { create } from 'zustand';
import { detectLang, type Lang } from '../i18n/strings';
import { loadIdentity, saveIdentity, type Identity } from './identity';

/**
 * UI state only (language, who I am, camera, selection). Board content never
 * lives here: it lives in the Y.Doc and is read through hooks.
 */
export interface Camera {
  /** Screen offset of the board origin, in CSS pixels. */
  x: number;
  y: number;
  zoom: number;
}

export type Tool = 'select' | 'pan';

export interface Viewport {
  w: number;
  h: number;
}

/** The canvas size assumed before the canvas has measured itself. */
export const DEFAULT_VIEWPORT: Viewport = { w: 1200, h: 800 };

const NO_SELECTION: ReadonlySet<string> = new Set();

interface UiState {
  lang: Lang;
  identity: Identity | null;
  camera: Camera;
  /**
   * Size of the canvas element in CSS pixels, kept by the canvas (a ResizeObserver), so
   * nobody measures the DOM again for it. Null while no canvas is mounted.
   */
  viewport: Viewport | null;
  /**
   * While a new card is typed at a readable zoom: the camera to go back to
   * afterwards, and the one set for typing (a person who moved meanwhile keeps their view).
   */
  editReturn: { before: Camera; set: Camera } | null;
  /** "Builds on …" is choosing its target: the idea that will build on the next idea picked. */
  buildOnFrom: string | null;
  /** The primary selected item (the last one clicked or focused), or null. */
  selectedId: string | null;
  /** Every selected item, including the primary one. */
  selection: ReadonlySet<string>;
  editingId: string | null;
  tool: Tool;
  snap: boolean;
  helpOpen: boolean;
  /** Awareness client id of the person whose view I follow, or null. */
  following: number | null;
  setLang(lang: Lang): void;
  setIdentity(identity: Identity): void;
  setCamera(camera: Camera): void;
  setViewport(viewport: Viewport | null): void;
  setEditReturn(r: { before: Camera; set: Camera } | null): void;
  setBuildOnFrom(id: string | null): void;
  /** Selects exactly this item (or nothing). */
  select(id: string | null): void;
  /** Shift-click: adds or removes one item. */
  toggleSelect(id: string): void;
  /** Replaces the selection (rubber band, select all, paste). */
  setSelection(ids: Iterable<string>, primary?: string | null): void;
  edit(id: string | null): void;
  setTool(tool: Tool): void;
  setSnap(snap: boolean): void;
  setHelpOpen(open: boolean): void;
  setFollowing(clientId: number | null): void;
  /** Sends "come to my view" to everyone (set by the canvas, which knows the view). */
  summonMine(): void;
}

import { MAX_ZOOM, MIN_ZOOM } from './zoomLimits';

export { MAX_ZOOM, MIN_ZOOM };

export const useUi = create<UiState>((set) => ({
  lang: detectLang(),
  identity: loadIdentity(),
  camera: { x: 0, y: 0, zoom: 1 },
  viewport: null,
  editReturn: null,
  buildOnFrom: null,
  selectedId: null,
  selection: NO_SELECTION,
  editingId: null,
  tool: 'select',
  snap: false,
  helpOpen: false,
  following: null,
  summonMine() {},
  setLang(lang) {
    localStorage.setItem('samskab.lang', lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
  setIdentity(identity) {
    saveIdentity(identity);
    set({ identity });
  },
  setCamera(camera) {
    set({ camera: { ...camera, zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, camera.zoom)) } });
  },
  setViewport(viewport) {
    const v = useUi.getState().viewport;
    if (v === null || viewport === null ? v !== viewport : v.w !== viewport.w || v.h !== viewport.h) set({ viewport });
  },
  setEditReturn(editReturn) {
    set({ editReturn });
  },
  setBuildOnFrom(buildOnFrom) {
    set({ buildOnFrom });
  },
  select(id) {
    set((s) => ({
      selectedId: id,
      selection: id === null ? NO_SELECTION : s.selection.size === 1 && s.selection.has(id) ? s.selection : new Set([id]),
      editingId: s.editingId === id ? s.editingId : null,
    }));
  },
  toggleSelect(id) {
    set((s) => {
      const next = new Set(s.selection);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      const primary = next.has(id) ? id : ([...next].pop() ?? null);
      return { selection: next, selectedId: primary, editingId: null };
    });
  },
  setSelection(ids, primary) {
    const next = new Set(ids);
    const p = primary !== undefined ? primary : ([...next].pop() ?? null);
    set({ selection: next.size === 0 ? NO_SELECTION : next, selectedId: p, editingId: null });
  },
  edit(id) {
    set((s) => ({
      editingId: id,
      selectedId: id ?? s.selectedId,
      selection: id === null ? s.selection : s.selection.size === 1 && s.selection.has(id) ? s.selection : new Set([id]),
    }));
  },
  setTool(tool) {
    set({ tool });
  },
  setSnap(snap) {
    set({ snap });
  },
  setHelpOpen(helpOpen) {
    set({ helpOpen });
  },
  setFollowing(following) {
    if (useUi.getState().following !== following) set({ following });
  },
}));
