/**
 * npm run bench:sync — the same load against Samskab (one process, SQLite,
 * durability on) and, in the same run, against @y/websocket-server (the
 * y-websocket reference server, in memory), with ratios. Results go to
 * stdout and into docs/performance.md between the bench:sync markers.
 *
 * Options (env): BENCH_SECONDS (default 8), BENCH_QUICK=1 (small scenarios, for a smoke run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { generateBoard } from './seed/generate';
import { LoadClient, percentile, type Recorder } from './bench/load';
import { cpuSeconds, freePort, rssMb, startProcess, type RunningServer } from './bench/proc';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const QUICK = process.env.BENCH_QUICK === '1';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startSamskab(): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samskab-bench-'));
  return startProcess(
    'samskab',
    ['--import', 'tsx', path.join(root, 'server/main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CLIENT_DIR: path.join(dataDir, 'none'),
      // The load generator is one address opening up to 1,000 sockets: lift the per-address
      // and per-board connection limits (abuse protection) that would otherwise refuse it.
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_CONNECTIONS_PER_BOARD: '100000',
      // Clients join boards by id, as with the reference server.
      OPEN_BOARDS: 'true',
    },
    /Samskab: http:\/\/\S+:\d+/,
    (out) => `ws://127.0.0.1:${/Samskab: http:\/\/\S+:(\d+)/.exec(out)?.[1]}/sync`,
  );
}

async function startReference(): Promise<RunningServer> {
  const port = await freePort();
  return startProcess(
    'y-websocket-server',
    [path.join(root, 'node_modules/@y/websocket-server/src/server.js')],
    { PORT: String(port), HOST: '127.0.0.1' },
    /running at/,
    () => `ws://127.0.0.1:${port}`,
  );
}

interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  delivered: number;
  expected: number;
  deliveredPerSec: number;
  serverCpu: number;
  serverRss: number;
  generatorCpu: number;
  converged: boolean;
  /** Server closes during the run, e.g. "4102×1" (none: ""). */
  closes: string;
  /** Edits not sent because the editor's connection was closed. */
  unsent: number;
  /** Receivers that got fewer edits than were sent to them: "#index missed n (closed 4102)". */
  short: string[];
}

/** N clients in one board, K of them editing at R edits/s in total, for SECONDS. */
async function runLoad(server: RunningServer, board: string, clients: number, editors: number, rate: number): Promise<LoadResult> {
  const rec: Recorder = { sent: new Map(), latencies: [], delivered: 0 };
  const all: LoadClient[] = [];
  for (let i = 0; i < clients; i++) {
    all.push(new LoadClient(`${server.wsBase}/${board}`, i + 1, rec));
    if (i % 50 === 49) await Promise.all(all.slice(-50).map((c) => c.opened));
  }
  await Promise.all(all.map((c) => c.opened));
  await sleep(500);
  const eds = all.slice(0, editors);
  const cpu0 = cpuSeconds(server.pid);
  const gen0 = process.cpuUsage();
  const t0 = performance.now();
  const tickMs = 10;
  let sent = 0;
  // Paced by elapsed time, so a slow tick catches up instead of lowering the rate.
  while (performance.now() - t0 < SECONDS * 1000) {
    const due = Math.floor(((performance.now() - t0) / 1000) * rate);
    while (sent < due) {
      (eds[sent % eds.length] as LoadClient).edit();
      sent++;
    }
    await sleep(tickMs);
  }
  const sendEnd = performance.now();
  const expected = sent * (clients - 1);
  // Drain: wait until everything arrived or 10 s passed.
  const drainEnd = sendEnd + 10_000;
  while (rec.delivered < expected && performance.now() < drainEnd) await sleep(50);
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = (cpuSeconds(server.pid) - cpu0) / elapsed;
  const gen = process.cpuUsage(gen0);
  const rss = rssMb(server.pid);

  // Convergence: a fresh full client must hold every edit that was sent.
  // Who missed what: every client should have every other editor's edits.
  const short = all
    .map((c) => ({ c, missing: sent - (c.index <= editors ? eds[c.index - 1]?.edits ?? 0 : 0) - c.received }))
    .filter((x) => x.missing > 0)
    .map((x) => `#${x.c.index} missed ${x.missing}${x.c.closedWith !== null ? ` (closed ${x.c.closedWith})` : ''}`);
  const check = await loadFresh(server, board);
  const entries = check.doc.getArray('bench').length;
  check.destroy();
  for (const c of all) c.close();
  const sorted = Float64Array.from(rec.latencies).sort();
  const arr = Array.from(sorted);
  return {
    p50: percentile(arr, 50),
    p95: percentile(arr, 95),
    p99: percentile(arr, 99),
    delivered: rec.delivered,
    expected,
    deliveredPerSec: rec.delivered / SECONDS,
    serverCpu: cpu,
    serverRss: rss,
    generatorCpu: (gen.user + gen.system) / 1e6 / elapsed,
    converged: entries === sent,
    closes: [...(rec.closes ?? new Map<number, number>()).entries()].map(([code, n]) => `${code}×${n}`).join(', '),
    unsent: rec.unsent ?? 0,
    short,
  };
}

