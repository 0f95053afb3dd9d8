import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import { boardToMarkdown } from '../../shared/export/markdown';
import { ideasToCsv } from '../../shared/export/csv';
import { boardToJson, docFromExport, ImportError } from '../../shared/export/json';
import { boardToSvg } from '../../shared/export/svg';
import { actionsToCsv } from '../../shared/export/actionsCsv';
import { actionsToIcs } from '../../shared/export/ics';
import { CSP, minutesToHtml } from '../../shared/export/minutes/html';
import { projectMinutes } from '../../shared/export/minutes/model';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../shared/export/minutes/time';
import { minutesToDocx } from '../exports/docx';
import { exportView } from '../../shared/cocreation/anonymity';
import { isValidBoardId, newBoardId } from '../../shared/ids';
import { getItem, itemsInFrame, readMeta } from '../../shared/model/board';
import { isDamaged } from '../../shared/model/validate';
import { credentialsFromHeaders, sendDenied } from '../access/http';
import { linksOf, type AccessService } from '../access/service';
import { MAX_SNAPSHOT_NAME, type Snapshots } from './service';
import type { SnapshotMeta } from './types';
import { HttpError, readJson } from '../http/body';
import { sendJson } from '../http/respond';

export interface SnapshotsDeps {
  snapshots: Snapshots;
  access: AccessService;
  ip: string;
  /** Largest import file accepted. */
  maxImportBytes: number;
}

const EXPORT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  'actions.csv': 'text/csv; charset=utf-8',
} as const;
type ExportFormat = keyof typeof EXPORT_TYPES;
/** The file part of an export route: export.md … export.actions.csv. */
const EXPORT_FILE = 'export\\.(md|json|csv|svg|docx|html|ics|actions\\.csv)';

function sendText(res: ServerResponse, status: number, type: string, body: string | Buffer, filename?: string, extra: Record<string, string> = {}): void {
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  };
  if (filename) headers['Content-Disposition'] = `attachment; filename="${filename}"`;
  res.writeHead(status, headers);
  res.end(body);
}

/** `?tz=Europe/Copenhagen`: the time zone the minutes' times and "late" are read in. */
function timeZoneOf(url: URL): string {
  const tz = url.searchParams.get('tz');
  if (tz === null || tz === '') return DEFAULT_TIME_ZONE;
  if (!isTimeZone(tz)) throw new HttpError(400, 'tz must be an IANA time zone such as "Europe/Copenhagen"');
  return tz;
}

function fileStem(doc: Y.Doc, fallback: string): string {
  const title = readMeta(doc).title.normalize('NFKD').replace(/[^\w -]/g, '').trim().replace(/\s+/g, '-').slice(0, 60);
  return title || fallback;
}

/** `?frame=<id>`: only that frame and what lies inside it (image exports). */
function frameFilter(doc: Y.Doc, url: URL): Set<string> | undefined {
  const frameId = url.searchParams.get('frame');
  if (frameId === null) return undefined;
  const frame = getItem(doc, frameId);
  if (!frame || isDamaged(frame) || frame.kind !== 'frame') throw new HttpError(404, 'no such frame on this board');
  return new Set([frameId, ...itemsInFrame(doc, frameId)]);
}

async function exportDoc(res: ServerResponse, boardId: string, board: Y.Doc, format: ExportFormat, lang: 'da' | 'en', stem: string, download: boolean, url: URL, hiddenNow = false): Promise<void> {
  const name = download ? (format === 'actions.csv' ? `${stem}-actions.csv` : `${stem}.${format}`) : undefined;
  const timeZone = timeZoneOf(url);
  // While names are hidden, every export is made from a copy without them (shared/cocreation/anonymity.ts).
  const { doc } = exportView(board, hiddenNow);
  const now = new Date();
  switch (format) {
    case 'md':
      return sendText(res, 200, EXPORT_TYPES.md, boardToMarkdown(doc, lang, now, { timeZone }), name);
    case 'csv':
      return sendText(res, 200, EXPORT_TYPES.csv, ideasToCsv(doc, lang), name);
    case 'json':
      return sendText(res, 200, EXPORT_TYPES.json, JSON.stringify(boardToJson(doc), null, 2), name);
    case 'svg': {
      const only = frameFilter(doc, url);
      return sendText(res, 200, EXPORT_TYPES.svg, boardToSvg(doc, only ? { only } : {}), name);
    }
    case 'docx':
      return sendText(res, 200, EXPORT_TYPES.docx, await minutesToDocx(projectMinutes(doc, lang, now, { timeZone }), lang), name);
    case 'html':
      // No script, no outside resources: the page may only use its own inline style.
      return sendText(res, 200, EXPORT_TYPES.html, minutesToHtml(projectMinutes(doc, lang, now, { timeZone })), name, {
        'Content-Security-Policy': CSP,
      });
    case 'ics':
      return sendText(res, 200, EXPORT_TYPES.ics, actionsToIcs(projectMinutes(doc, lang, now, { timeZone }), boardId, now), name);
    case 'actions.csv':
      return sendText(res, 200, EXPORT_TYPES['actions.csv'], actionsToCsv(projectMinutes(doc, lang, now, { timeZone })), name);
  }
}

