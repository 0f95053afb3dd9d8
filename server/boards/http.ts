import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { newBoardId } from '../../shared/ids';
import { MAX_TITLE_LENGTH } from '../../shared/model/schema';
import { buildFromTemplate, isTemplateId, TEMPLATE_IDS } from '../../shared/templates';
import type { BoardStore } from '../storage/types';
import { linksOf, type AccessService } from '../access/service';
import type { CreateBoardRequest } from '../../shared/http/contract';
import { HttpError, readJson } from '../http/body';
import { sendJson } from '../http/respond';


function parseCreateBoard(body: unknown): CreateBoardRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'body must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  const title = b.title ?? '';
  if (typeof title !== 'string' || title.length > MAX_TITLE_LENGTH) {
    throw new HttpError(400, `title must be a string of at most ${MAX_TITLE_LENGTH} characters`);
  }
  const template = b.template ?? 'blank';
  if (!isTemplateId(template)) throw new HttpError(400, `template must be one of: ${TEMPLATE_IDS.join(', ')}`);
  const lang = b.lang ?? 'en';
  if (lang !== 'da' && lang !== 'en') throw new HttpError(400, 'lang must be "da" or "en"');
  return { title, template, lang };
}

/** POST /api/boards — a new board with an unguessable id, stored before we answer. */
export async function createBoard(req: IncomingMessage, res: ServerResponse, store: BoardStore, access?: AccessService): Promise<void> {
  const input = parseCreateBoard(await readJson(req));
  const doc = new Y.Doc();
  // A title given in the request replaces the template's own (shared/templates).
  buildFromTemplate(doc, input.template, input.lang, { title: input.title });
  const id = newBoardId();
  // The access record first: a stored board is never reachable without its links.
  const record = access ? await access.create(id) : null;
  await store.append(id, [Y.encodeStateAsUpdate(doc)]);
  doc.destroy();
  if (!record) return sendJson(res, 201, { id, path: `/b/${id}` });
  const links = linksOf(record);
  // `path` is the editor link; see docs/access.md.
  sendJson(res, 201, { id, path: links.editor, links, editorKey: record.editorToken, observerKey: record.observerToken });
}
