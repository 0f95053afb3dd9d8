/**
 * Prometheus metrics through prom-client: the exposition format, escaping, histogram
 * buckets and the process metrics are the maintained library's, not ours.
 * Each Metrics has its own Registry (never prom-client's global one): several servers
 * run in one test process, and each must report only its own counts.
 * Labels are fixed, small sets (reasons, limits, status codes), never board ids or content.
 */
import * as prom from 'prom-client';

type Labels = Record<string, string>;

/**
 * A prom-client counter that can also be read synchronously: tests and in-process checks
 * ask `limitHits.get({ limit })` right after the fact, and prom-client's own get() is async.
 * The local tally is updated in the same call as the exported counter, so the two agree.
 */
export class Counter {
  private readonly counter: prom.Counter;
  private readonly tally = new Map<string, number>();

  constructor(registry: prom.Registry, name: string, help: string, labelNames: readonly string[] = []) {
    this.counter = new prom.Counter({ name, help, labelNames, registers: [registry] });
  }

  inc(labels: Labels = {}, by = 1): void {
    this.counter.inc(labels, by);
    const key = tallyKey(labels);
    this.tally.set(key, (this.tally.get(key) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.tally.get(tallyKey(labels)) ?? 0;
  }
}

/** Label order does not make a different series (as in prom-client). */
function tallyKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Seconds: from a fast local SQLite append (~0.5 ms) to a struggling remote store. */
const PERSIST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Seconds: a board is read whole (every stored row) before its first client syncs, so up to 10 s. */
const LOAD_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Every metric the server exposes at GET /metrics. */
export class Metrics {
  readonly registry = new prom.Registry();
  readonly connectionsOpened = new Counter(this.registry, 'samskab_connections_opened_total', 'Websocket connections accepted.');
  readonly updates = new Counter(this.registry, 'samskab_updates_total', 'Document updates received and applied.');
  readonly messagesIn = new Counter(this.registry, 'samskab_messages_received_total', 'Websocket messages received.');
  readonly bytesIn = new Counter(this.registry, 'samskab_received_bytes_total', 'Websocket payload bytes received.');
  readonly bytesOut = new Counter(this.registry, 'samskab_sent_bytes_total', 'Websocket payload bytes sent.');
  readonly rejected = new Counter(this.registry, 'samskab_rejected_messages_total', 'Messages rejected, by reason (the connection was closed).', ['reason']);
  readonly limitHits = new Counter(this.registry, 'samskab_limit_hits_total', 'Limits reached, by limit.', ['limit']);
  readonly httpRequests = new Counter(this.registry, 'samskab_http_requests_total', 'HTTP requests answered, by status code.', ['status']);
  readonly persistSeconds = new prom.Histogram({
    name: 'samskab_persist_duration_seconds',
    help: 'Time to append one batch of updates to the store.',
    buckets: PERSIST_BUCKETS,
    registers: [this.registry],
  });
  readonly boardLoadSeconds = new prom.Histogram({
    name: 'samskab_board_load_duration_seconds',
    help: 'Time to open a board: read its stored updates, apply them, migrate.',
    buckets: LOAD_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    // process_* and nodejs_* (CPU, memory, heap, handles, GC, event-loop lag), into this registry only.
    prom.collectDefaultMetrics({ register: this.registry });
  }

  /** A gauge read at scrape time (the value lives elsewhere, e.g. the open connection count). */
  gauge(name: string, help: string, read: () => number): void {
    new prom.Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** The Content-Type that goes with render(). */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition of every metric; async because prom-client's collectors may be. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
