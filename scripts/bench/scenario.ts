import { loadFresh } from './fresh';
import { watchGenerator } from './generator';
import { LoadClient, percentile, type Recorder } from './load';
import { cpuSeconds, rssMb, type RunningServer } from './proc';

/** One bench:sync load: N clients in one board, K of them editing at R edits/s in total. */
export interface Scenario {
  /** Short key for BENCH_SCENARIO (the client count, as before). */
  key: string;
  name: string;
  clients: number;
  editors: number;
  rate: number;
  /** Every client sends a cursor move this often (ms); none when unset. */
  presenceMs?: number;
  /** Samskab instances sharing the board (PostgreSQL + Redis when 2); the reference always runs one. */
  instances?: number;
  /** Receivers per instance whose frames are scanned and checked; all when unset. */
  probes?: number;
}

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  /** p99 of edits made on one instance and received on the other (two instances only). */
  crossP99: number;
  delivered: number;
  expected: number;
  /** Server CPU, share of one core, summed over instances. */
  serverCpu: number;
  /** Largest server process RSS at the end, MB. */
  serverRss: number;
  /** Presence frames delivered to all clients, MB/s over the load. */
  presenceMBps: number;
  generatorCpu: number;
  generatorLagP99: number;
  generatorLimited: boolean;
  converged: boolean;
  /** Server closes during the run, e.g. "4102×1" (none: ""). */
  closes: string;
  /** Edits not sent because the editor's connection was closed. */
  unsent: number;
  /** Which edits the first short probe missed, by editor ("editor: seq, seq …"), for diagnosis. */
  missedSample?: string;
  /** Receivers that got fewer edits than were sent to them: "#index missed n (closed 4102)". */
  short: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `sc` for `seconds` against one or more servers (clients split evenly between them). */
