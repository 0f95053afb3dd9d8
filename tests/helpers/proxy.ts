import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Scope } from './scope';

/**
 * A TCP proxy in front of the server that can make the connections it carries
 * half-open: `freeze()` stops forwarding on every current connection without
 * closing anything (what a laptop changing networks or going to sleep looks
 * like to the server). New connections after a freeze work normally.
 */
export interface FreezableProxy {
  readonly port: number;
  /** Stops forwarding on all current connections; both ends stay open. */
  freeze(): void;
  readonly connectionCount: number;
}

export async function startProxy(scope: Scope, targetPort: number): Promise<FreezableProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket; frozen: boolean }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, frozen: false };
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      if (pair.frozen) return;
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    for (const s of [client, upstream]) {
      s.on('error', () => undefined);
      s.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  scope.defer(async () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    port: (server.address() as AddressInfo).port,
    freeze() {
      for (const pair of pairs) {
        pair.frozen = true;
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
      }
    },
    get connectionCount() {
      return pairs.size;
    },
  };
}
