import type { ServerResponse } from 'node:http';
import { sendJson } from './respond';

/**
 * GET /api/time — the server's clock, `{ now }` in ms since the epoch. Step
 * timers (docs/cocreation-phases.md) are started and read in server time, so
 * machines whose clocks differ still show everyone the same time left. Needs
 * no board access: the time of day is no secret.
 */
export function sendTime(res: ServerResponse): void {
  sendJson(res, 200, { now: Date.now() });
}
