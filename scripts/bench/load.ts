import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * A light load-generator client: a raw websocket speaking just enough of the
 * y-websocket protocol. It never applies updates (that would make the
 * generator the bottleneck); it scans each frame for the markers that editors
 * put in their edits and records when each marker first reached it.
 * An editor owns a Y.Doc of its own and sends real Yjs updates.
 */

const MARK = '\u00a7'; // §
const MARK_BYTES = Buffer.from(MARK);
const MARKER = /^\d+:\d+$/;

/**
 * The markers ("editor:seq") in a frame, in order. § is two bytes (C2 A7), which the binary
 * parts of an update (client ids, clocks, lengths) also hold now and then, about once in
 * 65,536 positions: a § that does not open a well-formed marker is skipped on its own, so a
 * stray one cannot pair with a real one and hide the markers after it. (Before this, such a
 * frame's markers went uncounted at every receiver alike: the rare "every receiver missed the
 * same n edits" of the 500- and 1,000-editor runs, although every one of them was delivered.)
 */
export function scanMarkers(data: Buffer): string[] {
  const found: string[] = [];
  let i = data.indexOf(MARK_BYTES);
  while (i !== -1) {
    const end = data.indexOf(MARK_BYTES, i + MARK_BYTES.length);
    if (end === -1) break;
    const text = data.toString('latin1', i + MARK_BYTES.length, end);
    if (MARKER.test(text)) {
      found.push(text);
      i = data.indexOf(MARK_BYTES, end + MARK_BYTES.length);
    } else i = end;
  }
  return found;
}
/** Presence ids of load clients: distinct per client, away from small ids. */
const PRESENCE_ID_BASE = 1_000_000;

export interface Recorder {
  /** When each marker was sent (performance.now()). */
  sent: Map<string, number>;
  latencies: number[];
  delivered: number;
  /** Connections the server closed during the run, by close code (a slow consumer is 4102). */
  closes?: Map<number, number>;
  /** Edits an editor could not send because its connection was closed (counted in `expected` all the same). */
  unsent?: number;
  /** Latencies where sender and receiver are on different server instances (two-instance scenario). */
  cross?: number[];
  /** Bytes of presence (awareness) frames that reached the clients. */
  presenceBytes?: number;
  /** Which instance an editor index is connected to; set with `cross`. */
  groupOf?: (index: number) => number;
}

export class LoadClient {
  readonly ws: WebSocket;
  private readonly lastSeq = new Map<number, number>();
  readonly opened: Promise<void>;
  private doc: Y.Doc | null = null;
  private seq = 0;
  private closedByUs = false;
  /** Other editors' edits that reached this client. */
  received = 0;
  /** The markers received, kept by the first probe only: which edits a short receiver missed (diagnosis). */
  seen: Set<string> | null = null;
  /** With `seen`: every document frame received (time, bytes), to tell a missed edit never sent from one not counted. */
  frames: Array<{ at: number; data: Buffer }> | null = null;
  /** The server's close of this connection, if it closed it. */
  closedWith: number | null = null;

  private presenceClock = 0;

  /**
   * `probe` false: the client receives and drops frames without scanning them for markers
   * (it still costs the server the same), so thousands of receivers do not make the
   * generator the limit; its deliveries are then not checked.
   */
  constructor(
    url: string,
    readonly index: number,
    private readonly rec: Recorder,
    readonly probe = true,
    readonly group = 0,
  ) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => {
        // Sync step 1 with an empty state vector: "send me the board".
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
        this.ws.send(encoding.toUint8Array(e));
        resolve();
      });
      this.ws.once('error', reject);
    });
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer) => this.onFrame(data));
    // A closed load client stops receiving (it does not reconnect): count why, so missing deliveries are explained.
    this.ws.on('close', (code) => {
      if (this.closedByUs) return;
      this.closedWith = code;
      const closes = (this.rec.closes ??= new Map());
      closes.set(code, (closes.get(code) ?? 0) + 1);
    });
  }

  private onFrame(data: Buffer): void {
    if (data[0] === 1) this.rec.presenceBytes = (this.rec.presenceBytes ?? 0) + data.length;
    // Only sync frames (type 0) carry document content.
    if (data[0] !== 0 || !this.probe) return;
    const now = performance.now();
    this.frames?.push({ at: now, data });
    for (const marker of scanMarkers(data)) {
      const sep = marker.indexOf(':');
      const editor = Number(marker.slice(0, sep));
      const seq = Number(marker.slice(sep + 1));
      if (editor !== this.index && seq > (this.lastSeq.get(editor) ?? 0)) {
        this.lastSeq.set(editor, seq);
        const sentAt = this.rec.sent.get(marker);
        if (sentAt !== undefined) {
          this.rec.latencies.push(now - sentAt);
          if (this.rec.cross && this.rec.groupOf?.(editor) !== this.group) this.rec.cross.push(now - sentAt);
          this.rec.delivered++;
          this.received++;
          this.seen?.add(marker);
        }
      }
    }
  }

  /** One edit: append a marked entry to this editor's own array. */
  edit(): void {
    if (this.ws.readyState !== WebSocket.OPEN) {
      this.rec.unsent = (this.rec.unsent ?? 0) + 1;
      return;
    }
    if (!this.doc) {
      this.doc = new Y.Doc();
      this.doc.on('update', (u: Uint8Array) => {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, u);
        this.ws.send(encoding.toUint8Array(e));
      });
    }
    const marker = `${this.index}:${++this.seq}`;
    this.rec.sent.set(marker, performance.now());
    this.doc.getArray<string>('bench').push([`${MARK}${marker}${MARK}`]);
  }

  /**
   * A cursor move: an awareness update (y-protocols format) with this client's presence,
   * about the size of the app's own (user, colour, pointer).
   */
  presence(): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const state = JSON.stringify({
      user: { name: `Editor ${this.index}`, color: '#3366cc' },
      cursor: { x: Math.round(Math.random() * 4000), y: Math.round(Math.random() * 3000) },
    });
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, PRESENCE_ID_BASE + this.index);
    encoding.writeVarUint(update, ++this.presenceClock);
    encoding.writeVarString(update, state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
    this.ws.send(encoding.toUint8Array(e));
  }

  get edits(): number {
    return this.seq;
  }

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
    this.doc?.destroy();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}
