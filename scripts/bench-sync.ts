/**
 * npm run bench:sync — the same load against Samskab (compiled, durability on: one process
 * on SQLite, or two instances on PostgreSQL + Redis) and, in the same run, against
 * @y/websocket-server (the y-websocket reference server, in memory), with ratios.
 * Results go to stdout and into docs/performance.md between the bench:sync markers.
 *
 * Options (env): BENCH_SECONDS (default 8); BENCH_RUNS (default 1: every scenario that many
 * times, servers interleaved, medians reported); BENCH_REV (git revision of Samskab to build,
 * default HEAD; `worktree` for the working tree); BENCH_QUICK=1 (small scenarios, a smoke run);
 * BENCH_ONLY=samskab and BENCH_SCENARIO=<key> narrow a run (no report is written then);
 * BENCH_PRESENCE_MS (cursor interval, 0: none) and BENCH_CPU_PROF=<dir> (server CPU profiles) for diagnosis.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { idleRooms, loadedBoard } from './bench/memory';
import type { RunningServer } from './bench/proc';
import { fmt, key, loadTable, memoryTable, REFERENCE, SAMSKAB, type Collected } from './bench/report';
import { runLoad, type LoadResult, type Scenario } from './bench/scenario';
import { buildSamskab, removeBuild, root, startPair, startReference, startSamskab, type Build } from './bench/servers';
import { SERVER_NODE_FLAGS } from './server-flags.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY;
const NARROW = process.env.BENCH_SCENARIO;
const IDLE_ROOMS = QUICK ? 50 : 500;
const CARDS = QUICK ? 500 : 5000;

const SCENARIOS: Scenario[] = QUICK
  ? [
      { key: '20', name: '20 clients × 200 edits/s', clients: 20, editors: 5, rate: 200 },
      { key: '40', name: '40 editors × 1 edit/s each, cursors every 1.5 s', clients: 40, editors: 40, rate: 40, presenceMs: 1500 },
      { key: '2x', name: '40 editors × 1 edit/s each, cursors, 2 instances', clients: 40, editors: 40, rate: 40, presenceMs: 1500, instances: 2, probes: 10 },
    ]
  : [
      { key: '50', name: '50 clients × 1,000 edits/s', clients: 50, editors: 10, rate: 1000 },
      { key: '200', name: '200 clients × 1,000 edits/s', clients: 200, editors: 20, rate: 1000 },
      { key: '500', name: '500 editors × 1 edit/s each', clients: 500, editors: 500, rate: 500 },
      // 1 (or 4) million receipts a second are more than one generator process can scan next to the server on two
      // cores (a full check ran it at its limit): every client receives everything, about 250,000 receipts/s are
      // checked (as in the 500-editor scenario) — 250 receivers, 60 per instance with two.
      { key: '1000', name: '1,000 editors × 1 edit/s each, cursors every 1.5 s', clients: 1000, editors: 1000, rate: 1000, presenceMs: 1500, probes: 250 },
      { key: '2x', name: '2,000 editors × 1 edit/s each, cursors every 1.5 s, 2 instances', clients: 2000, editors: 2000, rate: 2000, presenceMs: 1500, instances: 2, probes: 60 },
    ];

/** BENCH_PRESENCE_MS overrides the cursor interval of scenarios that have cursors (0: none), to see what presence costs. */
function withPresence(s: Scenario): Scenario {
  const ms = process.env.BENCH_PRESENCE_MS;
  if (ms === undefined || s.presenceMs === undefined) return s;
  const { presenceMs: _drop, ...rest } = s;
  return Number(ms) > 0 ? { ...rest, presenceMs: Number(ms), name: `${s.name} (cursors every ${ms} ms)` } : { ...rest, name: `${s.name} (no cursors)` };
}

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  m.set(k, [...(m.get(k) ?? []), v]);
}

function printLoad(label: string, r: LoadResult): void {
  console.log(
    `  ${label}: p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms${Number.isFinite(r.crossP99) ? ` (cross-instance p99 ${fmt(r.crossP99)} ms)` : ''}, ` +
      `delivered ${r.delivered}/${r.expected}, server CPU ${fmt(r.serverCpu * 100, 0)}%, RSS ${fmt(r.serverRss, 0)} MB, presence to clients ${fmt(r.presenceMBps)} MB/s, ` +
      `generator CPU ${fmt(r.generatorCpu * 100, 0)}% lag p99 ${fmt(r.generatorLagP99)} ms${r.generatorLimited ? ' GENERATOR-LIMITED' : ''}, ` +
      `converged ${r.converged}, server closes ${r.closes || 'none'}, unsent edits ${r.unsent}`,
  );
  if (r.short.length > 0) console.log(`  receivers short: ${r.short.slice(0, 20).join('; ')}${r.short.length > 20 ? ` … (${r.short.length})` : ''}`);
  if (r.missedSample) console.log(`  first short probe missed (editor: seq@sent): ${r.missedSample}`);
}

