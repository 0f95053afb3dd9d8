import { randomId } from '../../../shared/ids';

/** Every device key: base64url, long enough to be unguessable (the server and readers accept 16–64). */
const PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const perPage = new Map<string, string>();

/**
 * A random key of this device kept in localStorage under `storageKey`, so a
 * second tab and a reconnect are the same person. When storage is blocked the
 * key lives as long as the page, which still works for this tab.
 * (A kit module, so both the method tools and the phone view use the same keys.)
 */
export function deviceKey(storageKey: string): string {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && PATTERN.test(stored)) return stored;
    const id = randomId(24);
    localStorage.setItem(storageKey, id);
    return id;
  } catch {
    let id = perPage.get(storageKey);
    if (!id) perPage.set(storageKey, (id = randomId(24)));
    return id;
  }
}

/**
 * This device's *public* person key on a board (presence, goals entry,
 * ready/done marks). It is meant to be seen by everyone, so it is never the
 * secret voter id, and ratings use a key of their own (valuePersonKey).
 */
export const personKey = (boardId: string) => deviceKey(`samskab.person.${boardId}`);

/**
 * This device's public rating key for a board, so a second tab and a
 * reconnect replace the same rating. It is written into the document (key
 * `<ideaId>|<personKey>`), so it is a key of its own: not the secret voter id,
 * and not the person key shown in presence, so ratings stay unlinked to names.
 */
export const valuePersonKey = (boardId: string) => deviceKey(`samskab.valuer.${boardId}`);

/**
 * This device's voter id for a board: random, kept in localStorage, so a
 * second tab and a reconnect vote as the same person (the server allows one
 * set of dots per voter id). It is never put in the document or in presence.
 */
export const voterId = (boardId: string): string => deviceKey(`samskab.voter.${boardId}`);
