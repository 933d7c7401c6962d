// One LISTEN connection per process for every channel (events, jobs, video signalling), kept alive:
// when PostgreSQL drops it (a restart, a failover, pg_terminate_backend, a dead network) it reconnects
// with growing delays, listens again on every channel, and tells the subscribers that asked to know
// so they can catch up on what they may have missed (live screens read again, caches are dropped,
// the video relay re-reads its table). A silent half-open connection is found by a periodic probe.
// /readyz reports the state: a node that cannot hear its peers is not ready for live traffic.
import pg from 'pg';
import type { Logger } from 'pino';

export type ListenerState = 'connecting' | 'up' | 'reconnecting' | 'closed';

export interface ListenOptions {
  /** Called after the connection came back and every channel is listened to again. */
  onReconnect?: () => void | Promise<void>;
}

interface Registration {
  channel: string;
  onMessage: (payload: string) => void;
  onReconnect?: () => void | Promise<void>;
}

const MIN_DELAY_MS = 100;
const MAX_DELAY_MS = 10_000;
const PROBE_EVERY_MS = 15_000;
const PROBE_TIMEOUT_MS = 5_000;

export class PgListener {
  private client: pg.Client | undefined;
  private readonly registrations = new Set<Registration>();
  private readonly listening = new Set<string>();
  private stateValue: ListenerState = 'connecting';
  private attempt = 0;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private everConnected = false;
  /** Times the connection was re-established (metrics, tests). */
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log?: Logger,
  ) {}

  get state(): ListenerState {
    return this.stateValue;
  }

  async listen(channel: string, onMessage: (payload: string) => void, opts: ListenOptions = {}): Promise<() => Promise<void>> {
    const reg: Registration = { channel, onMessage, onReconnect: opts.onReconnect };
    this.registrations.add(reg);
    await this.ensureConnected();
    await this.listenTo(channel);
    return async () => {
      this.registrations.delete(reg);
      if (![...this.registrations].some((r) => r.channel === channel) && this.client && this.listening.has(channel)) {
        this.listening.delete(channel);
        await this.client.query(`unlisten ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.stateValue = 'closed';
    clearTimeout(this.retryTimer);
    clearInterval(this.probeTimer);
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }

  private async ensureConnected(): Promise<void> {
    if (this.client && this.stateValue === 'up') return;
    if (!this.connecting) {
      this.connecting = this.connect().finally(() => {
        this.connecting = undefined;
      });
    }
    await this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    // Never an unhandled 'error' event: a dropped listener must not crash the process.
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      for (const r of this.registrations) if (r.channel === msg.channel) r.onMessage(msg.payload ?? '');
    });
    try {
      await client.connect();
      this.client = client;
      this.listening.clear();
      for (const channel of new Set([...this.registrations].map((r) => r.channel))) await this.listenTo(channel);
    } catch (err) {
      if (this.client === client) this.client = undefined;
      await client.end().catch(() => undefined);
      throw err;
    }
    const wasReconnect = this.everConnected;
    this.everConnected = true;
    this.stateValue = 'up';
    this.attempt = 0;
    clearInterval(this.probeTimer);
    this.probeTimer = setInterval(() => void this.probe(client), PROBE_EVERY_MS);
    this.probeTimer.unref();
    if (wasReconnect) {
      this.reconnects++;
      this.log?.warn({ reconnects: this.reconnects }, 'database listener reconnected');
      for (const r of [...this.registrations]) {
        try {
          await r.onReconnect?.();
        } catch (err) {
          this.log?.error({ err, channel: r.channel }, 'listener resync failed');
        }
      }
    }
  }

  private async listenTo(channel: string): Promise<void> {
    if (!this.client || this.listening.has(channel)) return;
    await this.client.query(`listen ${pg.escapeIdentifier(channel)}`);
    this.listening.add(channel);
  }

  /** A query on the listening connection: a half-open socket answers nothing, and is dropped. */
  private async probe(client: pg.Client): Promise<void> {
    if (client !== this.client) return;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('listener probe timed out')), PROBE_TIMEOUT_MS).unref());
    try {
      await Promise.race([client.query('select 1'), timeout]);
    } catch (err) {
      this.lost(client, err as Error);
      client.end().catch(() => undefined);
    }
  }

  private lost(client: pg.Client, err?: Error): void {
    if (client !== this.client || this.stateValue === 'closed') return;
    this.client = undefined;
    this.listening.clear();
    clearInterval(this.probeTimer);
    this.stateValue = 'reconnecting';
    this.log?.error({ err: err?.message }, 'database listener lost: reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt++;
    this.retryTimer = setTimeout(() => {
      if (this.stateValue === 'closed') return;
      this.ensureConnected().catch((err) => {
        this.log?.warn({ err: (err as Error).message, attempt: this.attempt }, 'database listener: reconnection failed');
        if (this.stateValue !== 'closed') {
          this.stateValue = 'reconnecting';
          this.scheduleRetry();
        }
      });
    }, delay);
    this.retryTimer.unref();
  }
}