/** A stock y-websocket client that waits until synced. */
async function loadFresh(server: RunningServer, board: string): Promise<{ doc: Y.Doc; ms: number; destroy: () => void }> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  const provider = new WebsocketProvider(server.wsBase, board, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fresh client did not sync in 30 s')), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const ms = performance.now() - t0;
  return {
    doc,
    ms,
    destroy: () => {
      provider.destroy();
      provider.awareness.destroy();
      doc.destroy();
    },
  };
}

/** Fill a board with N cards through one client, then time fresh clients loading it. */
async function loadTime(server: RunningServer, cards: number): Promise<number> {
  const board = `load-${cards}-${Date.now()}`;
  const writer = await loadFresh(server, board);
  generateBoard(writer.doc, { count: cards, seed: 1 });
  // Wait until a second client sees all of it (then it is on the server).
  for (let i = 0; i < 200; i++) {
    const probe = await loadFresh(server, board);
    const n = probe.doc.getMap('items').size;
    probe.destroy();
    if (n === cards) break;
    await sleep(100);
  }
  writer.destroy();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c = await loadFresh(server, board);
    if (c.doc.getMap('items').size !== cards) throw new Error('fresh client got an incomplete board');
    times.push(c.ms);
    c.destroy();
  }
  times.sort((a, b) => a - b);
  return times[2] as number;
}

