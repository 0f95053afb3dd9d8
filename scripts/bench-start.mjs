// `npm run bench:start`: start time and memory of the server run through tsx
// (source; with tsx's disk cache warm, and without it as after a deploy that
// changed the sources) against the compiled server (dist/server/main.js, plain
// node), alternating, RUNS each (default 5), medians. Results: docs/performance.md.
//
// Start time: spawn → first 200 from GET /healthz. RSS: 1 s after that, of the
// server process and of its child processes (tsx's esbuild service).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, defaultOutdir, root, serverBuildStale } from './build-server.mjs';

const runs = Number(process.env.RUNS ?? 5);
const tsxArgs = ['--import', 'tsx', 'server/main.ts'];
const variants = {
  'tsx (cache warm)': { args: tsxArgs, env: {} },
  'tsx (no cache)': { args: tsxArgs, env: { TSX_DISABLE_CACHE: '1' } },
  compiled: { args: [path.join(defaultOutdir, 'main.js')], env: {} },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}

function childPids(pid) {
  const out = [];
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

async function once({ args, env }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-bench-start-'));
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: path.join(dataDir, 'none'), LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  proc.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
  try {
    let port;
    while (!(port = /Samskab: http:\/\/[^\s:]+:(\d+)/.exec(stdout)?.[1])) {
      if (proc.exitCode !== null) throw new Error(`server exited: ${stdout}`);
      await sleep(2);
    }
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(2);
    }
    const startMs = performance.now() - t0;
    await sleep(1000);
    const serverMb = rssKb(proc.pid) / 1024;
    const childrenMb = childPids(proc.pid).reduce((sum, p) => sum + rssKb(p), 0) / 1024;
    return { startMs, serverMb, childrenMb };
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (serverBuildStale()) await buildServer();
const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, variant] of Object.entries(variants)) results[name].push(await once(variant));
}
const fmt = (xs, digits) => `${xs.map((x) => x.toFixed(digits)).join(' / ')} (median ${median(xs).toFixed(digits)})`;
for (const [name, rs] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  start to /healthz ms: ${fmt(rs.map((r) => r.startMs), 0)}`);
  console.log(`  RSS server MB:        ${fmt(rs.map((r) => r.serverMb), 1)}`);
  console.log(`  RSS children MB:      ${fmt(rs.map((r) => r.childrenMb), 1)}`);
}
