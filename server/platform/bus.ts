// The event bus. One call, `record`, writes what a change leaves behind in the change's own
// transaction: the audit entry, the domain event (for actions the catalogue marks as events), a job
// for each durable subscriber of that event, and the citizen's notices (email in the outbox with its
// send job, the personal area's message) — in one SQL statement, so a booking pays one round trip
// for all of it. At commit PostgreSQL announces the event to every node (NOTIFY); each node hands it
// to its local subscribers (read caches, live screens). Durable subscribers run from the job queue on
// any worker, retried until they succeed. A rolled-back change leaves nothing and announces nothing.
//
// Transactions opened with `bus.transaction` also dispatch their events to this node's local
// subscribers right after commit, before the HTTP answer leaves: a writer reads its own writes
// without waiting for the notification to come round (the echo is recognised and skipped).
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { ACTIVITY, type ActionName, type EntityType, type EventName, isEventName } from '../../contracts/activity.ts';
import type { BusEvent, EventPayload } from '../../contracts/events.ts';
import type { Database } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { type CitizenNotice, noticeValues } from './notices.ts';

export const EVENTS_CHANNEL = 'sportello_events';
const JOBS_CHANNEL = 'sportello_jobs';
export const DELIVER_JOB = 'bus.deliver';

export interface Actor {
  type: 'operator' | 'citizen' | 'system';
  /** The officer's id, the citizen's id or email; null when unknown (a kiosk). */
  id?: string | null;
}

interface ChangeBase<A extends ActionName> {
  tenantId: string;
  actor: Actor;
  action: A;
  /** The record the action concerns (its type defaults to the catalogue's). */
  entityId?: string | null;
  entityType?: EntityType | 'video_room';
  /** What the audit log keeps for people reading it later. */
  details?: Record<string, unknown>;
  /** Messages to citizens: an email (outbox + send job) and/or the personal area's inbox. */
  notices?: CitizenNotice[];
}

/** An action that is an event carries its typed payload; others carry none. */
export type Change<A extends ActionName = ActionName> = ChangeBase<A> & (A extends EventName ? { payload: EventPayload<A> } : { payload?: undefined });

export type LocalHandler = (event: BusEvent) => void | Promise<void>;
export type DurableHandler = (event: BusEvent) => Promise<void>;

export interface LocalSubscriber {
  name: string;
  /** Event names, or a predicate over them. */
  events: readonly EventName[] | ((name: EventName) => boolean);
  handle: LocalHandler;
  /** After the notification channel was down: whatever may have been missed, catch up (read again, clear). */
  resync?: () => void | Promise<void>;
}

export interface DurableSubscriber {
  /** Stable: it is written into the jobs it causes. */
  name: string;
  events: readonly EventName[];
  handle: (event: BusEvent) => Promise<void>;
}

type Q = Kysely<DB> | Transaction<DB>;

const matches = (s: LocalSubscriber, name: EventName) => (typeof s.events === 'function' ? s.events(name) : s.events.includes(name));

export class EventBus {
  private readonly local: LocalSubscriber[] = [];
  private readonly durable = new Map<string, DurableSubscriber>();
  private readonly durableByEvent = new Map<EventName, string[]>();
  /** Events recorded in transactions opened by `transaction`, dispatched after their commit. */
  private readonly pending = new WeakMap<object, BusEvent[]>();
  /** Ids dispatched here already (the NOTIFY echo of this node's own commits is skipped). */
  private readonly seen = new Set<number>();
  private unlisten?: () => Promise<void>;

  constructor(
    private readonly database: Database,
    private readonly log: Logger,
  ) {}

  subscribe(s: LocalSubscriber): () => void {
    this.local.push(s);
    return () => {
      const i = this.local.indexOf(s);
      if (i >= 0) this.local.splice(i, 1);
    };
  }

