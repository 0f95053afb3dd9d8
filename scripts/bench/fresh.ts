import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface FreshClient {
  doc: Y.Doc;
  /** Connect to synced, ms. */
  ms: number;
  destroy(): void;
}

/** A stock y-websocket client that waits until synced. */
export async function loadFresh(wsBase: string, board: string): Promise<FreshClient> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  const provider = new WebsocketProvider(wsBase, board, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fresh client did not sync in 30 s')), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const ms = performance.now() - t0;
  return {
    doc,
    ms,
    destroy: () => {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}
