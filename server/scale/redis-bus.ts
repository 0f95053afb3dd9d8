import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { loadRedis } from './drivers';
import type { Logger } from '../log';
import type { BoardBus, BusHandler, BusKind } from './bus';

const KINDS: BusKind[] = ['update', 'awareness', 'control'];
const ID_BYTES = 8;
const SUBSCRIBE_WAIT_MS = 1000;

/**
 * Redis pub/sub, one channel per board. A message is
 * [8-byte instance id][1-byte kind][payload]; an instance ignores its own.
 * The offline queue is off: while Redis is down nothing piles up in memory,
 * and when it is back every instance re-reads its boards from the database.
 */
export class RedisBus implements BoardBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly instance = randomBytes(ID_BYTES);
  private readonly handlers = new Map<string, BusHandler>();
  private readonly recovered = new Set<() => void>();
  private wasDown = false;
  private up = false;

  constructor(
    url: string,
    private readonly log: Logger,
    private readonly prefix = 'samskab:board:',
  ) {
    const opts = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false };
    this.pub = new (loadRedis().Redis)(url, opts);
    // The subscriber must queue its SUBSCRIBE commands until connected.
    this.sub = new (loadRedis().Redis)(url, { ...opts, enableOfflineQueue: true, maxRetriesPerRequest: null });
    for (const client of [this.pub, this.sub]) client.on('error', () => undefined);
    this.sub.on('ready', () => {
      this.up = true;
      if (this.wasDown) {
        this.wasDown = false;
        this.log.info('redis is back; reconciling boards from storage');
        for (const l of this.recovered) l();
      }
    });
    this.sub.on('close', () => {
      if (this.up) this.log.warn('redis connection lost; serving local participants only');
      this.up = false;
      this.wasDown = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
  }

  get healthy(): boolean {
    return this.up && this.pub.status === 'ready';
  }

  private channel(boardId: string): string {
    return this.prefix + boardId;
  }

  private onMessage(channel: string, message: Buffer): void {
    if (!channel.startsWith(this.prefix) || message.length < ID_BYTES + 1) return;
    if (message.subarray(0, ID_BYTES).equals(this.instance)) return;
    const kind = KINDS[message[ID_BYTES] as number];
    const handler = this.handlers.get(channel.slice(this.prefix.length));
    if (!kind || !handler) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + ID_BYTES + 1, message.length - ID_BYTES - 1);
    try {
      handler(kind, payload);
    } catch (err) {
      this.log.error({ err: (err as Error).message, channel }, 'bus message rejected');
    }
  }

  publish(boardId: string, kind: BusKind, payload: Uint8Array): void {
    if (this.pub.status !== 'ready') return;
    const message = Buffer.concat([this.instance, Buffer.from([KINDS.indexOf(kind)]), payload]);
    this.pub.publish(this.channel(boardId), message).catch(() => undefined);
  }

  async subscribe(boardId: string, handler: BusHandler): Promise<void> {
    this.handlers.set(boardId, handler);
    try {
      // While Redis is down the SUBSCRIBE waits in the queue and completes on recovery;
      // the room must not wait for it meanwhile.
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)));
      await Promise.race([this.sub.subscribe(this.channel(boardId)), giveUp]);
      clearTimeout(timer);
    } catch (err) {
      // Redis is down: the room still serves its local participants and catches up on recovery.
      this.log.warn({ board: boardId, err: (err as Error).message }, 'subscribe failed');
    }
  }

  async unsubscribe(boardId: string): Promise<void> {
    this.handlers.delete(boardId);
    await this.sub.unsubscribe(this.channel(boardId)).catch(() => undefined);
  }

  onRecovered(listener: () => void): void {
    this.recovered.add(listener);
  }

  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