function langOf(url: URL): 'da' | 'en' {
  const lang = url.searchParams.get('lang') ?? 'en';
  if (lang !== 'da' && lang !== 'en') throw new HttpError(400, 'lang must be "da" or "en"');
  return lang;
}

/**
 * Snapshots, restore, exports, import and deletion (docs/api.md). Returns
 * false when the path is not one of these routes.
 */
export async function handleSnapshotsApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: SnapshotsDeps): Promise<boolean> {
  const { snapshots, access } = deps;
  const method = req.method ?? 'GET';
  const path = url.pathname;

  if (path === '/api/boards/import') {
    if (method !== 'POST') throw new HttpError(405, 'use POST to import a board');
    let doc: Y.Doc;
    try {
      doc = docFromExport(await readJson(req, deps.maxImportBytes));
    } catch (err) {
      if (err instanceof ImportError) throw new HttpError(422, err.message);
      throw err;
    }
    const id = newBoardId();
    // Access record first, then the content: never a stored board without its links.
    const record = await access.create(id);
    await snapshots.createFrom(id, doc);
    const title = readMeta(doc).title;
    doc.destroy();
    const links = linksOf(record);
    sendJson(res, 201, { id, title, path: links.editor, links, editorKey: record.editorToken, observerKey: record.observerToken });
    return true;
  }

  const m = /^\/api\/boards\/([^/]+)(\/.*)?$/.exec(path);
  if (!m) return false;
  const boardId = m[1] as string;
  const rest = m[2] ?? '';
  const routes = new RegExp(`^(/snapshots(/[^/]+(/(${EXPORT_FILE}|thumbnail\\.svg))?)?|/${EXPORT_FILE}|/overview|/restore/[^/]+|/trash|/recover)?$`);
  if (!routes.test(rest)) return false;
  if (rest === '' && method !== 'DELETE') return false;
  if (!isValidBoardId(boardId)) throw new HttpError(400, 'invalid board id');

  const decision = await access.check(boardId, credentialsFromHeaders(req), deps.ip);
  if (!decision.ok) {
    sendDenied(res, decision);
    return true;
  }
  const editor = decision.mode === 'editor';
  const needEditor = () => {
    if (!editor) throw new HttpError(403, 'the observer link can view and export, not change the board');
  };
  if (!(await snapshots.exists(boardId))) throw new HttpError(404, 'no such board');

  // GET /api/boards/<id>/trash: whether it is in the trash, until when, and how long the trash keeps boards.
  const trash = await snapshots.trashEntry(boardId);
  if (rest === '/trash' && method === 'GET') {
    sendJson(res, 200, trash ? { trashed: true, trashedAt: trash.trashedAt, purgeAt: trash.purgeAt, trashDays: snapshots.trashDays } : { trashed: false, trashDays: snapshots.trashDays });
    return true;
  }
  // POST /api/boards/<id>/recover (editor): out of the trash, exactly as it was.
  if (rest === '/recover' && method === 'POST') {
    needEditor();
    if (!(await snapshots.recover(boardId))) throw new HttpError(409, 'the board is not in the trash');
    sendJson(res, 200, { recovered: boardId });
    return true;
  }
  if (rest === '/trash' || rest === '/recover') throw new HttpError(405, `method ${method} not allowed on ${rest}`);
  // In the trash, the board cannot be opened, changed, deleted again or exported; only recovered.
  if (trash) {
    // An observer link is refused a change as on any board; only then is the trash the answer.
    if (method !== 'GET') needEditor();
    sendJson(res, 410, { error: 'the board is in the trash; an editor can recover it until it is erased', trashed: true, purgeAt: trash.purgeAt });
    return true;
  }

  // DELETE /api/boards/<id>  {"confirm": "<board id>"}
  if (rest === '') {
    needEditor();
    const body = (await readJson(req)) as { confirm?: unknown };
    if (body?.confirm !== boardId) {
      throw new HttpError(400, 'to delete a board, send {"confirm": "<the board id>"}');
    }
    // To the trash (or erased at once with TRASH_DAYS=0; the access record then goes with it).
    sendJson(res, 200, await snapshots.remove(boardId));
    return true;
  }

  if (rest === '/snapshots') {
    if (method === 'GET') {
      const list = await snapshots.list(boardId);
      // While names are hidden, who took a snapshot is not shown either (those taken meanwhile are signed with a role).
      const byPerson = (m: SnapshotMeta) => m.kind === 'manual' || m.kind === 'before-restore';
      const hidden = list.some(byPerson) && (await snapshots.namesHiddenNow(boardId));
      sendJson(res, 200, { snapshots: hidden ? list.map((m) => (byPerson(m) ? { ...m, takenBy: '' } : m)) : list });
      return true;
    }
    if (method === 'POST') {
      needEditor();
      const body = (await readJson(req)) as { name?: unknown; takenBy?: unknown };
      const name = typeof body?.name === 'string' ? body.name.trim() : '';
      if (name === '' || name.length > MAX_SNAPSHOT_NAME) {
        throw new HttpError(400, `name is required: a string of 1–${MAX_SNAPSHOT_NAME} characters`);
      }
      const takenBy = typeof body.takenBy === 'string' && body.takenBy.trim() ? body.takenBy.trim().slice(0, 80) : 'Unknown';
      sendJson(res, 201, await snapshots.take(boardId, name, takenBy));
      return true;
    }
    throw new HttpError(405, 'use GET or POST');
  }

  const restore = /^\/restore\/([^/]+)$/.exec(rest);
  if (restore) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to restore');
    needEditor();
    const body = (await readJson(req)) as { by?: unknown };
    const by = typeof body?.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : 'Unknown';
    const result = await snapshots.restore(boardId, restore[1] as string, by);
    if (!result) throw new HttpError(404, 'no such snapshot');
    sendJson(res, 200, result);
    return true;
  }

  if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'use GET');
  // GET /api/boards/<id>/overview: every card's box and colour, the first view of a big board (shared/model/overview.ts).
  if (rest === '/overview') {
    sendJson(res, 200, await snapshots.overview(boardId));
    return true;
  }
  const lang = langOf(url);
  const download = url.searchParams.get('download') === '1';
  const live = new RegExp(`^/${EXPORT_FILE}$`).exec(rest);
  if (live) {
    const doc = await snapshots.currentDoc(boardId);
    try {
      await exportDoc(res, boardId, doc, live[1] as ExportFormat, lang, fileStem(doc, 'samskab-board'), download, url);
    } finally {
      doc.destroy();
    }
    return true;
  }
  const snap = new RegExp(`^/snapshots/([^/]+)(?:/(${EXPORT_FILE}|thumbnail\\.svg))?$`).exec(rest);
  if (snap) {
    const found = await snapshots.snapshotDoc(boardId, snap[1] as string);
    if (!found) throw new HttpError(404, 'no such snapshot');
    try {
      if (snap[2] === undefined) sendJson(res, 200, found.meta);
      else if (snap[2] === 'thumbnail.svg') sendText(res, 200, EXPORT_TYPES.svg, boardToSvg(found.doc, { text: false, width: 320 }));
      // Names hidden on the board now: also gone from its older snapshots' exports.
      else await exportDoc(res, boardId, found.doc, snap[3] as ExportFormat, lang, `${fileStem(found.doc, 'samskab-board')}-snapshot`, download, url, await snapshots.namesHiddenNow(boardId));
    } finally {
      found.doc.destroy();
    }
    return true;
  }
  return false;
}
