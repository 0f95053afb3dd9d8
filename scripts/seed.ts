/**
 * Fills a board with generated cards through the sync endpoint, like any
 * client would, and exits only once the server has stored all of them.
 *
 *   npm run seed -- --url http://localhost:8080 --board <boardId> --cards 10000 [--seed 1]
 *
 * Exit codes: 0 stored, 1 failed (connection, timeout), 2 bad arguments.
 */
import { parseArgs } from 'node:util';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isValidBoardId } from '../shared/ids';
import { initBoard, listItems, metaMap } from '../shared/model/board';
import { MAX_TITLE_LENGTH } from '../shared/model/schema';
import { ACCESS_KEY_PARAM, MESSAGE_SAVED, SYNC_PATH_PREFIX } from '../shared/protocol';
import { encodeSavedMessage } from '../shared/saved';
import { generateBoard } from './seed/generate';

const MAX_CARDS = 100_000;
const DEFAULT_TIMEOUT_S = 60;
/** Space left between existing cards and the generated area. */
const MARGIN = 600;

const USAGE = `Usage: npm run seed -- --url <http://host:port> --board <boardId> --cards <N> [options]

  --url      Samskab server (http, https, ws or wss URL)
  --board    board id (letters, digits, "-" and "_", at most 64)
  --key      the board link's key (?k=…), for a board made through the start page or POST /api/boards;
             without it the board must be an open one (a server with OPEN_BOARDS=true)
  --cards    number of cards to add, 1–${MAX_CARDS}
  --seed     PRNG seed (integer 0–4294967295, default 1); same seed, same cards
  --title    title for a board that has none (default "Genereret tavle")
  --timeout  seconds to wait for connecting and for the save acknowledgement (default ${DEFAULT_TIMEOUT_S})`;

class UsageError extends Error {}

interface Args {
  syncUrl: string;
  board: string;
  key: string | null;
  cards: number;
  seed: number;
  title: string;
  timeoutMs: number;
}

