import { deviceKey } from '../deviceKey';

/**
 * This device's public rating key for a board, so a second tab and a
 * reconnect replace the same rating. It is written into the document (key
 * `<ideaId>|<personKey>`), so it is a key of its own: not the secret voter id,
 * and not the person key shown in presence, so ratings stay unlinked to names.
 */
export const valuePersonKey = (boardId: string) => deviceKey(`samskab.valuer.${boardId}`);
