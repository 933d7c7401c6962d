// One LISTEN connection per process for every channel (events, jobs, video signalling), kept alive:
// when PostgreSQL drops it (a restart, a failover, pg_terminate_backend, a dead network) it reconnects
// with growing delays, listens again on every channel, and tells the subscribers that asked to know
// so they can catch up on what they may have missed (live screens read again, caches are dropped,
// video rooms renegotiate, the job worker looks for work). A silent half-open connection is found by
// a periodic probe. /readyz reports the state: a node that cannot hear its peers is not ready.
//
// What a subscriber may rely on: `listen()` resolves once its channel is listened to — or at once
// while the connection is being re-established, and then its `onReconnect` runs when it is heard
// again. `onReconnect` runs once per re-established connection, after every channel is listened to
// again, for every subscription that was not heard for a while; never for the first connection. At
// start a failed connection is an error (the node does not start deaf); afterwards it is retried for
// as long as the process lives.
import pg from 'pg';
import type { Logger } from 'pino';

export type ListenerState = 'connecting' | 'up' | 'reconnecting' | 'closed';

export interface ListenOptions {
  /** Called after the connection came back and every channel is listened to again. */
  onReconnect?: () => void | Promise<void>;
}

export interface ListenerTuning {
  /** The connection's application_name: operators find it in pg_stat_activity. */
  applicationName: string;
  /** Delay before the first reconnection attempt; it doubles with each failure… */
  minDelayMs: number;
  /** …up to this cap. */
  maxDelayMs: number;
  /** How often an idle connection is asked `select 1` (a half-open socket would never say it is dead)… */
  probeEveryMs: number;
  /** …and how long the answer may take before the connection is given up. */
  probeTimeoutMs: number;
  /** A connection attempt (connecting, then listening) that takes longer is given up. */
  connectTimeoutMs: number;
}

export const LISTENER_DEFAULTS: ListenerTuning = {
  applicationName: 'sportello-listener',
  minDelayMs: 100,
  maxDelayMs: 10_000,
  probeEveryMs: 15_000,
  probeTimeoutMs: 5_000,
  connectTimeoutMs: 10_000,
};

/**
 * Delay before reconnection attempt `attempt` (0-based): exponential from `min`, ±25 % so that the
 * nodes dropped together by a restart do not come back in step, never above `max`.
 */
export function retryDelay(attempt: number, min: number, max: number, random: () => number = Math.random): number {
  return Math.min(max, min * 2 ** Math.min(attempt, 30) * (0.75 + random() * 0.5));
}

interface Registration {
  channel: string;
  onMessage: (payload: string) => void;
  onReconnect?: () => void | Promise<void>;
  /** Not heard for a while (the connection was down): `onReconnect` runs when it is back. */
  missed: boolean;
}

