import { describe, expect, it } from 'vitest';
import { ACCESS_DEVICE_HEADER } from '../../shared/protocol';
import { createProtectedBoard, syncUrl, tryUpgrade } from '../helpers/access';
import { api, type HttpBase } from '../helpers/http';
import { PrivateRedis } from '../helpers/redis';
import { spawnReplicaPair } from '../helpers/replicas';
import { useScope } from '../helpers/scope';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait';

/**
 * Issue 18: wrong passcodes are counted per device first, with a much higher
 * ceiling per address (one person's typos on a town hall's network do not
 * lock out the hall), and in scale-out mode the passcode and board-creation
 * limits are counted in Redis by every instance together — with each
 * instance counting on its own while Redis is down.
 */

const scope = useScope();
const PASSCODE = 'havnen-2027';

/** GET /access with a passcode from one device (or from no device id, as a stock client). */
const attempt = (base: HttpBase, board: { id: string; editorKey: string }, passcode: string, device?: string) =>
  api(base, 'GET', `/api/boards/${board.id}/access`, { key: board.editorKey, passcode, ...(device ? { headers: { [ACCESS_DEVICE_HEADER]: device } } : {}) });

const device = (name: string) => `device-${name}`.padEnd(22, '0');

async function protectedBoard(base: HttpBase) {
  const board = await createProtectedBoard(base);
  const set = await api(base, 'PUT', `/api/boards/${board.id}/access`, { key: board.editorKey, body: { passcode: PASSCODE } });
  expect(set.status).toBe(200);
  return board;
}

describe('passcode attempts per device, with a ceiling per address', () => {
  it("one person's typos lock out that device only; the hall's other devices get in; the address as a whole has a ceiling", async () => {
    const srv = await startTestServer(scope, { config: { access: { allowedOrigins: [], passcodeAttempts: 3, passcodeAddressAttempts: 7, passcodeWindowMs: 60_000 } } });
    const board = await protectedBoard(srv);

    // Freja mistypes three times: her device must wait, also with the right passcode.
    for (let i = 0; i < 3; i++) expect((await attempt(srv, board, `typo ${i}`, device('freja'))).json).toMatchObject({ reason: 'passcode-wrong' });
    const locked = await attempt(srv, board, PASSCODE, device('freja'));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Noah, on the same network (same address), types it right and is in; so is a websocket from his device.
    expect((await attempt(srv, board, PASSCODE, device('noah'))).status).toBe(200);
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: PASSCODE, device: device('noah') }))).status).toBe(101);
    expect((await tryUpgrade(syncUrl(srv, board.id, { k: board.editorKey, passcode: PASSCODE, device: device('freja') }))).status).toBe(429);

    // A device id that is not one is refused with a clear error, and counts nothing.
    expect(await attempt(srv, board, 'x', 'short')).toMatchObject({ status: 400, json: { reason: 'device-invalid' } });

    // Guessing with a new device id each time runs into the address's ceiling (7): 3 from Freja + 4 more.
    for (let i = 0; i < 4; i++) expect((await attempt(srv, board, `guess ${i}`, device(`guess${i}`))).status).toBe(401);
    expect((await attempt(srv, board, PASSCODE, device('aisha'))).status).toBe(429);

    // A client without a device id is its address: it gets one device's allowance (here already used up by the address).
    const other = await protectedBoard(srv);
    for (let i = 0; i < 3; i++) expect((await attempt(srv, other, `typo ${i}`)).status).toBe(401);
    expect((await attempt(srv, other, PASSCODE)).status).toBe(429);
    expect((await attempt(srv, other, PASSCODE, device('noah'))).status).toBe(200);
  });
});

describe('limits shared by instances (scale-out)', () => {
  it('passcode attempts and boards per address count across instances; during a Redis outage each instance still counts', { timeout: 60_000 }, async () => {
    const redis = await PrivateRedis.start(scope);
    const [s1, s2] = await spawnReplicaPair(scope, {
      redisUrl: redis.url,
      env: { PASSCODE_ATTEMPTS: '4', BOARDS_PER_IP_PER_HOUR: '6' },
    });

    // Boards per address: 3 on each instance fill the 6; the 7th is refused on either.
    const boards = [];
    for (const s of [s1, s2, s1, s2, s1]) boards.push(await createProtectedBoard(s));
    const board = boards[0]!;
    // Set on the instance that made it (the other caches records for up to a second).
    expect((await api(s1, 'PUT', `/api/boards/${board.id}/access`, { key: board.editorKey, body: { passcode: PASSCODE } })).status).toBe(200);
    expect((await api(s2, 'POST', '/api/boards', { body: {} })).status).toBe(201);
    for (const s of [s1, s2]) expect((await api(s, 'POST', '/api/boards', { body: {} })).status, 'the 7th board from one address').toBe(429);

    // Passcode: two typos on each instance from one device fill its 4; the right passcode then waits on both.
    for (const s of [s1, s2, s1, s2]) expect((await attempt(s, board, 'typo', device('freja'))).status).toBe(401);
    for (const s of [s1, s2]) expect((await attempt(s, board, PASSCODE, device('freja'))).status, 'after 4 typos spread over two instances').toBe(429);
    expect((await attempt(s1, board, PASSCODE, device('noah'))).status).toBe(200);

    // Redis goes down: the limits are not lifted, each instance counts on its own again.
    await redis.stop();
    await waitFor(async () => ((await api(s1, 'GET', '/healthz')).json as { redis: string }).redis === 'down', { message: 'instance 1 to see Redis down' });
    // Instance 2 saw 3 of the boards itself: 3 more are allowed there, then 429.
    for (let i = 0; i < 3; i++) expect((await api(s2, 'POST', '/api/boards', { body: {} })).status).toBe(201);
    expect((await api(s2, 'POST', '/api/boards', { body: {} })).status).toBe(429);
    // Freja's typos were counted on each instance too: 2 more on instance 1 lock her out there.
    for (let i = 0; i < 2; i++) expect((await attempt(s1, board, 'typo', device('freja'))).status).toBe(401);
    expect((await attempt(s1, board, PASSCODE, device('freja'))).status).toBe(429);
  });
});