/** Memory with many small boards: B boards × 2 clients each, everyone connected. */
async function manyBoards(server: RunningServer, boards: number): Promise<number> {
  const rec: Recorder = { sent: new Map(), latencies: [], delivered: 0 };
  const clients: LoadClient[] = [];
  for (let b = 0; b < boards; b++) {
    const url = `${server.wsBase}/many-${b}`;
    clients.push(new LoadClient(url, 1, rec), new LoadClient(url, 2, rec));
    if (b % 50 === 49) await Promise.all(clients.slice(-100).map((c) => c.opened));
  }
  await Promise.all(clients.map((c) => c.opened));
  for (const c of clients) if (c.index === 1) c.edit();
  await sleep(2000);
  const rss = rssMb(server.pid);
  for (const c of clients) c.close();
  return rss;
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

async function main() {
  const scenarios = QUICK
    ? [{ name: '20 clients × 200 edits/s', clients: 20, editors: 5, rate: 200 }]
    : [
        { name: '50 clients × 1,000 edits/s', clients: 50, editors: 10, rate: 1000 },
        { name: '200 clients × 1,000 edits/s', clients: 200, editors: 20, rate: 1000 },
        { name: '500 editors × 1 edit/s each', clients: 500, editors: 500, rate: 500 },
      ];
  const results: Array<{ scenario: string; server: string; r: LoadResult }> = [];
  const extra: Record<string, { load5k: number; rss500: number }> = {};
  // BENCH_ONLY=samskab and BENCH_SCENARIO=<clients> narrow a run while tuning (no report is written then).
  const only = process.env.BENCH_ONLY;
  const starts = [startSamskab, startReference].filter((s) => !only || (only === 'samskab') === (s === startSamskab));
  const picked = scenarios.filter((s) => !process.env.BENCH_SCENARIO || String(s.clients) === process.env.BENCH_SCENARIO);
  for (const start of starts) {
    for (const sc of picked) {
      // A fresh process per scenario, so one scenario's backlog cannot spill into the next.
      const server = await start();
      try {
        console.log(`${server.name}: ${sc.name} …`);
        const r = await runLoad(server, `bench-${sc.clients}-${Date.now()}`, sc.clients, sc.editors, sc.rate);
        results.push({ scenario: sc.name, server: server.name, r });
        console.log(
          `  p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms, delivered ${r.delivered}/${r.expected}, ` +
            `server CPU ${fmt(r.serverCpu * 100, 0)}%, RSS ${fmt(r.serverRss, 0)} MB, generator CPU ${fmt(r.generatorCpu * 100, 0)}%, converged ${r.converged}, ` +
            `server closes ${r.closes || 'none'}, unsent edits ${r.unsent}`,
        );
        if (r.short.length > 0) console.log(`  receivers short: ${r.short.slice(0, 20).join('; ')}${r.short.length > 20 ? ` … (${r.short.length})` : ''}`);
      } finally {
        await server.stop();
      }
    }
    if (process.env.BENCH_SCENARIO) continue;
    const server = await start();
    try {
      const load5k = await loadTime(server, QUICK ? 500 : 5000);
      const rss500 = await manyBoards(server, QUICK ? 50 : 500);
      extra[server.name] = { load5k, rss500 };
      console.log(`${server.name}: fresh load of a ${QUICK ? 500 : 5000}-card board ${fmt(load5k, 0)} ms (median of 5); RSS with ${QUICK ? 50 : 500} boards × 2 clients ${fmt(rss500, 0)} MB`);
    } finally {
      await server.stop();
    }
  }
  writeReport(results, extra, scenarios.map((s) => s.name));
}

function writeReport(
  results: Array<{ scenario: string; server: string; r: LoadResult }>,
  extra: Record<string, { load5k: number; rss500: number }>,
  names: string[],
) {
  const get = (sc: string, srv: string) => results.find((x) => x.scenario === sc && x.server === srv)?.r;
  const lines: string[] = [];
  lines.push(`Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; load generator in the same machine; ${SECONDS} s of load per scenario, fresh server process per scenario. Samskab: one process, SQLite (WAL, synchronous=NORMAL), every update stored before it is relayed. Reference: \`@y/websocket-server\` 0.1.1, in memory.`);
  lines.push('');
  lines.push('| scenario | server | p50 ms | p95 ms | p99 ms | delivered | server CPU | server RSS MB | generator CPU | converged | server closes |');
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const sc of names) {
    for (const srv of ['samskab', 'y-websocket-server']) {
      const r = get(sc, srv);
      if (!r) continue;
      lines.push(
        `| ${sc} | ${srv} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt((100 * r.delivered) / Math.max(1, r.expected), 1)}% of ${r.expected} | ${fmt(r.serverCpu * 100, 0)}% | ${fmt(r.serverRss, 0)} | ${fmt(r.generatorCpu * 100, 0)}% | ${r.converged ? 'yes' : 'NO'} | ${r.closes || 'none'} |`,
      );
    }
    const s = get(sc, 'samskab');
    const y = get(sc, 'y-websocket-server');
    if (s && y) lines.push(`| ${sc} | **ratio reference ÷ Samskab** | ${fmt(y.p50 / s.p50)}× | ${fmt(y.p95 / s.p95)}× | ${fmt(y.p99 / s.p99)}× | | ${fmt(y.serverCpu / s.serverCpu)}× | ${fmt(y.serverRss / s.serverRss)}× | | | |`);
  }
  lines.push('');
  lines.push('| measure | samskab | y-websocket-server | ratio |');
  lines.push('| --- | ---: | ---: | ---: |');
  const s = extra['samskab'];
  const y = extra['y-websocket-server'];
  if (s && y) {
    lines.push(`| fresh client loads a ${QUICK ? 500 : '5,000'}-card board (median of 5) | ${fmt(s.load5k, 0)} ms | ${fmt(y.load5k, 0)} ms | ${fmt(y.load5k / s.load5k)}× |`);
    lines.push(`| server RSS with ${QUICK ? 50 : 500} boards × 2 clients | ${fmt(s.rss500, 0)} MB | ${fmt(y.rss500, 0)} MB | ${fmt(y.rss500 / s.rss500)}× |`);
  }
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
  if (!QUICK && !process.env.BENCH_ONLY && !process.env.BENCH_SCENARIO) fs.writeFileSync(file, doc);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
