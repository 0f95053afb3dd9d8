import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scope } from './scope';
import { wsBaseUrl } from './server';
import { withTimeout } from './wait';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServer {
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly port: number;
  readonly httpUrl: string;
  readonly wsUrl: string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface SpawnOptions {
  dataDir: string;
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** Node's arguments (default: the TypeScript entry through tsx) and working directory (default: the repo). */
  args?: string[];
  cwd?: string;
}

/**
 * Runs the real server entry point in a child process
 * (`node --import tsx server/main.ts`, or `opts.args`) on a free port, and reads the port
 * from the `Samskab: http://HOST:PORT` line it prints. Killed at teardown.
 */
export async function spawnServer(scope: Scope, opts: SpawnOptions): Promise<ChildServer> {
  const proc = spawn(process.execPath, opts.args ?? ['--import', 'tsx', 'server/main.ts'], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: opts.dataDir,
      CLIENT_DIR: path.join(opts.dataDir, 'no-client'),
      LOG_LEVEL: 'silent',
      OPEN_BOARDS: 'true',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  proc.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return withTimeout(exited, 10_000, `server process ${proc.pid} to exit after ${signal}`);
  };
  scope.defer(() => kill('SIGKILL'));

  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      const onData = () => {
        const m = /Samskab: http:\/\/[^\s:]+:(\d+)/.exec(stdout);
        if (m) {
          proc.stdout?.off('data', onData);
          resolve(Number(m[1]));
        }
      };
      proc.stdout?.on('data', onData);
      void exited.then(({ code, signal }) =>
        reject(new Error(`server exited before listening (code ${code}, signal ${signal}): ${stderr || stdout}`)),
      );
    }),
    opts.startTimeoutMs ?? 20_000,
    'the server child process to print its port',
  );
  return {
    proc,
    pid: proc.pid as number,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    wsUrl: wsBaseUrl(port),
    exited,
    output: () => ({ stdout, stderr }),
    kill,
  };
}
