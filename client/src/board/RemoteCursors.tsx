import { memo, useState } from 'react';
import { roleLabel } from '../../../shared/roles';
import { useUi, type Camera } from '../state/ui';
import { PointerActivity, pickCursors } from './cursorPick';
import { visibleRect } from './geometry';
import type { PresenceUser } from './presence';

/**
 * Other people's pointers, drawn in board space so they stay on the right spot while panning.
 * Only those in view are drawn, and of those at most CURSOR_CAP, the most recently moved
 * first (pickCursors): a crowd of 1,000 costs a bounded number of DOM nodes.
 */
export const RemoteCursors = memo(function RemoteCursors({ users, camera, width, height }: { users: PresenceUser[]; camera: Camera; width: number; height: number }) {
  const lang = useUi((s) => s.lang);
  const [activity] = useState(() => new PointerActivity());
  activity.seen(users, performance.now());
  const shown = pickCursors(users, visibleRect(camera, width, height, 40), activity.movedAt);
  const zoom = camera.zoom;
  return (
    <>
      {shown.map((u) =>
        u.pointer ? (
          <div
            key={u.clientId}
            className="remote-cursor"
            data-cursor-name={u.name}
            style={{ transform: `translate(${u.pointer.x}px, ${u.pointer.y}px) scale(${1 / zoom})` }}
            aria-hidden="true"
          >
            <svg width="18" height="22" viewBox="0 0 18 22">
              <path d="M1 1 L1 17 L5.5 13 L9 21 L12 19.5 L8.6 12 L15 12 Z" fill={u.color} stroke="#1b2530" strokeWidth="1.5" />
            </svg>
            <span className="remote-cursor-label" style={{ background: u.color }}>
              {u.name}
              {/* The role in words, not only the cursor's colour (issue 17); a hidden name already shows as the role. */}
              {u.name !== roleLabel(u.role, lang, u.roleText) && <span className="remote-cursor-role"> · {roleLabel(u.role, lang, u.roleText)}</span>}
            </span>
          </div>
        ) : null,
      )}
    </>
  );
});
