import WebSocket from 'ws';
import { api, type ApiAnswer, type HttpBase } from './http';
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
export async function createProtectedBoard(base: HttpBase, body: Record<string, unknown> = {}): Promise<CreatedBoard> {
  const res = await api(base, 'POST', '/api/boards', { body });
  if (res.status !== 201) throw new Error(`create board: HTTP ${res.status}`);
  return res.json as unknown as CreatedBoard;
}

/** A board access API call with optional credentials (key and passcode headers); the method defaults to the route's usual one. */
export function accessApi(
  base: HttpBase,
  boardId: string,
  route: 'access' | 'rotate',
  opts: { method?: string; key?: string; passcode?: string; body?: unknown } = {},
): Promise<ApiAnswer> {
  const { method, ...rest } = opts;
  return api(base, method ?? (route === 'rotate' ? 'POST' : 'GET'), `/api/boards/${boardId}/${route}`, rest);
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