/** One scenario on one server kind, fresh processes, so one scenario's backlog cannot spill into the next. */
async function oneLoad(build: Build, server: string, sc: Scenario): Promise<LoadResult> {
  const board = `bench-${sc.key}-${Date.now()}`;
  if (server === SAMSKAB && (sc.instances ?? 1) > 1) {
    const pair = await startPair(build);
    try {
      return await runLoad([pair.a, pair.b], board, sc, SECONDS);
    } finally {
      await pair.stop();
    }
  }
  const s = server === SAMSKAB ? await startSamskab(build) : await startReference();
  try {
    return await runLoad([s], board, sc, SECONDS);
  } finally {
    await s.stop();
  }
}

async function withServer<T>(build: Build, server: string, f: (s: RunningServer) => Promise<T>): Promise<T> {
  const s = server === SAMSKAB ? await startSamskab(build) : await startReference();
  try {
    return await f(s);
  } finally {
    await s.stop();
  }
}

async function main() {
  const build = buildSamskab(process.env.BENCH_REV ?? 'HEAD');
  console.log(`Samskab compiled from ${build.commit}: ${path.relative(root, build.mainJs)}`);
  const c: Collected = { load: new Map(), idle: new Map(), loaded: new Map() };
  const runNotes: string[] = [];
  const servers = [SAMSKAB, REFERENCE].filter((s) => !ONLY || s === ONLY);
  const picked = SCENARIOS.filter((s) => !NARROW || s.key === NARROW).map((s) => withPresence(s));
  try {
    for (let run = 1; run <= RUNS; run++) {
      const start = { at: new Date().toISOString().slice(11, 16), load: loadavg() };
      // Alternate which server goes first, so a drift in the machine's load does not favour one.
      const order = run % 2 ? servers : [...servers].reverse();
      for (const sc of picked) {
        for (const server of order) {
          console.log(`run ${run}/${RUNS}, ${server}: ${sc.name} …`);
          // One failed measurement (a server that did not start, a check that timed out) must not lose the others.
          const r = await oneLoad(build, server, sc).catch((err: Error) => void console.error(`  FAILED: ${err.message}`));
          if (!r) continue;
          push(c.load, key(sc.name, server), r);
          printLoad(server, r);
        }
      }
      if (!NARROW) {
        for (const server of order) {
          const fail = (err: Error) => void console.error(`  FAILED: ${err.message}`);
          const idle = await withServer(build, server, (s) => idleRooms(s, IDLE_ROOMS)).catch(fail);
          const loaded = await withServer(build, server, (s) => loadedBoard(s, CARDS)).catch(fail);
          if (!idle || !loaded) continue;
          push(c.idle, server, idle);
          push(c.loaded, server, loaded);
          console.log(
            `  ${server}: ${fmt(idle.kbPerRoom)} KB per idle room (RSS ${fmt(idle.rssMb, 0)} MB with ${idle.rooms}); ` +
              `${fmt(loaded.kbPerCard, 2)} KB per loaded card (RSS ${fmt(loaded.rssMb, 0)} MB with ${loaded.cards}); fresh load ${fmt(loaded.loadMs, 0)} ms`,
          );
        }
      }
      runNotes.push(`run ${run} ${start.at}–${new Date().toISOString().slice(11, 16)} UTC, load average ${start.load} → ${loadavg()}`);
      console.log(`  ${runNotes.at(-1)}`);
    }
  } finally {
    removeBuild(build);
  }
  writeReport(build, c, runNotes);
}

function writeReport(build: Build, c: Collected, runNotes: string[]) {
  const lines: string[] = [];
  lines.push(
    `Run: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ` +
      `load generator in the same machine; ${SECONDS} s of load per scenario, fresh server process(es) per scenario; ${RUNS} run(s), servers interleaved, medians with (min–max). ` +
      `Samskab ${build.commit}, compiled (\`node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.js\` as \`npm start\` runs it, not tsx): one process on SQLite (WAL, synchronous=NORMAL), or two instances on one PostgreSQL database + Redis; every update stored before it is relayed. ` +
      `Reference: \`@y/websocket-server\` 0.1.1, in memory, one process. ${runNotes.join('; ')}.`,
  );
  lines.push('');
  lines.push(...loadTable(SCENARIOS, c));
  lines.push('');
  lines.push(...memoryTable(c));
  const report = lines.join('\n');
  console.log('\n' + report);
  const file = path.join(root, 'docs/performance.md');
  const start = '<!-- bench:sync:start -->';
  const end = '<!-- bench:sync:end -->';
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const block = `${start}\n${report}\n${end}`;
  if (doc.includes(start) && doc.includes(end)) {
    doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  } else {
    doc += `\n## Sync server (\`npm run bench:sync\`)\n\n${block}\n`;
  }
  if (!QUICK && !ONLY && !NARROW) fs.writeFileSync(file, doc);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
