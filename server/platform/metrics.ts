// Prometheus metrics through prom-client. Two registries: the process's own figures (CPU, memory,
// heap, event-loop lag, handles, GC), which belong to the process whatever contexts it opens (tests
// open several), and one per application context with our counters, histograms and the gauges read
// at scrape time from the database and the HTTP server (`probes`, filled in by boot and buildApp).
// Served by platform/http/metrics.ts, never publicly.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ListenerState } from './db/listener.ts';

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    // Event-loop lag sampled every 10 ms (prom-client's default), as a histogram's percentiles.
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface JobBacklogRow {
  name: string;
  /** ready: may run now; scheduled: waiting for its time (a retry's back-off); running: leased by a worker. */
  state: 'ready' | 'scheduled' | 'running';
  count: number;
}

/** What the gauges read at scrape time; an absent probe leaves its gauge without a value. */
export interface MetricsProbes {
  jobBacklog?: () => Promise<{ rows: JobBacklogRow[]; oldestReadySeconds: number }>;
  pool?: () => { total: number; idle: number; waiting: number } | undefined;
  listener?: () => ListenerState;
  httpConnections?: () => Promise<number>;
  webSockets?: () => number;
}

const LISTENER_STATES: ListenerState[] = ['connecting', 'up', 'reconnecting', 'closed'];

export class MetricsRegistry {
  readonly registry = new Registry();
  readonly probes: MetricsProbes = {};
  readonly httpRequests = new Counter({
    name: 'sportello_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'sportello_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly bookings = new Counter({ name: 'sportello_bookings_total', help: 'Booking operations by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  readonly jobs = new Counter({ name: 'sportello_jobs_total', help: 'Background jobs by name and outcome', labelNames: ['name', 'outcome'] as const, registers: [this.registry] });
  readonly mails = new Counter({ name: 'sportello_mails_total', help: 'Emails by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  readonly retentionPurged = new Counter({
    name: 'sportello_retention_purged_total',
    help: 'Rows deleted by the retention task, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });

  constructor(private readonly onProbeError: (err: unknown, probe: string) => void = () => undefined) {
    const probes = this.probes;
    const guard = this.guard.bind(this);
    new Gauge({
      name: 'sportello_jobs_backlog',
      help: 'Queued jobs by name and state (ready: may run now; scheduled: waiting for its time; running: leased by a worker)',
      labelNames: ['name', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const backlog = await guard('jobBacklog', () => probes.jobBacklog?.());
        for (const r of backlog?.rows ?? []) this.set({ name: r.name, state: r.state }, r.count);
        if (backlog) oldest.set(backlog.oldestReadySeconds);
      },
    });
    const oldest = new Gauge({
      name: 'sportello_jobs_oldest_ready_seconds',
      help: 'How long the oldest job that may run has been waiting for a worker (0: none)',
      registers: [this.registry],
    });
    new Gauge({
      name: 'sportello_db_pool_clients',
      help: 'PostgreSQL pool clients by state (total, idle, waiting: queries waiting for a client)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        const p = probes.pool?.();
        if (p) for (const state of ['total', 'idle', 'waiting'] as const) this.set({ state }, p[state]);
      },
    });
    new Gauge({
      name: 'sportello_db_listener_state',
      help: "The LISTEN connection's state (1 for the current one): a node that cannot hear the others misses live updates",
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        const current = probes.listener?.();
        if (current) for (const state of LISTENER_STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    new Gauge({
      name: 'sportello_http_open_connections',
      help: 'Open connections (sockets) of the HTTP server',
      registers: [this.registry],
      async collect() {
        this.reset();
        const n = await guard('httpConnections', () => probes.httpConnections?.());
        if (n !== undefined) this.set(n);
      },
    });
    new Gauge({
      name: 'sportello_websocket_connections',
      help: 'Open WebSockets (video signalling, live queue screens)',
      registers: [this.registry],
      collect() {
        this.reset();
        const n = probes.webSockets?.();
        if (n !== undefined) this.set(n);
      },
    });
  }

  /** A probe that fails (the database down) leaves its gauge empty rather than failing the scrape. */
  private async guard<T>(name: string, read: () => Promise<T> | undefined): Promise<T | undefined> {
    try {
      return await read();
    } catch (err) {
      this.onProbeError(err, name);
      return undefined;
    }
  }

  readonly contentType = this.registry.contentType;

  /** The text exposition format: the process's figures, then ours. */
  async render(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }
}
