import * as Y from 'yjs';
import { randomId } from '../ids';
import { isRoleId, type RoleId } from '../roles';
import { isRecord, isTime } from '../doc/readers';
import { publicName } from './names';

/**
 * Comments on cards (docs/cocreation.md): a discussion next to a card that
 * does not change the card's text. They live in the root map `comments`
 * with one flat key per comment, `<itemId>|<commentId>`, so two people
 * commenting at once never collide. Every participant may delete any comment
 * (equal rights); the equal-voice meter counts them per role.
 */
export const COMMENTS_KEY = 'comments';
export const MAX_COMMENT_LENGTH = 2000;
const MAX_NAME = 80;

export interface BoardComment {
  /** The map key, `<itemId>|<commentId>`. */
  key: string;
  itemId: string;
  text: string;
  name: string;
  role: RoleId;
  roleText: string;
  at: number;
}

export class CommentError extends Error {
  override name = 'CommentError';
}

export const commentsMap = (doc: Y.Doc) => doc.getMap<unknown>(COMMENTS_KEY);

/** Adds a comment to an item; refuses empty or over-long text (nothing is written). Returns the key. */
export function addComment(
  doc: Y.Doc,
  itemId: string,
  author: { name: string; role: RoleId; roleText?: string },
  text: string,
  origin?: unknown,
  now = Date.now(),
): string {
  if (typeof text !== 'string') throw new CommentError('a comment is text');
  if (typeof author?.name !== 'string' || !isRoleId(author.role)) throw new CommentError('a comment needs an author name and a known role');
  const clean = text.trim();
  if (clean === '') throw new CommentError('a comment needs some text');
  if (clean.length > MAX_COMMENT_LENGTH) throw new CommentError(`a comment can be at most ${MAX_COMMENT_LENGTH} characters`);
  if (!itemId || itemId.includes('|')) throw new CommentError('invalid item id');
  const key = `${itemId}|${randomId(10)}`;
  doc.transact(() => {
    commentsMap(doc).set(key, { text: clean, name: publicName(doc, author.name).slice(0, MAX_NAME), role: author.role, roleText: (author.roleText ?? '').slice(0, 60), at: now });
  }, origin);
  return key;
}

export function deleteComment(doc: Y.Doc, key: string, origin?: unknown): void {
  if (!commentsMap(doc).has(key)) return;
  doc.transact(() => commentsMap(doc).delete(key), origin);
}

/** Reads one stored comment; null when malformed (remote data is untrusted). */
export function readComment(key: string, v: unknown): BoardComment | null {
  const bar = key.indexOf('|');
  if (bar <= 0 || bar === key.length - 1) return null;
  if (!isRecord(v)) return null;
  const o = v;
  if (typeof o.text !== 'string' || o.text.length === 0 || o.text.length > MAX_COMMENT_LENGTH) return null;
  if (typeof o.name !== 'string' || !isRoleId(o.role)) return null;
  if (!isTime(o.at)) return null;
  return {
    key,
    itemId: key.slice(0, bar),
    text: o.text,
    name: o.name.slice(0, MAX_NAME),
    role: o.role,
    roleText: typeof o.roleText === 'string' ? o.roleText.slice(0, 60) : '',
    at: o.at,
  };
}

/** Comments per item, oldest first; comments on items that no longer exist are left out. */
export function readComments(doc: Y.Doc, liveItems: ReadonlySet<string>): Map<string, BoardComment[]> {
  const out = new Map<string, BoardComment[]>();
  commentsMap(doc).forEach((v, key) => {
    const c = readComment(key, v);
    if (!c || !liveItems.has(c.itemId)) return;
    const list = out.get(c.itemId);
    if (list) list.push(c);
    else out.set(c.itemId, [c]);
  });
  for (const list of out.values()) list.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  return out;
}

/** Comments per role of their author (on live items), for the equal-voice meter. */
export function commentsByRole(comments: ReadonlyMap<string, readonly BoardComment[]>): Partial<Record<RoleId, number>> {
  const out: Partial<Record<RoleId, number>> = {};
  for (const list of comments.values()) for (const c of list) out[c.role] = (out[c.role] ?? 0) + 1;
  return out;
}

/** Removes the commenters' names (the role stays), for an anonymous export; run on a copy. */
export function stripCommentNames(doc: Y.Doc): void {
  doc.transact(() => {
    commentsMap(doc).forEach((v, key) => {
      if (isRecord(v) && typeof v.name === 'string' && v.name !== '') commentsMap(doc).set(key, { ...v, name: '' });
    });
  });
}
