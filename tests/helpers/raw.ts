import WebSocket from 'ws';
import { tryUpgrade } from './access';
import type { Scope } from './scope';
import { withTimeout } from './wait';

/**
 * A raw websocket (no y-websocket logic) for sending hand-made frames,
 * including broken ones, and watching how the server reacts.
 */
export interface RawSocket {
  readonly ws: WebSocket;
  /** Binary frames received from the server. */
  readonly received: Uint8Array[];
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  sendBinary(data: Uint8Array): void;
}

export async function openRawSocket(scope: Scope, url: string, options?: WebSocket.ClientOptions): Promise<RawSocket> {
  const ws = new WebSocket(url, options);
  const received: Uint8Array[] = [];
  ws.binaryType = 'nodebuffer';
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) received.push(new Uint8Array(data));
  });
  // A close from the server may come with a reset; never let it become an uncaught error.
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString('utf8') }));
  });
  scope.defer(async () => {
    if (ws.readyState !== WebSocket.CLOSED) {
      ws.terminate();
      await withTimeout(closed, 5_000, 'raw socket to close');
    }
  });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    }),
    5_000,
    `websocket ${url} to open`,
  );
  return {
    ws,
    received,
    closed,
    sendBinary: (data) => ws.send(data, { binary: true }),
  };
}

/** Attempts a websocket upgrade that the server should refuse; returns the HTTP status and parsed JSON body. */
export async function refusedUpgrade(url: string): Promise<{ status: number; contentType: string; body: unknown }> {
  const outcome = await tryUpgrade(url);
  if (outcome.status === 101) throw new Error(`upgrade to ${url} was accepted`);
  return { status: outcome.status, contentType: String(outcome.headers['content-type'] ?? ''), body: outcome.body };
}