  /** Durable subscribers are known at start, before the first write: `record` enqueues their jobs. */
  subscribeDurable(s: DurableSubscriber): void {
    if (this.durable.has(s.name)) throw new Error(`durable subscriber ${s.name} registered twice`);
    this.durable.set(s.name, s);
    for (const e of s.events) this.durableByEvent.set(e, [...(this.durableByEvent.get(e) ?? []), s.name]);
  }

  durableSubscriber(name: string): DurableSubscriber | undefined {
    return this.durable.get(name);
  }

  /** Listens to every node's events; `resync` subscribers catch up when the channel comes back. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(EVENTS_CHANNEL, (payload) => this.onNotification(payload), {
      onReconnect: () => this.resync(),
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
  }

  /** A transaction whose events reach this node's subscribers as soon as it commits. */
  async transaction<T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    let events: BusEvent[] = [];
    const result = await db.transaction().execute(async (trx) => {
      events = [];
      this.pending.set(trx, events);
      return fn(trx);
    });
    for (const e of events) this.dispatch(e);
    return result;
  }

  /** Writes the audit entry, the event, its durable deliveries and the notices, in one statement. */
  async record<A extends ActionName>(trx: Q, change: Change<A>): Promise<void> {
    const spec = ACTIVITY[change.action] as { entity?: string };
    const action: string = change.action;
    const isEvent = isEventName(action);
    const subscribers = isEventName(action) ? (this.durableByEvent.get(action) ?? []) : [];
    const entityId = change.entityId ?? null;
    const entityType = change.entityType ?? spec.entity ?? null;
    const audited = (spec as { audited?: false }).audited !== false;
    const ctes: RawBuilder<unknown>[] = [];
    if (audited)
      ctes.push(
        sql`a as (insert into audit_log (tenant_id, actor_type, actor_id, action, entity_type, entity_id, details)
        values (${change.tenantId}, ${change.actor.type}, ${change.actor.id ?? null}, ${change.action}, ${entityType}, ${entityId}, ${JSON.stringify(change.details ?? {})}::jsonb))`,
      );
    const payload = JSON.stringify(change.payload ?? {});
    if (isEvent) {
      ctes.push(sql`ev as (insert into events (tenant_id, type, entity_id, payload)
        values (${change.tenantId}, ${change.action}, ${uuidOrNull(entityId)}::uuid, ${payload}::jsonb) returning id)`);
      if (subscribers.length) {
        ctes.push(sql`dj as (insert into jobs (name, payload)
          select ${DELIVER_JOB}, jsonb_build_object('eventId', ev.id, 'subscriber', s) from ev cross join unnest(string_to_array(${subscribers.join(',')}, ',')) s)`);
      }
    }
    const jobs = noticeCtes(ctes, change.tenantId, change.notices ?? []) || subscribers.length > 0;
    const wakeJobs = jobs ? sql`, pg_notify(${JOBS_CHANNEL}, 'bus')` : sql``;
    if (!ctes.length) return;
    const select = isEvent
      ? sql`select ev.id, pg_notify(${EVENTS_CHANNEL}, json_build_object('id', ev.id, 'tenantId', ${change.tenantId}::text, 'name', ${change.action}::text, 'entityId', ${entityId}::text, 'payload', ${payload}::json)::text) ${wakeJobs} from ev`
      : sql`select null::bigint as id ${wakeJobs}`;
    const res = await sql<{ id: number | null }>`with ${sql.join(ctes, sql`, `)} ${select}`.execute(trx);
    const id = res.rows[0]?.id;
    if (isEvent && id != null) {
      this.pending.get(trx)?.push({ id: Number(id), tenantId: change.tenantId, name: change.action, entityId, payload: change.payload ?? {} } as BusEvent);
    }
  }

  /** Notices with no action behind them to audit (a reminder, "almost your turn"): outbox and inbox only. */
  async notify(trx: Q, tenantId: string, notices: CitizenNotice[]): Promise<void> {
    const ctes: RawBuilder<unknown>[] = [];
    const jobs = noticeCtes(ctes, tenantId, notices);
    if (!ctes.length) return;
    await sql`with ${sql.join(ctes, sql`, `)} select ${jobs ? sql`pg_notify(${JOBS_CHANNEL}, 'bus')` : sql`1`}`.execute(trx);
  }

  private onNotification(raw: string): void {
    let e: BusEvent;
    try {
      e = JSON.parse(raw) as BusEvent;
    } catch {
      return;
    }
    if (typeof e?.id !== 'number' || !isEventName(e.name)) return;
    this.dispatch(e);
  }

  private dispatch(e: BusEvent): void {
    if (this.seen.has(e.id)) return;
    this.seen.add(e.id);
    // A bounded memory of what was handled: the echo of a commit arrives within milliseconds.
    if (this.seen.size > 10_000) this.seen.delete(this.seen.values().next().value!);
    for (const s of this.local) {
      if (!matches(s, e.name)) continue;
      try {
        const r = s.handle(e);
        if (r && typeof r.catch === 'function') r.catch((err) => this.log.error({ err, subscriber: s.name, event: e.name }, 'event subscriber failed'));
      } catch (err) {
        this.log.error({ err, subscriber: s.name, event: e.name }, 'event subscriber failed');
      }
    }
  }

  private async resync(): Promise<void> {
    this.log.warn('event channel reconnected: subscribers catch up');
    for (const s of this.local) {
      try {
        await s.resync?.();
      } catch (err) {
        this.log.error({ err, subscriber: s.name }, 'event subscriber resync failed');
      }
    }
  }
}

