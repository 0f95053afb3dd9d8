import type { Rect } from './geometry';
import type { PresenceUser } from './presence';

/**
 * At most this many remote pointers are drawn at once: with 1,000 people on a board, drawing
 * every pointer would cost more than a frame and show nothing readable (issue 19). The
 * participant list and the counters still count everyone.
 */
export const CURSOR_CAP = 50;

/**
 * Notes when each remote pointer last moved, for `pickCursors`. Call `seen` with every
 * presence list; people who left are forgotten.
 */
export class PointerActivity {
  private readonly pos = new Map<number, { x: number; y: number }>();
  /** Client id → when its pointer last moved (the caller's clock). */
  readonly movedAt = new Map<number, number>();

  seen(users: readonly PresenceUser[], now: number): void {
    const present = new Set<number>();
    for (const u of users) {
      if (u.isSelf || !u.pointer) continue;
      present.add(u.clientId);
      const prev = this.pos.get(u.clientId);
      if (prev && prev.x === u.pointer.x && prev.y === u.pointer.y) continue;
      this.pos.set(u.clientId, u.pointer);
      this.movedAt.set(u.clientId, now);
    }
    for (const id of this.pos.keys()) {
      if (present.has(id)) continue;
      this.pos.delete(id);
      this.movedAt.delete(id);
    }
  }
}

/**
 * The remote pointers to draw: those inside `view` (board coordinates), the most recently
 * moved first, at most `cap`. Ties keep a stable order (by client id), so a still crowd
 * does not flicker between renders.
 */
export function pickCursors(users: readonly PresenceUser[], view: Rect, movedAt: ReadonlyMap<number, number>, cap = CURSOR_CAP): PresenceUser[] {
  const inView: PresenceUser[] = [];
  for (const u of users) {
    const p = u.pointer;
    if (u.isSelf || !p) continue;
    if (p.x < view.x || p.y < view.y || p.x > view.x + view.w || p.y > view.y + view.h) continue;
    inView.push(u);
  }
  if (inView.length <= cap) return inView;
  inView.sort((a, b) => (movedAt.get(b.clientId) ?? 0) - (movedAt.get(a.clientId) ?? 0) || a.clientId - b.clientId);
  return inView.slice(0, cap);
}