function parseCli(argv: string[]): Args | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        board: { type: 'string' },
        key: { type: 'string' },
        cards: { type: 'string' },
        seed: { type: 'string' },
        title: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';

  if (values.url === undefined) throw new UsageError('--url is required');
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(`--url "${values.url}" is not a URL`);
  }
  const scheme = { 'http:': 'ws:', 'https:': 'wss:', 'ws:': 'ws:', 'wss:': 'wss:' }[url.protocol];
  if (scheme === undefined) throw new UsageError(`--url must be http(s) or ws(s), got "${url.protocol}"`);
  // The provider appends "/<board>"; keep any base path (a server behind a proxy).
  const syncUrl = `${scheme}//${url.host}${url.pathname.replace(/\/+$/, '')}${SYNC_PATH_PREFIX.replace(/\/$/, '')}`;

  if (values.board === undefined) throw new UsageError('--board is required');
  if (!isValidBoardId(values.board)) {
    throw new UsageError(`--board "${values.board}" is not a board id (1–64 of A–Z a–z 0–9 - _)`);
  }

  if (values.cards === undefined) throw new UsageError('--cards is required');
  const cards = /^\d+$/.test(values.cards) ? Number(values.cards) : NaN;
  if (!Number.isSafeInteger(cards) || cards < 1 || cards > MAX_CARDS) {
    throw new UsageError(`--cards must be an integer from 1 to ${MAX_CARDS}, got "${values.cards}"`);
  }

  const seed = values.seed === undefined ? 1 : /^\d+$/.test(values.seed) ? Number(values.seed) : NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, got "${values.seed}"`);
  }

  const title = values.title ?? 'Genereret tavle';
  if (title.length > MAX_TITLE_LENGTH) throw new UsageError(`--title is longer than ${MAX_TITLE_LENGTH} characters`);

  const timeoutS = values.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(values.timeout);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  }

  if (values.key !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(values.key)) throw new UsageError('--key must be the k=… part of the board link');

  return { syncUrl, board: values.board, key: values.key ?? null, cards, seed, title, timeoutMs: Math.round(timeoutS * 1000) };
}

/** Resolves when `check` holds; `check` is re-run by whoever calls the returned `poke`. */
function waitFor(
  check: () => boolean,
  timeoutMs: number,
  onTimeout: () => string,
): { done: Promise<void>; poke: () => void; fail: (message: string) => void } {
  let poke = () => {};
  let fail: (message: string) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(onTimeout())), timeoutMs);
    poke = () => {
      if (check()) {
        clearTimeout(timer);
        resolve();
      }
    };
    fail = (message) => {
      clearTimeout(timer);
      reject(new Error(message));
    };
  });
  poke();
  return { done, poke, fail };
}

async function seed(args: Args): Promise<string> {
  const started = performance.now();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(args.syncUrl, args.board, doc, {
    connect: false,
    disableBc: true,
    ...(args.key ? { params: { [ACCESS_KEY_PARAM]: args.key } } : {}),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  // A script is not a participant: no presence, no cursor on anyone's screen.
  provider.awareness.setLocalState(null);

  // The socket error says why (ECONNREFUSED, HTTP 404); the close code that follows says less.
  let lastError = '';
  let lastClose = '';
  const lastProblem = () => lastError || lastClose || 'no answer yet';
  provider.on('connection-error', (event) => {
    const message = (event as Event & { message?: string }).message;
    lastError = `connection error: ${message ?? event.type}`;
  });
  provider.on('connection-close', (event) => {
    if (event) lastClose = `connection closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`;
  });
  provider.on('status', ({ status }) => {
    if (status === 'connected') lastError = '';
  });

  // "Is it saved?" (MESSAGE_SAVED): we send [4, seq] after our last edit and
  // the server answers [4, seq] once everything it received before is stored.
  let seq = 0;
  let answered = 0;
  let ackCheck: (() => void) | null = null;
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    answered = Math.max(answered, decoding.readVarUint(decoder));
    ackCheck?.();
  };
  const requestSaved = () => {
    const ws = provider.ws;
    if (!provider.wsconnected || ws === null) return;
    seq++;
    ws.send(encodeSavedMessage(seq));
  };

  try {
    const synced = waitFor(
      () => provider.synced,
      args.timeoutMs,
      () => `could not sync with ${args.syncUrl}/${args.board} within ${args.timeoutMs / 1000} s (${lastProblem()})`,
    );
    provider.on('sync', synced.poke);
    provider.on('closed', (e) => synced.fail(`server refused ${args.syncUrl}/${args.board}: ${e.code} ${e.reason}`));
    provider.connect();
    await synced.done;

    const origin = 'seed';
    const title = metaMap(doc).get('title');
    if (typeof title !== 'string' || title.trim() === '') initBoard(doc, args.title, origin);

    // Below whatever the board already holds, so a second run does not pile on the first.
    const area = { x: 0, y: 0 };
    const existing = listItems(doc);
    if (existing.items.length + existing.damaged.length > 0) {
      let minX = Infinity;
      let maxY = -Infinity;
      for (const i of existing.items) {
        minX = Math.min(minX, i.x);
        maxY = Math.max(maxY, i.y + i.h);
      }
      for (const d of existing.damaged) {
        minX = Math.min(minX, d.x);
        maxY = Math.max(maxY, d.y);
      }
      area.x = minX;
      area.y = maxY + MARGIN;
    }

    const genStart = performance.now();
    const result = generateBoard(doc, { count: args.cards, seed: args.seed, origin: area, transactionOrigin: origin });
    const genMs = performance.now() - genStart;

    // Our updates went out on this connection before the request, so the
    // answer covers all of them. After a reconnect the provider re-sends what
    // the server lacks before it reports 'sync', so we ask again then.
    const saved = waitFor(
      () => seq > 0 && answered >= seq,
      args.timeoutMs,
      () =>
        `the server did not confirm storage within ${args.timeoutMs / 1000} s ` +
        `(${seq === 0 ? 'never connected to ask' : `no answer to request ${seq}`}; ` +
        `${provider.wsconnected ? 'still connected' : lastProblem()})`,
    );
    ackCheck = saved.poke;
    provider.on('sync', (isSynced) => {
      if (isSynced) requestSaved();
    });
    provider.on('closed', (e) => saved.fail(`server refused the connection: ${e.code} ${e.reason}`));
    requestSaved();
    await saved.done;

    const totalMs = Math.round(performance.now() - started);
    return (
      `seeded ${result.items} items and ${result.links} links into board "${args.board}" ` +
      `(seed ${args.seed}) in ${totalMs} ms (generated in ${Math.round(genMs)} ms, all stored)`
    );
  } finally {
    ackCheck = null;
    provider.destroy();
    provider.awareness.destroy();
    doc.destroy();
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`seed: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    console.log(await seed(args));
    return 0;
  } catch (err) {
    console.error(`seed: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
