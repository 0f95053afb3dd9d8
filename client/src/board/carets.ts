import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { isRoleId, roleLabel } from '../../../shared/roles';
import { useUi } from '../state/ui';

/**
 * Other people's carets and selections inside a card. Tiptap's
 * CollaborationCaret also *writes* the awareness `user` field with only
 * {name, color}, which dropped the person key and editor flag that consent
 * counts people by (issue 13). This extension only reads presence: the
 * `user` field has one writer (shared/presence.ts `writeUser`). The caret
 * position itself is y-prosemirror's own `cursor` field.
 */
export const PresenceCarets = Extension.create<{ awareness: Awareness | null }>({
  name: 'presenceCarets',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const { awareness } = this.options;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: (user: { name?: unknown; role?: unknown; color?: unknown }) => caret(user),
        selectionBuilder: (user: { color?: unknown }) => ({ style: `background-color: ${safeColor(user.color)}40`, class: 'ProseMirror-yjs-selection' }),
      }),
    ];
  },
});

/** Remote input: only a hex colour is ever put into a style attribute. */
function safeColor(c: unknown): string {
  return typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#888888';
}

/** The caret's label: the name, or the role while names are hidden (presence then carries no name). */
function labelOf(user: { name?: unknown; role?: unknown }): string {
  if (typeof user.name === 'string' && user.name) return user.name.slice(0, 80);
  return isRoleId(user.role) ? roleLabel(user.role, useUi.getState().lang) : '';
}

function caret(user: { name?: unknown; role?: unknown; color?: unknown }): HTMLElement {
  const color = safeColor(user.color);
  const el = document.createElement('span');
  el.classList.add('collaboration-carets__caret');
  el.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = labelOf(user);
  el.append(label);
  return el;
}
