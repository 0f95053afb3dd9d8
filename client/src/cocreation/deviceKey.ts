import { randomId } from '../../../shared/ids';

/** Every device key: base64url, long enough to be unguessable (the server and readers accept 16–64). */
const PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const perPage = new Map<string, string>();

/**
 * A random key of this device kept in localStorage under `storageKey`, so a
 * second tab and a reconnect are the same person. When storage is blocked the
 * key lives as long as the page, which still works for this tab.
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
 * secret voter id, and ratings use a key of their own (value/person.ts).
 */
export const personKey = (boardId: string) => deviceKey(`samskab.person.${boardId}`);
