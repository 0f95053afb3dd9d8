import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { EXPORTED_MAPS, ROOT_MAPS } from '../doc/registry';
import { listItems, listLinks, readMeta } from '../model/board';
import { readPlainText } from '../model/richtext';
import { SCHEMA_VERSION } from '../model/schema';

export const EXPORT_FORMAT = 'samskab.board';
export const EXPORT_VERSION = 1;

/**
 * Lossless export: the full Yjs state (base64) is what an import restores;
 * the readable part is there for people and other tools: `content` holds
 * every exported root map of the registry (shared/doc/registry.ts) as its
 * reader sees it, so a new tool's data is in the export without touching
 * this file; `items` and `links` stay as they were for existing consumers.
 */
export interface BoardExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  title: string;
  state: string;
  items: Array<{ id: string; kind: string; x: number; y: number; w: number; h: number; role: string; author: string; text: string; template?: boolean }>;
  links: Array<{ id: string; kind: string; from: string; to: string; label: string }>;
  /** Root map key → its content as plain data (cards, links, comments, ratings, goals, evaluation, agenda…). */
  content: Record<string, unknown>;
}

export function boardToJson(doc: Y.Doc, now = new Date()): BoardExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: readMeta(doc).schemaVersion || SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    title: readMeta(doc).title,
    state: toBase64(Y.encodeStateAsUpdate(doc)),
    items: listItems(doc).items.map((i) => ({
      id: i.id,
      kind: i.kind,
      x: i.x,
      y: i.y,
      w: i.w,
      h: i.h,
      role: i.role,
      author: i.authorName,
      text: readPlainText(i.body),
      // Starter content of a template: no author (shared/model/starter.ts).
      ...(i.template ? { template: true } : {}),
    })),
    links: listLinks(doc),
    content: Object.fromEntries(EXPORTED_MAPS.map((m) => [m.key, m.read(doc)])),
  };
}

export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * Reads an export back into a fresh document. Anything that is not a Samskab
 * export, or whose state does not decode, is refused with a clear message and
 * nothing is created.
 */
export function docFromExport(value: unknown): Y.Doc {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportError('the file is not a JSON object');
  const v = value as Partial<BoardExport>;
  if (v.format !== EXPORT_FORMAT) throw new ImportError(`not a Samskab board export (expected "format": "${EXPORT_FORMAT}")`);
  if (typeof v.version !== 'number' || v.version > EXPORT_VERSION) {
    throw new ImportError(`export version ${String(v.version)} is not supported (this server reads up to ${EXPORT_VERSION})`);
  }
  if (typeof v.schemaVersion === 'number' && v.schemaVersion > SCHEMA_VERSION) {
    throw new ImportError(`the board uses schema ${v.schemaVersion}, newer than this server's ${SCHEMA_VERSION}`);
  }
  if (typeof v.state !== 'string' || v.state.length === 0) throw new ImportError('the export has no board state');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(v.state);
    // Decode fully before applying, so a damaged state cannot half-apply.
    Y.decodeUpdate(bytes);
  } catch {
    throw new ImportError('the board state in the file is damaged and cannot be read');
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
  } catch {
    doc.destroy();
    throw new ImportError('the board state in the file is damaged and cannot be read');
  }
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
    doc.destroy();
    throw new ImportError('the board state in the file is incomplete');
  }
  if (typeof doc.getMap('meta').get('schemaVersion') !== 'number') {
    doc.destroy();
    throw new ImportError('the file holds no Samskab board');
  }
  // Every part of the board is read once, as the app will read it, before anything is created.
  for (const spec of ROOT_MAPS) {
    try {
      spec.read(doc);
    } catch {
      doc.destroy();
      throw new ImportError(`the ${spec.key} part of the board (${spec.what}) cannot be read`);
    }
  }
  return doc;
}
