import { VOTER_HEADER } from '../../shared/protocol';

/** Where to send a request: a test server (in-process or child process) or a base URL such as `http://127.0.0.1:PORT`. */
export type HttpBase = string | { readonly httpUrl: string };

export interface ApiOptions {
  /** X-Samskab-Key: the board link's secret. */
  key?: string;
  /** X-Samskab-Passcode, URI-encoded as the browser sends it. */
  passcode?: string;
  /** The voter header of the dot-vote API. */
  voter?: string;
  /** Sent as JSON, with Content-Type: application/json. */
  body?: unknown;
  /**
   * Sent exactly as given (broken JSON, a form body, a huge body), with
   * Content-Type: application/json unless `headers` set another one.
   */
  raw?: string;
  /** Extra headers, set last: they override the ones above (case-insensitively). */
  headers?: Record<string, string>;
}

export interface ApiAnswer<J = Record<string, unknown>> {
  status: number;
  headers: Headers;
  /** The Content-Type header ('' if there is none). */
  type: string;
  /** The whole body as text (an export, an error page, JSON). */
  text: string;
  /**
   * The body parsed as JSON; `{}` when it is not a JSON object or array (an
   * export, an empty answer), so a test reads `text` or `type` for those.
   */
  json: J;
}

/**
 * The one HTTP call of the tests: every request to a server under test goes
 * through here, so credentials, JSON bodies and reading the answer are done
 * the same way everywhere. The body is always read to the end, so no
 * response is left open.
 */
export async function api(base: HttpBase, method: string, path: string, opts: ApiOptions = {}): Promise<ApiAnswer> {
  const url = `${typeof base === 'string' ? base : base.httpUrl}${path}`;
  const headers = new Headers();
  if (opts.key !== undefined) headers.set('X-Samskab-Key', opts.key);
  if (opts.passcode !== undefined) headers.set('X-Samskab-Passcode', encodeURIComponent(opts.passcode));
  if (opts.voter !== undefined) headers.set(VOTER_HEADER, opts.voter);
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers.set(name, value);
  const res = await fetch(url, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: `text` has it
  }
  return { status: res.status, headers: res.headers, type: res.headers.get('content-type') ?? '', text, json };
}