export class PgListener {
  private readonly tuning: ListenerTuning;
  /** The connection in use; set only while the state is 'up'. */
  private client: pg.Client | undefined;
  /** Makes a connection attempt in progress fail at once (close()). */
  private abortOpening: (() => void) | undefined;
  private readonly registrations = new Set<Registration>();
  /** Channels listened to on `client`. */
  private listening = new Set<string>();
  private stateValue: ListenerState = 'connecting';
  private attempt = 0;
  private connecting: Promise<void> | undefined;
  /** LISTEN/UNLISTEN statements on the connection, one reconciliation at a time. */
  private ops: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private downSince = 0;
  /** Times the connection was re-established (tests, logs). */
  reconnects = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log?: Logger,
    tuning: Partial<ListenerTuning> = {},
  ) {
    this.tuning = { ...LISTENER_DEFAULTS, ...tuning };
  }

  get state(): ListenerState {
    return this.stateValue;
  }

  get applicationName(): string {
    return this.tuning.applicationName;
  }

  /** Channels listened to right now (diagnostics, tests). */
  get channels(): string[] {
    return [...this.listening].sort();
  }

  async listen(channel: string, onMessage: (payload: string) => void, opts: ListenOptions = {}): Promise<() => Promise<void>> {
    if (this.stateValue === 'closed') throw new Error('database listener closed');
    const reg: Registration = { channel, onMessage, onReconnect: opts.onReconnect, missed: this.stateValue === 'reconnecting' };
    this.registrations.add(reg);
    const unlisten = async () => {
      if (this.registrations.delete(reg)) await this.reconcile();
    };
    // While the connection is being re-established the subscription waits for it with the others.
    if (reg.missed) return unlisten;
    try {
      if (this.stateValue === 'connecting') await this.ensureConnected();
    } catch (err) {
      this.registrations.delete(reg);
      throw err;
    }
    await this.reconcile();
    return unlisten;
  }

  async close(): Promise<void> {
    if (this.stateValue === 'closed') return;
    this.stateValue = 'closed';
    clearTimeout(this.retryTimer);
    clearInterval(this.probeTimer);
    const client = this.client;
    this.client = undefined;
    this.listening.clear();
    // An attempt in progress is cut short; its connection is ended by connect() as it fails.
    this.abortOpening?.();
    await client?.end().catch(() => undefined);
    await this.connecting?.catch(() => undefined);
  }

  private ensureConnected(): Promise<void> {
    this.connecting ??= this.connect().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: this.tuning.applicationName,
      connectionTimeoutMillis: this.tuning.connectTimeoutMs,
      // The kernel's own keepalive starts after two hours by default: far too late for a listener.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    let dead = false;
    // Never an unhandled 'error' event: a dropped listener must not crash the process.
    client.on('error', (err) => {
      dead = true;
      this.lost(client, err);
    });
    client.on('end', () => {
      dead = true;
      this.lost(client);
    });
    client.on('notification', (msg) => this.dispatch(msg.channel, msg.payload ?? ''));
    const channels = new Set<string>();
    const opening = (async () => {
      await client.connect();
      for (const channel of this.wantedChannels()) {
        if (this.stateValue === 'closed') return;
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        channels.add(channel);
      }
    })();
    opening.catch(() => undefined);
    // An attempt ends early when close() is called (pg never settles connect() on a client ended
    // while it connects) or when its LISTENs get no answer (a link that died right after connecting).
    let timer: NodeJS.Timeout | undefined;
    const cutShort = new Promise<never>((_, reject) => {
      this.abortOpening = () => reject(new Error('database listener closed'));
      timer = setTimeout(() => reject(new Error(`no connection within ${this.tuning.connectTimeoutMs} ms`)), this.tuning.connectTimeoutMs);
    });
    cutShort.catch(() => undefined);
    try {
      await Promise.race([opening, cutShort]);
      if (this.stateValue === 'closed') throw new Error('database listener closed');
      if (dead) throw new Error('database listener connection lost while listening');
    } catch (err) {
      // Not awaited: on a connection that failed half-way pg may never report the end.
      void client.end().catch(() => undefined);
      throw err;
    } finally {
      clearTimeout(timer);
      this.abortOpening = undefined;
    }

    const reconnected = this.stateValue === 'reconnecting';
    this.client = client;
    this.listening = channels;
    this.stateValue = 'up';
    this.attempt = 0;
    clearInterval(this.probeTimer);
    this.probeTimer = setInterval(() => void this.probe(client), this.tuning.probeEveryMs);
    this.probeTimer.unref();
    // Taken now, before anything else can happen: a drop during the catch-up marks them again.
    const behind = [...this.registrations].filter((r) => r.missed);
    for (const r of behind) r.missed = false;
    // Subscriptions added or removed while connecting: their LISTENs come before anyone catches up.
    // Neither is awaited here: if this connection drops again meanwhile, the next attempt must not
    // find this one still "in progress".
    const settled = this.reconcile();
    if (!reconnected) return;
    this.reconnects++;
    this.log?.warn(
      { listener: this.tuning.applicationName, downMs: Date.now() - this.downSince, channels: [...channels].sort(), reconnects: this.reconnects },
      'database listener reconnected: subscribers catch up',
    );
    void settled.then(() => this.catchUp(behind));
  }

  private async catchUp(behind: Registration[]): Promise<void> {
    await Promise.all(
      behind.map(async (r) => {
        try {
          await r.onReconnect?.();
        } catch (err) {
          this.log?.error({ err, channel: r.channel }, 'database listener: catch-up after reconnection failed');
        }
      }),
    );
  }

  private wantedChannels(): Set<string> {
    return new Set([...this.registrations].map((r) => r.channel));
  }

  /** Brings the connection's LISTENs in line with the subscriptions (one run at a time). */
  private reconcile(): Promise<void> {
    const run = async () => {
      const client = this.client;
      if (!client) return; // the next connection listens to whatever is wanted then
      try {
        for (const channel of this.wantedChannels()) {
          if (this.listening.has(channel)) continue;
          await client.query(`listen ${pg.escapeIdentifier(channel)}`);
          if (client === this.client) this.listening.add(channel);
        }
        const wanted = this.wantedChannels();
        for (const channel of [...this.listening]) {
          if (wanted.has(channel)) continue;
          this.listening.delete(channel);
          await client.query(`unlisten ${pg.escapeIdentifier(channel)}`);
        }
      } catch (err) {
        // A lost connection is handled by its 'error'/'end' events; anything else is worth a line.
        if (client === this.client) this.log?.warn({ err: (err as Error).message }, 'database listener: LISTEN/UNLISTEN failed');
      }
    };
    this.ops = this.ops.then(run);
    return this.ops;
  }

  private dispatch(channel: string, payload: string): void {
    for (const r of [...this.registrations]) {
      if (r.channel !== channel) continue;
      // A subscriber that throws must not break the others, nor pg's parser that emitted this.
      try {
        r.onMessage(payload);
      } catch (err) {
        this.log?.error({ err, channel }, 'database listener: subscriber failed');
      }
    }
  }

  /** A query on the listening connection: a half-open socket answers nothing, and is dropped. */
  private async probe(client: pg.Client): Promise<void> {
    if (client !== this.client || this.probing) return;
    this.probing = true;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.query('select 1'),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer to the probe within ${this.tuning.probeTimeoutMs} ms`)), this.tuning.probeTimeoutMs);
        }),
      ]);
    } catch (err) {
      if (client === this.client) {
        this.lost(client, err as Error);
        // The probe is still waiting: end() destroys the socket rather than wait for a goodbye.
        void client.end().catch(() => undefined);
      }
    } finally {
      clearTimeout(timer);
      this.probing = false;
    }
  }

  private lost(client: pg.Client, err?: Error): void {
    if (client !== this.client || this.stateValue === 'closed') return;
    this.client = undefined;
    this.listening.clear();
    clearInterval(this.probeTimer);
    for (const r of this.registrations) r.missed = true;
    this.stateValue = 'reconnecting';
    this.downSince = Date.now();
    this.attempt = 0;
    this.log?.error({ listener: this.tuning.applicationName, err: err?.message ?? 'connection ended' }, 'database listener lost: reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.stateValue === 'closed') return;
    const delay = retryDelay(this.attempt++, this.tuning.minDelayMs, this.tuning.maxDelayMs);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stateValue === 'closed') return;
      this.ensureConnected().catch((err) => {
        if (this.stateValue === 'closed') return;
        this.log?.warn(
          { listener: this.tuning.applicationName, err: (err as Error).message, attempt: this.attempt, downMs: Date.now() - this.downSince },
          'database listener: reconnection failed, retrying',
        );
        this.scheduleRetry();
      });
    }, delay);
    this.retryTimer.unref();
  }
}
