import type { IncomingMessage } from 'node:http';

/**
 * The address limits are counted against. Behind a reverse proxy every
 * connection comes from the proxy, so with TRUST_PROXY the last address the
 * proxy appended to X-Forwarded-For is used (the only one it vouches for).
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header[header.length - 1] : header;
    const last = value?.split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