export async function runLoad(servers: RunningServer[], board: string, sc: Scenario, seconds: number): Promise<LoadResult> {
  const n = servers.length;
  const groupOf = (index: number) => Math.floor(((index - 1) * n) / sc.clients);
  const rec: Recorder = { sent: new Map(), latencies: [], delivered: 0, ...(n > 1 ? { cross: [], groupOf } : {}) };
  const all: LoadClient[] = [];
  const perGroup = Math.ceil(sc.clients / n);
  // The same number of checked receivers in total whether the board runs on two instances or one.
  const probes = sc.probes === undefined ? Infinity : Math.ceil((sc.probes * (sc.instances ?? 1)) / n);
  for (let i = 1; i <= sc.clients; i++) {
    const g = groupOf(i);
    const probe = i - 1 - g * perGroup < probes;
    all.push(new LoadClient(`${(servers[g] as RunningServer).wsBase}/${board}`, i, rec, probe, g));
    if (i % 50 === 0) await Promise.all(all.slice(-50).map((c) => c.opened));
  }
  await Promise.all(all.map((c) => c.opened));
  const firstProbe = all.find((c) => c.probe);
  if (firstProbe) {
    firstProbe.seen = new Set();
    firstProbe.frames = [];
  }
  await sleep(500);
  const eds = all.slice(0, sc.editors);
  const cpu0 = servers.map((s) => cpuSeconds(s.pid));
  const gen = watchGenerator();
  const t0 = performance.now();
  const presenceRate = sc.presenceMs ? (sc.clients * 1000) / sc.presenceMs : 0;
  let sent = 0;
  let moves = 0;
  // Paced by elapsed time, so a slow tick catches up instead of lowering the rate.
  while (performance.now() - t0 < seconds * 1000) {
    const elapsed = (performance.now() - t0) / 1000;
    const due = Math.floor(elapsed * sc.rate);
    while (sent < due) (eds[sent++ % eds.length] as LoadClient).edit();
    const movesDue = Math.floor(elapsed * presenceRate);
    while (moves < movesDue) (all[moves++ % all.length] as LoadClient).presence();
    await sleep(10);
  }
  const sendEnd = performance.now();
  const presenceMBps = (rec.presenceBytes ?? 0) / 2 ** 20 / ((sendEnd - t0) / 1000);
  const checked = all.filter((c) => c.probe);
  const ownEdits = (c: LoadClient) => (c.index <= sc.editors ? (eds[c.index - 1]?.edits ?? 0) : 0);
  const expected = checked.reduce((sum, c) => sum + sent - ownEdits(c), 0);
  // Drain: wait until everything arrived or 10 s passed.
  const drainEnd = sendEnd + 10_000;
  while (rec.delivered < expected && performance.now() < drainEnd) await sleep(50);
  const elapsed = (performance.now() - t0) / 1000;
  const generator = gen.stop();
  const serverCpu = servers.reduce((sum, s, i) => sum + (cpuSeconds(s.pid) - (cpu0[i] as number)), 0) / elapsed;
  const serverRss = Math.max(...servers.map((s) => rssMb(s.pid)));

  // Who missed what: every probe should have every other editor's edits.
  const short = checked
    .map((c) => ({ c, missing: sent - ownEdits(c) - c.received }))
    .filter((x) => x.missing > 0)
    .map((x) => `#${x.c.index} missed ${x.missing}${x.c.closedWith !== null ? ` (closed ${x.c.closedWith})` : ''}`);
  // Which edits the first probe missed, by editor, with when they were sent (ms after the load started).
  let missedSample: string | undefined;
  if (firstProbe?.seen && short.length > 0) {
    const byEditor = new Map<string, string[]>();
    for (const [marker, at] of rec.sent) {
      const [editor, seq] = marker.split(':') as [string, string];
      if (Number(editor) === firstProbe.index || firstProbe.seen.has(marker)) continue;
      byEditor.set(editor, [...(byEditor.get(editor) ?? []), `${seq}@${Math.round(at - t0)}ms`]);
    }
    missedSample = [...byEditor].slice(0, 12).map(([e, seqs]) => `${e}: ${seqs.join(' ')}`).join('; ') + (byEditor.size > 12 ? ` … (${byEditor.size} editors)` : '');
    // Was a missed edit in a frame the probe received (then the count is wrong), and in which?
    const [e0, seqs0] = [...byEditor][0] as [string, string[]];
    const probeMarker = Buffer.from(`${e0}:${(seqs0[0] as string).split('@')[0]}`);
    const frames = firstProbe.frames ?? [];
    const hits = frames.map((f, n) => ({ n, f })).filter(({ f }) => f.data.indexOf(probeMarker) !== -1);
    missedSample += ` | probe frames: ${frames.length}, first at ${Math.round((frames[0]?.at ?? t0) - t0)}ms (sync type ${frames[0]?.data[1]}); marker ${probeMarker.toString()} in frames ${hits.map(({ n, f }) => `#${n}@${Math.round(f.at - t0)}ms type ${f.data[1]} len ${f.data.length}`).join(', ') || 'none'}`;
  }
  // Convergence: a fresh full client (on the last instance) must hold every edit that was sent.
  // All load clients but one leave first (the reference drops a board with its last client),
  // so the check does not queue behind their traffic.
  for (const c of all.slice(1)) c.close();
  const entries = await loadFresh((servers[n - 1] as RunningServer).wsBase, board).then(
    (check) => {
      const length = check.doc.getArray('bench').length;
      check.destroy();
      return length;
    },
    () => -1, // did not sync in 30 s: not converged
  );
  all[0]?.close();
  const sorted = Array.from(Float64Array.from(rec.latencies).sort());
  const cross = Array.from(Float64Array.from(rec.cross ?? []).sort());
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    crossP99: percentile(cross, 99),
    delivered: rec.delivered,
    expected,
    serverCpu,
    serverRss,
    presenceMBps,
    generatorCpu: generator.cpu,
    generatorLagP99: generator.lagP99,
    generatorLimited: generator.limited,
    converged: entries === sent,
    closes: [...(rec.closes ?? new Map<number, number>()).entries()].map(([code, k]) => `${code}×${k}`).join(', '),
    unsent: rec.unsent ?? 0,
    short,
    ...(missedSample ? { missedSample } : {}),
  };
}
