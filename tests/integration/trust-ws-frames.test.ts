import crypto from 'node:crypto';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { createItem, itemsMap } from '../../shared/model/board';
import { author } from '../helpers/board';
import { connectClient, type TestClient } from '../helpers/client';
import { api } from '../helpers/http';
import { useScope, type Scope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor, withTimeout } from '../helpers/wait';

/**
 * Malformed websocket frames, written byte by byte over a plain TCP socket
 * after a hand-made handshake. The ws library detects them; the server must
 * close only that connection with the RFC 6455 code (1002 protocol error,
 * 1007 invalid UTF-8, 1009 too big; see docs/operations.md), stay up, and
 * let the other participants carry on.
 */

const scope = useScope();

interface TcpPeer {
  socket: net.Socket;
  /** Resolves with the close code of the server's close frame, or null if the socket ended without one. */
  closeCode: Promise<number | null>;
}

async function handshake(s: Scope, port: number, path: string): Promise<TcpPeer> {
  const socket = net.connect(port, '127.0.0.1');
  s.defer(() => socket.destroy());
  socket.on('error', () => undefined);
  let buf = Buffer.alloc(0);
  let upgraded = false;
  let resolveCode: (code: number | null) => void = () => undefined;
  const closeCode = new Promise<number | null>((r) => (resolveCode = r));
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`no upgrade: ${head.split('\r\n')[0]}`));
        upgraded = true;
        buf = buf.subarray(end + 4);
        resolve();
      }
      // Server frames are unmasked: walk them and look for a close frame (opcode 8).
      for (;;) {
        if (buf.length < 2) return;
        let len = (buf[1] as number) & 0x7f;
        let off = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          off = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          off = 10;
        }
        if (buf.length < off + len) return;
        if (((buf[0] as number) & 0x0f) === 8) resolveCode(len >= 2 ? buf.readUInt16BE(off) : 1005);
        buf = buf.subarray(off + len);
      }
    });
    socket.on('close', () => {
      resolveCode(null);
      reject(new Error('closed before the upgrade'));
    });
  });
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  await withTimeout(opened, 5_000, 'the hand-made websocket handshake');
  return { socket, closeCode };
}

/** A client frame: FIN + opcode (+ rsv bits), masked unless told otherwise. */
function clientFrame(first: number, payload: Buffer, opts: { mask?: boolean; lengthHeader?: Buffer } = {}): Buffer {
  const mask = opts.mask ?? true;
  let header: Buffer;
  if (opts.lengthHeader) header = Buffer.concat([Buffer.from([first]), opts.lengthHeader]);
  else if (payload.length < 126) header = Buffer.from([first, (mask ? 0x80 : 0) | payload.length]);
  else header = Buffer.from([first, (mask ? 0x80 : 0) | 126, payload.length >> 8, payload.length & 0xff]);
  if (!mask) return Buffer.concat([header, payload]);
  const key = crypto.randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ (key[i % 4] as number)));
  return Buffer.concat([header, key, masked]);
}

const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};

const cases: Array<[string, Buffer, number]> = [
  ['an unmasked client frame', clientFrame(0x82, Buffer.from([0, 0]), { mask: false }), 1002],
  ['reserved bits (RSV1) without an extension', clientFrame(0x82 | 0x40, Buffer.from([0, 0])), 1002],
  ['RSV2 and RSV3 set', clientFrame(0x82 | 0x30, Buffer.from([0, 0])), 1002],
  ['a reserved data opcode (3)', clientFrame(0x83, Buffer.from([1])), 1002],
  ['a reserved control opcode (0xB)', clientFrame(0x8b, Buffer.alloc(0)), 1002],
  ['invalid UTF-8 in a text frame', clientFrame(0x81, Buffer.from([0xff, 0xfe, 0xfd])), 1007],
  ['invalid UTF-8 in a close reason', clientFrame(0x88, Buffer.from([0x03, 0xe8, 0xc3, 0x28])), 1007],
  ['an invalid close code (999)', clientFrame(0x88, Buffer.from([0x03, 0xe7])), 1002],
  ['a reserved close code (1005)', clientFrame(0x88, Buffer.from([0x03, 0xed])), 1002],
  ['a one-byte close payload', clientFrame(0x88, Buffer.from([0x03])), 1002],
  ['an oversized control frame (ping of 200 bytes)', clientFrame(0x89, Buffer.alloc(200)), 1002],
  ['a fragmented control frame', clientFrame(0x09, Buffer.from([1])), 1002],
  ['a continuation frame with nothing to continue', clientFrame(0x80, Buffer.from([1])), 1002],
  ['a length header beyond the limit (1 TiB)', clientFrame(0x82, Buffer.alloc(0), { lengthHeader: Buffer.concat([Buffer.from([0x80 | 127]), u64(1n << 40n)]) }), 1009],
  ['a 64-bit length with the top bit set', clientFrame(0x82, Buffer.alloc(0), { lengthHeader: Buffer.concat([Buffer.from([0x80 | 127]), u64(1n << 63n)]) }), 1009],
];

describe('malformed websocket frames close only their connection', () => {
  async function stillSyncing(a: TestClient, b: TestClient, label: string) {
    const fromA = createItem(a.doc, { kind: 'idea', x: 1, y: 1, author: author(), text: `${label} A` });
    const fromB = createItem(b.doc, { kind: 'idea', x: 2, y: 2, author: author(), text: `${label} B` });
    await waitFor(() => itemsMap(b.doc).has(fromA) && itemsMap(a.doc).has(fromB), { message: `A and B to keep syncing after ${label}` });
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  }

  it('every case gets its RFC 6455 close code; the board and the server carry on', async () => {
    const srv = await startTestServer(scope);
    const board = 'bad-frames';
    const a = connectClient(scope, srv.wsUrl, board);
    const b = connectClient(scope, srv.wsUrl, board);
    await Promise.all([a.waitSynced(), b.waitSynced()]);
    const seen: Record<string, number | null> = {};
    for (const [label, bytes] of cases) {
      const peer = await handshake(scope, srv.port, `/sync/${board}`);
      peer.socket.write(bytes);
      seen[label] = await withTimeout(peer.closeCode, 5_000, `the server to close after ${label}`);
    }
    expect(seen).toEqual(Object.fromEntries(cases.map(([label, , code]) => [label, code])));
    expect(srv.server.metrics.rejected.get({ reason: 'websocket_frame' })).toBe(cases.length);
    await stillSyncing(a, b, 'malformed frames');
    expect((await api(srv, 'GET', '/healthz')).status).toBe(200);
  });
});
