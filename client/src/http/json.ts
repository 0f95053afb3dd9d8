import { VOTER_HEADER } from '../../../shared/protocol';
import { credentialHeaders, type Credentials } from './credentials';
import { errorOf } from './errors';

/** The API is served by the same origin as the page (docs/api.md). */
export const API_BASE = '/api';

/** `/api/boards/<id><rest>`: a board's routes. */
export const boardUrl = (boardId: string, rest = ''): string => `${API_BASE}/boards/${encodeURIComponent(boardId)}${rest}`;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The board link's credentials, sent as headers. */
  credentials?: Credentials;
  /** The device's voter id on vote-round calls (a secret: a header, never in a URL). */
  voter?: string;
  /** Sent as the JSON body. */
  json?: unknown;
}

/** One API request; any status resolves (a network failure rejects). Answers are never cached: they are live state. */
async function send(url: string, opts: RequestOptions = {}): Promise<Response> {
  const headers = credentialHeaders(opts.credentials);
  if (opts.voter) headers[VOTER_HEADER] = opts.voter;
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(url, {
    method: opts.method ?? 'GET',
    headers,
    cache: 'no-store',
    ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
  });
}

/** An API request that succeeded; otherwise it rejects with an ApiError carrying the server's message. */
export async function request(url: string, opts: RequestOptions = {}): Promise<Response> {
  const res = await send(url, opts);
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** The JSON answer of a request (T is the route's answer in shared/http/contract.ts). */
export async function requestJson<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  return (await (await request(url, opts)).json()) as T;
}

/** A file the API answers with (an export, a thumbnail). */
export async function requestBlob(url: string, opts: RequestOptions = {}): Promise<Blob> {
  return (await request(url, opts)).blob();
}
