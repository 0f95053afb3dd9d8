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

interface UiState {
  lang: Lang;
  identity: Identity | null;
  camera: Camera;
  selectedId: string | null;
  editingId: string | null;
  setLang(lang: Lang): void;
  setIdentity(identity: Identity): void;
  setCamera(camera: Camera): void;
  select(id: string | null): void;
  edit(id: string | null): void;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

export const useUi = create<UiState>((set) => ({
  lang: detectLang(),
  identity: loadIdentity(),
  camera: { x: 0, y: 0, zoom: 1 },
  selectedId: null,
  editingId: null,
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
  select(id) {
    set((s) => ({ selectedId: id, editingId: s.editingId === id ? s.editingId : null }));
  },
  edit(id) {
    set((s) => ({ editingId: id, selectedId: id ?? s.selectedId }));
  },
}));
