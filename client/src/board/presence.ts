import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isRoleId, roleInfo, type RoleId } from '../../../shared/roles';

/**
 * Presence lives in awareness, never in the document. Remote states are
 * untrusted: they are read through this parser.
 */
export interface PresenceView {
  cx: number;
  cy: number;
  zoom: number;
}

function readView(v: unknown): PresenceView | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const ok = (n: unknown, lim: number): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= lim;
  if (!ok(o.cx, 1e7) || !ok(o.cy, 1e7) || !ok(o.zoom, 4) || o.zoom < 0.1) return null;
  return { cx: o.cx, cy: o.cy, zoom: o.zoom };
}

export interface PresenceUser {
  clientId: number;
  name: string;
  role: RoleId;
  roleText: string;
  color: string;
  /** Pointer position in board coordinates, if on the canvas. */
  pointer: { x: number; y: number } | null;
  /** Id of the card the person is editing. */
  editing: string | null;
  /** Centre of the person's view (board coordinates) and zoom, for follow mode. */
  view: PresenceView | null;
  /** A "come to my view" request: shown to the others, who may accept or decline. */
  summon: (PresenceView & { seq: number }) | null;
  isSelf: boolean;
  /** Public per-device person key (several tabs of one person share it), or null from clients without one. */
  person: string | null;
  /** False for observers (read-only links): they are not asked for consent. */
  canEdit: boolean;
}

function readUser(clientId: number, state: Record<string, unknown>, self: number): PresenceUser | null {
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.name !== 'string' || !isRoleId(user.role)) return null;
  const p = state.pointer as Record<string, unknown> | null | undefined;
  const pointer =
    p && typeof p.x === 'number' && typeof p.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y)
      ? { x: p.x, y: p.y }
      : null;
  const editing = typeof state.editing === 'string' ? state.editing : null;
  const view = readView(state.view);
  const rawSummon = state.summon as Record<string, unknown> | null | undefined;
  const summonView = readView(rawSummon);
  const summon =
    summonView && rawSummon && typeof rawSummon.seq === 'number' && Number.isFinite(rawSummon.seq) ? { ...summonView, seq: rawSummon.seq } : null;
  return {
    clientId,
    name: user.name.slice(0, 80),
    role: user.role,
    roleText: typeof user.roleText === 'string' ? user.roleText.slice(0, 60) : '',
    color: roleInfo(user.role).color,
    pointer,
    editing,
    view,
    summon,
    isSelf: clientId === self,
    person: typeof user.person === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(user.person) ? user.person : null,
    canEdit: user.editor !== false,
  };
}

export function usePresence(awareness: Awareness | null): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!awareness) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const out: PresenceUser[] = [];
      awareness.getStates().forEach((state, id) => {
        const u = readUser(id, state, awareness.clientID);
        if (u) out.push(u);
      });
      out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setUsers(out);
    };
    // Pointer moves arrive often; render them at most once per frame.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    awareness.on('change', schedule);
    return () => {
      awareness.off('change', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [awareness]);
  return users;
}
