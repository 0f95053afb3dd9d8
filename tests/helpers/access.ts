import WebSocket from 'ws';
import type { TestServer } from './server';
import { withTimeout } from './wait';

export interface CreatedBoard {
  id: string;
  path: string;
  editorKey: string;
  observerKey: string;
  links: { editor: string; observer: string };
}

/** POST /api/boards: a board with an access record (editor and observer links). */
export async function createProtectedBoard(srv: TestServer, body: Record<string, unknown> = {}): Promise<CreatedBoard> {
  const res = await fetch(`${srv.httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create board: HTTP ${res.status}`);
  return (await res.json()) as CreatedBoard;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/** A board access API call with optional credentials (key and passcode headers). */
export async function accessApi(
  srv: TestServer,
  boardId: string,
  route: 'access' | 'rotate',
  opts: { method?: string; key?: string; passcode?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (opts.key !== undefined) headers['X-Samskab-Key'] = opts.key;
  if (opts.passcode !== undefined) headers['X-Samskab-Passcode'] = encodeURIComponent(opts.passcode);
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${srv.httpUrl}/api/boards/${boardId}/${route}`, {
    method: opts.method ?? (route === 'rotate' ? 'POST' : 'GET'),
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

/** The websocket URL of a board with access query parameters. */
export function syncUrl(srv: TestServer, boardId: string, params: Record<string, string> = {}): string {
  const q = new URLSearchParams(params).toString();
  return `${srv.wsUrl}/${boardId}${q ? `?${q}` : ''}`;
}

export interface UpgradeOutcome {
  /** 101 if the upgrade was accepted (the socket is closed again right away). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** Tries a websocket upgrade with extra headers (e.g. Origin); reports acceptance or the HTTP refusal. */
export function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<UpgradeOutcome> {
  const ws = new WebSocket(url, { headers });
  return withTimeout(
    new Promise<UpgradeOutcome>((resolve, reject) => {
      ws.on('error', (err) => reject(new Error(`expected an answer, got error: ${err.message}`)));
      ws.once('open', () => {
        ws.terminate();
        resolve({ status: 101, headers: {}, body: null });
      });
      ws.once('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          ws.terminate();
        });
      });
    }),
    5_000,
    `upgrade answer of ${url}`,
  );
}
