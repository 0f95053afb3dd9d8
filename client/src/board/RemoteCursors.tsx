import { memo } from 'react';
import { roleLabel } from '../../../shared/roles';
import { useUi } from '../state/ui';
import type { PresenceUser } from './presence';

/** Other people's pointers, drawn in board space so they stay on the right spot while panning. */
export const RemoteCursors = memo(function RemoteCursors({ users, zoom }: { users: PresenceUser[]; zoom: number }) {
  const lang = useUi((s) => s.lang);
  return (
    <>
      {users.map((u) =>
        u.isSelf || !u.pointer ? null : (
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
        ),
      )}
    </>
  );
});
