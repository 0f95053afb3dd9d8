import type { IdleRooms, LoadedBoard } from './memory';
import type { LoadResult, Scenario } from './scenario';

/** bench:sync's markdown: medians over runs with their spread, and reference ÷ Samskab ratios. */

export const SAMSKAB = 'samskab';
export const REFERENCE = 'y-websocket-server';

export interface Collected {
  load: Map<string, LoadResult[]>;
  idle: Map<string, IdleRooms[]>;
  loaded: Map<string, LoadedBoard[]>;
}

export const key = (scenario: string, server: string) => `${scenario}|${server}`;

export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

/** "median (min–max)" when there are several runs, else the one value. */
function spread(xs: number[], d = 1): string {
  const m = fmt(median(xs), d);
  if (xs.length < 2) return m;
  return `${m} (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})`;
}

const ratio = (ref: number[], ours: number[]) => `${fmt(median(ref) / median(ours))}×`;

function serverLabel(sc: Scenario, server: string): string {
  if ((sc.instances ?? 1) < 2) return server;
  return server === SAMSKAB ? `samskab, ${sc.instances} instances (PostgreSQL + Redis)` : `${server}, 1 process`;
}

export function loadTable(scenarios: Scenario[], c: Collected): string[] {
  const lines = [
    '| scenario | server | p50 ms | p95 ms | p99 ms (min–max) | delivered, worst run | server CPU | server RSS MB (min–max) | presence to clients MB/s | generator CPU / lag p99 ms | generator-limited runs | converged | server closes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const sc of scenarios) {
    for (const server of [SAMSKAB, REFERENCE]) {
      const rs = c.load.get(key(sc.name, server));
      if (!rs?.length) continue;
      const pick = (f: (r: LoadResult) => number) => rs.map(f);
      const worst = Math.min(...rs.map((r) => r.delivered / Math.max(1, r.expected)));
      const closes = [...new Set(rs.map((r) => r.closes).filter(Boolean))].join('; ');
      lines.push(
        `| ${sc.name} | ${serverLabel(sc, server)} | ${spread(pick((r) => r.p50))} | ${spread(pick((r) => r.p95))} | ${spread(pick((r) => r.p99))} | ` +
          `${fmt(100 * worst, 1)}% of ${fmt(median(pick((r) => r.expected)), 0)} | ${fmt(100 * median(pick((r) => r.serverCpu)), 0)}% | ${spread(pick((r) => r.serverRss), 0)} | ${fmt(median(pick((r) => r.presenceMBps)))} | ` +
          `${fmt(100 * median(pick((r) => r.generatorCpu)), 0)}% / ${fmt(median(pick((r) => r.generatorLagP99)))} | ${rs.filter((r) => r.generatorLimited).length} of ${rs.length} | ` +
          `${rs.every((r) => r.converged) ? 'yes' : 'NO'} | ${closes || 'none'} |`,
      );
    }
    const s = c.load.get(key(sc.name, SAMSKAB));
    const y = c.load.get(key(sc.name, REFERENCE));
    if (s?.length && y?.length) {
      const f = (rs: LoadResult[], g: (r: LoadResult) => number) => rs.map(g);
      lines.push(
        `| ${sc.name} | **ratio reference ÷ Samskab** | ${ratio(f(y, (r) => r.p50), f(s, (r) => r.p50))} | ${ratio(f(y, (r) => r.p95), f(s, (r) => r.p95))} | ` +
          `${ratio(f(y, (r) => r.p99), f(s, (r) => r.p99))} | | ${ratio(f(y, (r) => r.serverCpu), f(s, (r) => r.serverCpu))} | ${ratio(f(y, (r) => r.serverRss), f(s, (r) => r.serverRss))} | | | | | |`,
      );
    }
    if ((sc.instances ?? 1) > 1 && s?.length) {
      lines.push(`| ${sc.name} | samskab: edits from the other instance only | | | ${spread(s.map((r) => r.crossP99))} | | | | | | | | |`);
    }
  }
  return lines;
}

export function memoryTable(c: Collected): string[] {
  const lines = ['| measure | samskab (min–max) | y-websocket-server (min–max) | ratio reference ÷ Samskab |', '| --- | ---: | ---: | ---: |'];
  const row = <T>(label: string, m: Map<string, T[]>, f: (x: T) => number, d = 1) => {
    const s = (m.get(SAMSKAB) ?? []).map(f);
    const y = (m.get(REFERENCE) ?? []).map(f);
    if (s.length && y.length) lines.push(`| ${label} | ${spread(s, d)} | ${spread(y, d)} | ${ratio(y, s)} |`);
  };
  const rooms = c.idle.get(SAMSKAB)?.[0]?.rooms ?? 0;
  const cards = c.loaded.get(SAMSKAB)?.[0]?.cards ?? 0;
  row(`KB per idle room (${rooms} boards, one idle client each; RSS delta ÷ ${rooms})`, c.idle, (x) => x.kbPerRoom);
  row(`server RSS MB with ${rooms} idle rooms`, c.idle, (x) => x.rssMb, 0);
  row(`KB per loaded card (${cards}-card board vs an empty one; RSS delta ÷ ${cards})`, c.loaded, (x) => x.kbPerCard, 2);
  row(`server RSS MB with the ${cards}-card board open`, c.loaded, (x) => x.rssMb, 0);
  row(`fresh client loads the ${cards}-card board, ms (median of 5)`, c.loaded, (x) => x.loadMs, 0);
  return lines;
}
