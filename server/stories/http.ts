import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localDay } from '../../shared/cocreation/actions';
import { namesHidden } from '../../shared/cocreation/names';
import { projectStory, STORY_VERSION, withoutStoryNames, type PublishedStory, type StoryContent, type StoryState } from '../../shared/export/story';
import { storyGoneHtml, storyHtml, storyMissingHtml } from '../../shared/export/storyHtml';
import { isValidBoardId } from '../../shared/ids';
import { credentialsFromHeaders, sendDenied } from '../access/http';
import type { AccessService } from '../access/service';
import { HttpError, readJson } from '../http/body';
import { sendJson } from '../http/respond';
import type { Snapshots } from '../snapshots/service';
import { BoardRefusedError } from '../sync/admission';
import type { StoryRecord, StoryStore } from './types';

export interface StoriesDeps {
  stories: StoryStore;
  snapshots: Snapshots;
  access: AccessService;
  ip: string;
}

/** 24 random bytes: 192 bits, 32 base64url characters. */
export const newStoryToken = (): string => randomBytes(24).toString('base64url');
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
export const storyPath = (token: string) => `/story/${token}`;

/**
 * The public page: only this page's own inline CSS may load (no script, no
 * image, no form, no frame). Indexing is allowed — a story is meant to be
 * shared; a withdrawn or unknown one says noindex, and 410 tells crawlers it is gone.
 */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sendPage(req: IncomingMessage, res: ServerResponse, status: number, html: string): void {
  const headers: Record<string, string | number> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PAGE_CSP,
  };
  if (status !== 200) headers['X-Robots-Tag'] = 'noindex';
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** GET /story/<token>: the published story, read from the store on every request (a withdrawal is immediate). */
export async function handleStoryPage(req: IncomingMessage, res: ServerResponse, url: URL, deps: Pick<StoriesDeps, 'stories' | 'snapshots'>): Promise<boolean> {
  const m = /^\/story\/([^/]*)$/.exec(url.pathname);
  if (!m) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'a story is read with GET');
  const token = m[1] as string;
  const record = TOKEN_PATTERN.test(token) ? await deps.stories.byToken(token) : null;
  if (!record) {
    sendPage(req, res, 404, storyMissingHtml());
    return true;
  }
  if (record.withdrawnAt !== null) {
    sendPage(req, res, 410, storyGoneHtml(record.lang));
    return true;
  }
  // A board in the trash or erased has no public story either (erasure also deletes the row).
  try {
    await deps.snapshots.refuseErased(record.boardId);
  } catch (err) {
    if (!(err instanceof BoardRefusedError)) throw err;
    sendPage(req, res, 410, storyGoneHtml(record.lang));
    return true;
  }
  const stored = readContent(record);
  if (!stored) throw new Error('a stored story could not be read');
  // Names shown at publishing, hidden on the board since: hidden on the page too, at once.
  const content = stored.names && (await deps.snapshots.namesHiddenNow(record.boardId)) ? withoutStoryNames(stored) : stored;
  sendPage(req, res, 200, storyHtml(content, { publishedAt: record.publishedAt, updatedAt: record.updatedAt }));
  return true;
}

function readContent(record: StoryRecord): StoryContent | null {
  try {
    const c = JSON.parse(record.content) as StoryContent;
    return c && c.v === STORY_VERSION ? c : null;
  } catch {
    return null;
  }
}

function stateOf(r: StoryRecord | null): StoryState {
  if (!r) return { published: false };
  if (r.withdrawnAt !== null) return { published: false, withdrawnAt: r.withdrawnAt };
  return { published: true, url: storyPath(r.token), lang: r.lang, names: r.names, publishedAt: r.publishedAt, updatedAt: r.updatedAt };
}

function readPublishBody(body: unknown): { lang: 'da' | 'en'; names: boolean } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'send {"lang": "da" | "en", "names"?: boolean}');
  const { lang, names } = body as { lang?: unknown; names?: unknown };
  if (lang !== 'da' && lang !== 'en') throw new HttpError(400, 'lang must be "da" or "en": the language the story is written in');
  if (names !== undefined && typeof names !== 'boolean') throw new HttpError(400, 'names must be true or false');
  return { lang, names: names === true };
}

/**
 * /api/boards/<id>/story (docs/api.md): GET where the story stands (editors
 * and observers), POST publish or update it (editors), DELETE withdraw it
 * (editors). False when the path is not this route.
 */
export async function handleStoriesApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: StoriesDeps): Promise<boolean> {
  const m = /^\/api\/boards\/([^/]+)\/story$/.exec(url.pathname);
  if (!m) return false;
  const boardId = m[1] as string;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST' && method !== 'DELETE') throw new HttpError(405, 'use GET, POST or DELETE');
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');
  const decision = await deps.access.check(boardId, credentialsFromHeaders(req), deps.ip);
  if (!decision.ok) {
    sendDenied(res, decision);
    return true;
  }
  if (method !== 'GET' && decision.mode !== 'editor') throw new HttpError(403, 'the observer link can read the story, not publish or withdraw it');
  const { snapshots, stories } = deps;
  if (!(await snapshots.exists(boardId))) throw new HttpError(404, 'no such board');
  if (await snapshots.trashEntry(boardId)) throw new HttpError(410, 'the board is in the trash; an editor can recover it until it is erased');

  if (method === 'GET') {
    sendJson(res, 200, stateOf(await stories.latest(boardId)));
    return true;
  }
  if (method === 'DELETE') {
    const now = Date.now();
    if (!(await stories.withdraw(boardId, now))) throw new HttpError(404, 'this board has no published story');
    sendJson(res, 200, { withdrawn: true, withdrawnAt: now });
    return true;
  }

  const input = readPublishBody(await readJson(req));
  const doc = await snapshots.currentDoc(boardId);
  let content: StoryContent;
  try {
    if (input.names && namesHidden(doc)) throw new HttpError(422, 'this board hides participant names, so its story cannot show them; publish without names, or show names on the board first');
    content = projectStory(doc, input.lang, { names: input.names, today: localDay() });
  } finally {
    doc.destroy();
  }
  const newToken = newStoryToken();
  const r = await stories.publish({ boardId, lang: input.lang, names: input.names, content: JSON.stringify(content), now: Date.now(), newToken });
  const answer: PublishedStory = { url: storyPath(r.token), token: r.token, publishedAt: r.publishedAt, updatedAt: r.updatedAt };
  sendJson(res, r.token === newToken ? 201 : 200, answer);
  return true;
}
