import { useEffect } from 'react';
import { PRESENTER, writeUser } from '../../../shared/presence';
import { roleInfo } from '../../../shared/roles';
import type { BoardConnection } from '../sync/connection';

/**
 * The presenter view is on the board (others may see that a screen follows
 * along) but is never a participant: it publishes `editor: false` and the
 * presenter kind, and no person key, so consent, "done" counts and the
 * participation numbers never count it.
 */
export function usePresenterPresence(conn: BoardConnection | null, name: string): void {
  useEffect(() => {
    if (!conn) return;
    writeUser(conn.provider.awareness, { name, role: 'other', roleText: '', color: roleInfo('other').color, ...PRESENTER });
  }, [conn, name]);
}
