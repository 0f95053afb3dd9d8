import type {
  DeleteBoardRequest,
  DeleteBoardResponse,
  ExportFormat,
  RestoreRequest,
  RestoreResponse,
  SnapshotList,
  SnapshotMeta,
  TakeSnapshotRequest,
  TrashState,
} from '../../../shared/http/contract';
import { credentialsOf, type LinkParams as Params } from '../http/credentials';
import { boardUrl, request, requestBlob, requestJson } from '../http/json';

/* The outcomes routes of a board (docs/api.md: snapshots, exports, trash); `params` carry the link's credentials. */

export type { ExportFormat, SnapshotMeta, TrashState };

export async function listSnapshots(boardId: string, params?: Params): Promise<SnapshotMeta[]> {
  return (await requestJson<SnapshotList>(boardUrl(boardId, '/snapshots'), { credentials: credentialsOf(params) })).snapshots;
}

export const takeSnapshot = (boardId: string, name: string, takenBy: string, params?: Params) =>
  requestJson<SnapshotMeta>(boardUrl(boardId, '/snapshots'), { method: 'POST', credentials: credentialsOf(params), json: { name, takenBy } satisfies TakeSnapshotRequest });

export const restoreSnapshot = (boardId: string, snapshotId: string, by: string, params?: Params) =>
  requestJson<RestoreResponse>(boardUrl(boardId, `/restore/${encodeURIComponent(snapshotId)}`), {
    method: 'POST',
    credentials: credentialsOf(params),
    json: { by } satisfies RestoreRequest,
  });

/** Every file the server makes of a board: the board's own formats, and the minutes and action plan's (issue 16). */
export type FileFormat = ExportFormat | 'docx' | 'html' | 'ics' | 'actions.csv';

/** The person's own time zone: the minutes' times and what is late are read in it. */
function timeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || '';
  } catch {
    return '';
  }
}

/** An export of the live board (snapshotId null) or a snapshot, as a Blob. */
export function fetchExport(boardId: string, snapshotId: string | null, format: FileFormat | 'thumbnail', lang: 'da' | 'en', params?: Params, frameId?: string): Promise<Blob> {
  const path = snapshotId ? `/snapshots/${encodeURIComponent(snapshotId)}` : '';
  const file = format === 'thumbnail' ? 'thumbnail.svg' : `export.${format}`;
  const frame = frameId ? `&frame=${encodeURIComponent(frameId)}` : '';
  const tz = timeZone();
  return requestBlob(boardUrl(boardId, `${path}/${file}?lang=${lang}${frame}${tz ? `&tz=${encodeURIComponent(tz)}` : ''}`), { credentials: credentialsOf(params) });
}

/** Deleting moves the board to the trash (`purgeAt`), or erases it at once when the server keeps no trash. */
export const deleteBoard = (boardId: string, params?: Params) =>
  requestJson<DeleteBoardResponse>(boardUrl(boardId), { method: 'DELETE', credentials: credentialsOf(params), json: { confirm: boardId } satisfies DeleteBoardRequest });

export const trashState = (boardId: string, params?: Params) => requestJson<TrashState>(boardUrl(boardId, '/trash'), { credentials: credentialsOf(params) });

export async function recoverBoard(boardId: string, params?: Params): Promise<void> {
  await request(boardUrl(boardId, '/recover'), { method: 'POST', credentials: credentialsOf(params) });
}