/** A durable delivery job: the event is read back from the events table and handed to its subscriber. */
export async function loadEvent(db: Q, id: number): Promise<BusEvent | undefined> {
  const row = await db.selectFrom('events').select(['id', 'tenant_id', 'type', 'entity_id', 'payload']).where('id', '=', id).executeTakeFirst();
  if (!row || !isEventName(row.type)) return undefined;
  return { id: Number(row.id), tenantId: row.tenant_id, name: row.type, entityId: row.entity_id, payload: row.payload } as BusEvent;
}

/** Adds the outbox, send-job and inbox inserts of the notices; true when a job was queued. */
function noticeCtes(ctes: RawBuilder<unknown>[], tenantId: string, notices: CitizenNotice[]): boolean {
  let jobs = false;
  for (const [i, notice] of notices.entries()) {
    const v = noticeValues(tenantId, notice);
    if (v.mail) {
      jobs = true;
      const m = sql.raw(`m${i}`);
      ctes.push(sql`${m} as (insert into mail_outbox (tenant_id, to_address, subject, text_body, html_body, attachments, dedupe_key)
        values (${tenantId}, ${v.mail.to}, ${v.mail.subject}, ${v.mail.text}, ${v.mail.html}, ${v.mail.attachments}::jsonb, ${v.mail.dedupeKey})
        on conflict (dedupe_key) do nothing returning id)`);
      ctes.push(sql`${sql.raw(`mj${i}`)} as (insert into jobs (name, payload) select 'mail.send', jsonb_build_object('mailId', id) from ${m})`);
    }
    if (v.inbox) {
      ctes.push(sql`${sql.raw(`i${i}`)} as (insert into citizen_messages (tenant_id, fiscal_code, subject, body, link, dedupe_key, sender, operator_id, created_at)
        values (${tenantId}, ${v.inbox.fiscalCode}, ${v.inbox.subject}, ${v.inbox.body}, ${v.inbox.link}, ${v.inbox.dedupeKey}, ${v.inbox.sender}, ${v.inbox.operatorId}, ${v.inbox.at})
        on conflict (dedupe_key) do nothing)`);
    }
  }
  return jobs;
}

function uuidOrNull(id: string | null): string | null {
  return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
}
