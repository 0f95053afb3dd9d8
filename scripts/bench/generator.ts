import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Is the load generator, not the server, the limit? One Node process drives up to
 * 2,000 sockets; when its own CPU nears a full core or its event loop lags, frames
 * wait in the generator and the latencies it records are partly its own.
 */

/** Above this share of one core the generator is taken to be the limit. */
export const GENERATOR_CPU_LIMIT = 0.9;
/** Event-loop delay p99 above this (ms) means receipts are timestamped late. */
export const GENERATOR_LAG_LIMIT_MS = 50;

export interface GeneratorLoad {
  /** Share of one core. */
  cpu: number;
  /** Event-loop delay p99, ms. */
  lagP99: number;
  limited: boolean;
}

export function watchGenerator(): { stop(): GeneratorLoad } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  return {
    stop: () => {
      lag.disable();
      const used = process.cpuUsage(cpu0);
      const cpu = (used.user + used.system) / 1e6 / ((performance.now() - t0) / 1000);
      const lagP99 = lag.percentile(99) / 1e6;
      return { cpu, lagP99, limited: cpu > GENERATOR_CPU_LIMIT || lagP99 > GENERATOR_LAG_LIMIT_MS };
    },
  };
}
