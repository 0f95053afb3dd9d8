import type { CreateBoardRequest, CreatedBoard } from '../../../shared/http/contract';
import { API_BASE, requestJson } from '../http/json';

/** Creates a board; answers its editor link (/b/<id>?k=…, docs/access.md). */
export async function createBoard(body: CreateBoardRequest): Promise<string> {
  return (await requestJson<CreatedBoard>(`${API_BASE}/boards`, { method: 'POST', json: body })).path;
}

/** A new board from a file of `export.json`; its editor link is `path`. */
export async function importBoard(file: File): Promise<CreatedBoard> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    throw new Error('not a JSON file');
  }
  return requestJson<CreatedBoard>(`${API_BASE}/boards/import`, { method: 'POST', json });
}
