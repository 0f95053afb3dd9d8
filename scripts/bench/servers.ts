import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startProcess, type RunningServer } from './proc';
import { SERVER_NODE_FLAGS } from '../server-flags.mjs';

/**
 * The servers bench:sync compares: Samskab compiled (plain node, as `npm start` runs it,
 * so its memory is not tsx's), two Samskab instances on PostgreSQL + Redis, and the
 * y-websocket reference server.
 */

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface Build {
  mainJs: string;
  /** Short commit the build came from, or "working tree". */
  commit: string;
}

/**
 * Compiles the server of git revision `rev` (default HEAD). A checkout of the revision,
 * not the working tree, because the tree is shared with work in progress that is not
 * committed yet; BENCH_REV=worktree builds the working tree instead. The output lives
 * under the repo's .tmp/ so that `node_modules` resolves upwards as it does for dist/.
 */
export function buildSamskab(rev = 'HEAD'): Build {
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, '.tmp', 'bench-server-'));
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
  let src = root;
  let commit = 'working tree';
  if (rev !== 'worktree') {
    commit = git('rev-parse', '--short', rev);
    src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const tar = execFileSync('git', ['-C', root, 'archive', rev, 'server', 'shared', 'scripts/build-server.mjs', 'tsconfig.json', 'package.json']);
    execFileSync('tar', ['-x', '-C', src], { input: tar });
  }
  const outdir = path.join(dir, 'server');
  execFileSync(process.execPath, [path.join(src, 'scripts/build-server.mjs'), '--outdir', outdir], { stdio: 'ignore' });
  return { mainJs: path.join(outdir, 'main.js'), commit };
}

export function removeBuild(build: Build): void {
  fs.rmSync(path.dirname(path.dirname(build.mainJs)), { recursive: true, force: true });
}

export async function startSamskab(build: Build, env: NodeJS.ProcessEnv = {}, name = 'samskab'): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-bench-'));
  const server = await startProcess(
    name,
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each Samskab process, written when it exits.
    [...SERVER_NODE_FLAGS, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : []), build.mainJs],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CLIENT_DIR: path.join(dataDir, 'none'),
      // The load generator is one address opening up to 2,000 sockets: lift the per-address
      // and per-board connection limits (abuse protection) that would otherwise refuse it.
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_CONNECTIONS_PER_BOARD: '100000',
      // The idle-room scenario opens hundreds of boards from one address.
      BOARDS_PER_IP_PER_HOUR: '100000',
      // Clients join boards by id, as with the reference server.
      OPEN_BOARDS: 'true',
      ...env,
    },
    /Samskab: http:\/\/\S+:\d+/,
    (out) => `ws://127.0.0.1:${/Samskab: http:\/\/\S+:(\d+)/.exec(out)?.[1]}/sync`,
  );
  const stop = server.stop;
  return { ...server, stop: async () => (await stop(), fs.rmSync(dataDir, { recursive: true, force: true })) };
}

export async function startReference(): Promise<RunningServer> {
  const port = await freePort();
  return startProcess(
    'y-websocket-server',
    [path.join(root, 'node_modules/@y/websocket-server/src/server.js')],
    { PORT: String(port), HOST: '127.0.0.1' },
    /running at/,
    () => `ws://127.0.0.1:${port}`,
  );
}

/** The machine's PostgreSQL (trust auth), as the tests use it; each run gets a database of its own. */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface Pair {
  a: RunningServer;
  b: RunningServer;
  stop(): Promise<void>;
}

/** Two Samskab instances sharing a fresh PostgreSQL database and Redis; the database is dropped at stop. */
export async function startPair(build: Build): Promise<Pair> {
  const db = `bench_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${db}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${db}`;
  const env = { DATABASE_URL: url.toString(), REDIS_URL };
  const started: RunningServer[] = [];
  try {
    started.push(await startSamskab(build, env, 'samskab A'));
    started.push(await startSamskab(build, env, 'samskab B'));
  } catch (err) {
    await Promise.all(started.map((s) => s.stop()));
    await admin(`DROP DATABASE IF EXISTS ${db}`);
    throw err;
  }
  const [a, b] = started as [RunningServer, RunningServer];
  return {
    a,
    b,
    stop: async () => {
      await Promise.all([a.stop(), b.stop()]);
      await admin(`DROP DATABASE IF EXISTS ${db}`);
    },
  };
}
