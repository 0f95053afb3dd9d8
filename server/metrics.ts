/**
 * Prometheus metrics in the text exposition format (version 0.0.4), written
 * by hand: counters, gauges read at scrape time, and one histogram kind.
 * Labels are fixed, small sets (reasons, limits), never board ids or content.
 */

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge {
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}

  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`].join('\n');
  }
}

export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    this.buckets.forEach((b, i) => {
      if (value <= b) this.counts[i] = (this.counts[i] as number) + 1;
    });
  }

  get observations(): number {
    return this.count;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{le="${b}"} ${this.counts[i]}`));
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines.join('\n');
  }
}

/** Every metric the server exposes at GET /metrics. */
export class Metrics {
  readonly connectionsOpened = new Counter('samskab_connections_opened_total', 'Websocket connections accepted.');
  readonly updates = new Counter('samskab_updates_total', 'Document updates received and applied.');
  readonly messagesIn = new Counter('samskab_messages_received_total', 'Websocket messages received.');
  readonly bytesIn = new Counter('samskab_received_bytes_total', 'Websocket payload bytes received.');
  readonly bytesOut = new Counter('samskab_sent_bytes_total', 'Websocket payload bytes sent.');
  readonly rejected = new Counter('samskab_rejected_messages_total', 'Messages rejected, by reason (the connection was closed).');
  readonly limitHits = new Counter('samskab_limit_hits_total', 'Limits reached, by limit.');
  readonly httpRequests = new Counter('samskab_http_requests_total', 'HTTP requests answered, by status code.');
  readonly persistSeconds = new Histogram(
    'samskab_persist_duration_seconds',
    'Time to append one batch of updates to the store.',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  private readonly gauges: Gauge[] = [];

  gauge(name: string, help: string, read: () => number): void {
    this.gauges.push(new Gauge(name, help, read));
  }

  render(): string {
    const all = [
      ...this.gauges,
      this.connectionsOpened,
      this.updates,
      this.messagesIn,
      this.bytesIn,
      this.bytesOut,
      this.rejected,
      this.limitHits,
      this.httpRequests,
      this.persistSeconds,
    ];
    return all.map((m) => m.render()).join('\n') + '\n';
  }
}
