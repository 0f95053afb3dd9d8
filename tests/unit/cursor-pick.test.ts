import { describe, expect, it } from 'vitest';
import { CURSOR_CAP, PointerActivity, pickCursors } from '../../client/src/board/cursorPick';
import type { PresenceUser } from '../../client/src/board/presence';

const user = (clientId: number, x: number, y: number, isSelf = false) => ({ clientId, name: `u${clientId}`, pointer: { x, y }, isSelf }) as unknown as PresenceUser;
const view = { x: 0, y: 0, w: 1000, h: 1000 };

describe('pickCursors (issue 19: 1,000 cursors drawn gracefully)', () => {
  it('draws at most the cap, only pointers in view, never my own', () => {
    const crowd = Array.from({ length: 1000 }, (_, i) => user(i + 1, (i * 37) % 2000, (i * 53) % 1000));
    crowd.push(user(9999, 10, 10, true));
    const shown = pickCursors(crowd, view, new Map());
    expect(shown.length).toBe(CURSOR_CAP);
    expect(CURSOR_CAP).toBeLessThanOrEqual(100);
    for (const u of shown) {
      expect(u.isSelf).toBe(false);
      expect(u.pointer && u.pointer.x <= 1000).toBe(true);
    }
    // Few people: everyone in view is drawn.
    expect(pickCursors([user(1, 5, 5), user(2, 5000, 5), user(3, 6, 6, true)], view, new Map()).map((u) => u.clientId)).toEqual([1]);
  });

  it('the most recently moved come first', () => {
    const activity = new PointerActivity();
    const crowd = Array.from({ length: 200 }, (_, i) => user(i + 1, i, i));
    activity.seen(crowd, 0);
    // Ten people move later.
    const movers = new Set([150, 151, 152, 153, 154, 155, 156, 157, 158, 159]);
    const later = crowd.map((u) => (movers.has(u.clientId) ? user(u.clientId, u.clientId + 1, 3) : u));
    activity.seen(later, 1000);
    const shown = pickCursors(later, view, activity.movedAt, 10);
    expect(shown.map((u) => u.clientId).sort((a, b) => a - b)).toEqual([...movers]);
    // People who left are forgotten.
    activity.seen(later.slice(0, 5), 2000);
    expect(activity.movedAt.size).toBe(5);
  });
});
