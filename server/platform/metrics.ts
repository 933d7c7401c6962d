// A small Prometheus text-format registry: counters and histograms with labels. Enough for
// /metrics without pulling a client library into every module.
type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/["\\\n]/g, '_')}"`)
    .join(',');

export class Counter {
  private values = new Map<string, number>();
  constructor(
    public readonly name: string,
    public readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${v}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private series = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    public readonly name: string,
    public readonly help: string,
    private readonly bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  ) {}
  observe(labels: Labels, value: number): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) {
      s = { buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    this.bounds.forEach((b, i) => {
      if (value <= b) s!.buckets[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const sep = k ? `${k},` : '';
      for (const [i, b] of this.bounds.entries()) lines.push(`${this.name}_bucket{${sep}le="${b}"} ${s.buckets[i]}`);
      lines.push(`${this.name}_bucket{${sep}le="+Inf"} ${s.count}`);
      lines.push(`${this.name}_sum${k ? `{${k}}` : ''} ${s.sum}`);
      lines.push(`${this.name}_count${k ? `{${k}}` : ''} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class MetricsRegistry {
  readonly httpRequests = new Counter('sportello_http_requests_total', 'HTTP requests by route and status');
  readonly httpDuration = new Histogram('sportello_http_request_duration_seconds', 'HTTP request duration');
  readonly bookings = new Counter('sportello_bookings_total', 'Booking operations by outcome');
  readonly jobs = new Counter('sportello_jobs_total', 'Background jobs by name and outcome');
  readonly mails = new Counter('sportello_mails_total', 'Emails by outcome');
  render(): string {
    const mem = process.memoryUsage();
    const gauges = [
      '# HELP sportello_process_resident_memory_bytes Resident memory',
      '# TYPE sportello_process_resident_memory_bytes gauge',
      `sportello_process_resident_memory_bytes ${mem.rss}`,
      '# HELP sportello_process_uptime_seconds Uptime',
      '# TYPE sportello_process_uptime_seconds gauge',
      `sportello_process_uptime_seconds ${process.uptime().toFixed(0)}`,
    ];
    return `${[this.httpRequests, this.httpDuration, this.bookings, this.jobs, this.mails]
      .map((m) => m.render())
      .concat(gauges)
      .join('\n')}\n`;
  }
}
