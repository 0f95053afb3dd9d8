import { ApiError, credentialHeaders } from '../http/credentials';

/** The snapshot metadata the server lists (docs/api.md). */
export interface SnapshotMeta {
  id: string;
  boardId: string;
  name: string;
  takenBy: string;
  takenAt: number;
  kind: 'manual' | 'session-end' | 'hourly' | 'before-restore';
  bytes: number;
}

export type ExportFormat = 'md' | 'json' | 'csv' | 'svg';


async function call(url: string, init: RequestInit & { params?: Record<string, string> | undefined; json?: unknown }): Promise<Response> {
  const headers: Record<string, string> = credentialHeaders(init.params);
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    cache: 'no-store',
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      message = ((await res.json()) as { error?: string }).error ?? message;
    } catch {
      // not JSON
    }
    throw new ApiError(message);
  }
  return res;
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export async function listSnapshots(boardId: string, params?: Record<string, string>): Promise<SnapshotMeta[]> {
  const res = await call(`${base(boardId)}/snapshots`, { params });
  return ((await res.json()) as { snapshots: SnapshotMeta[] }).snapshots;
}

export async function takeSnapshot(boardId: string, name: string, takenBy: string, params?: Record<string, string>): Promise<SnapshotMeta> {
  const res = await call(`${base(boardId)}/snapshots`, { method: 'POST', params, json: { name, takenBy } });
  return (await res.json()) as SnapshotMeta;
}

export async function restoreSnapshot(
  boardId: string,
  snapshotId: string,
  by: string,
  params?: Record<string, string>,
): Promise<{ restored: SnapshotMeta; before: SnapshotMeta }> {
  const res = await call(`${base(boardId)}/restore/${encodeURIComponent(snapshotId)}`, { method: 'POST', params, json: { by } });
  return (await res.json()) as { restored: SnapshotMeta; before: SnapshotMeta };
}

/** An export of the live board (snapshotId null) or a snapshot, as a Blob. */
export async function fetchExport(
  boardId: string,
  snapshotId: string | null,
  format: ExportFormat | 'thumbnail',
  lang: 'da' | 'en',
  params?: Record<string, string>,
  frameId?: string,
): Promise<Blob> {
  const path = snapshotId ? `${base(boardId)}/snapshots/${encodeURIComponent(snapshotId)}` : base(boardId);
  const file = format === 'thumbnail' ? 'thumbnail.svg' : `export.${format}`;
  const frame = frameId ? `&frame=${encodeURIComponent(frameId)}` : '';
  const res = await call(`${path}/${file}?lang=${lang}${frame}`, { params });
  return res.blob();
}

/** Deleting moves the board to the trash (`purgeAt`), or erases it at once when the server keeps no trash. */
export async function deleteBoard(boardId: string, params?: Record<string, string>): Promise<{ trashed: string; purgeAt: number } | { deleted: string }> {
  const res = await call(base(boardId), { method: 'DELETE', params, json: { confirm: boardId } });
  return (await res.json()) as { trashed: string; purgeAt: number } | { deleted: string };
}

export interface TrashState {
  trashed: boolean;
  /** When a trashed board is erased for good (ms since the epoch). */
  purgeAt?: number;
  /** How long the server keeps deleted boards; 0: no trash, deleting erases at once. */
  trashDays: number;
}

export async function trashState(boardId: string, params?: Record<string, string>): Promise<TrashState> {
  const res = await call(`${base(boardId)}/trash`, { params });
  return (await res.json()) as TrashState;
}

export async function recoverBoard(boardId: string, params?: Record<string, string>): Promise<void> {
  await call(`${base(boardId)}/recover`, { method: 'POST', params });
}

export async function importBoard(file: File): Promise<{ id: string; path: string }> {
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('not a JSON file');
  }
  const res = await call('/api/boards/import', { method: 'POST', json });
  return (await res.json()) as { id: string; path: string };
}

/** Saves a Blob as a file through a temporary link. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders an SVG Blob to a PNG Blob in the browser (no server round trip). */
export async function svgToPng(svg: Blob, maxWidth = 2400): Promise<Blob> {
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(2, maxWidth / Math.max(1, img.naturalWidth));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ApiError('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new ApiError('PNG failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
