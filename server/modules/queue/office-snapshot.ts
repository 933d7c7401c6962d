// One office's queue at one instant: its settings, queues, desks (with who is at them), the day's
// tickets in play and the services' typical handling times. Every view of the queue (a citizen's
// ticket, the officer's line, the board, the office's queue info) is computed from a snapshot, so a
// change is read from the database once per office and fanned out to every screen.
import type { AppContext } from '../../platform/context.ts';
import type { PriorityClass } from '../../platform/db/schema.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import type { LineRules, LineTicket } from './domain/line-order.ts';
import { typicalHandlingMinutes, MAX_SAMPLES } from './domain/wait-estimate.ts';
import {
  findOfficeSettings,
  handlingSamples,
  listOfficeDayTickets,
  listOfficeDesks,
  listOfficeQueues,
  type DeskRow,
  type OfficeSettingsRow,
  type LineRow,
  type QueueRow,
} from './repository.ts';

export interface SnapshotTenant {
  id: string;
  slug: string;
  name: string;
  time_zone: string;
  priority_classes: PriorityClass[];
}

export interface OfficeSnapshot {
  tenant: SnapshotTenant;
  office: OfficeSettingsRow;
  day: string;
  now: number;
  queues: QueueRow[];
  desks: DeskRow[];
  /** The day's tickets waiting, called, being served or parked, plus any asked for by id. */
  tickets: LineRow[];
  /** False when the waiting tickets were left out (see loadOfficeSnapshot). */
  complete: boolean;
  rules: LineRules;
  handlingMinutes(serviceId: string): number;
}

const SAMPLE_DAYS = 30;
const HANDLING_TTL_MS = 60_000;
/** Longest a node serves an office's set-up read before (a change on another node that sent no notice). */
const SETUP_TTL_MS = 10_000;

export interface OfficeSetup {
  office: OfficeSettingsRow;
  queues: QueueRow[];
  desks: DeskRow[];
}

/**
 * An office's set-up (rules, queues with services, desks with queues and officers) changes a few
 * times a day while its line changes every minute: kept per office, dropped by a "set-up" notice
 * event (desk sign-in or sign-out, queue and office configuration: see the queue module's
 * subscribers) from any node, and after SETUP_TTL_MS whatever happens.
 */
export class OfficeSetups {
  // By comune and office: an office id asked for under another comune must neither find nor spoil
  // the real office's entry.
  private readonly byOffice = new Map<string, { at: number; setup: Promise<OfficeSetup | null> }>();

  get(ctx: AppContext, tenantId: string, officeId: string): Promise<OfficeSetup | null> {
    const key = `${tenantId}:${officeId}`;
    const hit = this.byOffice.get(key);
    if (hit && performance.now() - hit.at < SETUP_TTL_MS) return hit.setup;
    const setup = (async () => {
      const office = await findOfficeSettings(ctx.db, tenantId, officeId);
      if (!office) return null;
      const [queues, desks] = await Promise.all([listOfficeQueues(ctx.db, tenantId, officeId), listOfficeDesks(ctx.db, tenantId, officeId)]);
      return { office, queues, desks };
    })();
    this.byOffice.set(key, { at: performance.now(), setup });
    // Only real offices are kept: "not found" is never remembered.
    setup.then((s) => s ?? this.byOffice.delete(key)).catch(() => this.byOffice.delete(key));
    return setup;
  }

  forget(officeId?: string): void {
    if (!officeId) {
      this.byOffice.clear();
      return;
    }
    for (const key of this.byOffice.keys()) if (key.endsWith(`:${officeId}`)) this.byOffice.delete(key);
  }
}

/** What snapshots read through: handling times and set-ups, one of each per node. */
export interface QueueCaches {
  handling: HandlingTimes;
  setups: OfficeSetups;
}

/**
 * Typical handling times per office, kept for a minute (of the domain clock, so a simulated day
 * behaves as a real one): they move slowly, and reading the last weeks' finished tickets on every
 * change of the line would cost more than the rest of the snapshot.
 */
export class HandlingTimes {
  private readonly byOffice = new Map<string, { at: number; samples: Map<string, number[]> }>();

  async forOffice(ctx: AppContext, officeId: string): Promise<Map<string, number[]>> {
    const now = ctx.clock.now().getTime();
    const hit = this.byOffice.get(officeId);
    if (hit && now - hit.at >= 0 && now - hit.at < HANDLING_TTL_MS) return hit.samples;
    const since = new Date(now - SAMPLE_DAYS * 86_400_000);
    const samples = await handlingSamples(ctx.db, officeId, since, MAX_SAMPLES);
    this.byOffice.set(officeId, { at: now, samples });
    return samples;
  }

  forget(officeId: string): void {
    this.byOffice.delete(officeId);
  }
}

/**
 * `withWaiting: false` leaves the waiting tickets out (all but the ones asked for): enough for a view
 * of one ticket whose place is counted in SQL, and cheap however long the line.
 */
export async function loadOfficeSnapshot(
  ctx: AppContext,
  caches: QueueCaches,
  tenant: SnapshotTenant,
  officeId: string,
  alsoTicketIds: readonly string[] = [],
  opts: { withWaiting?: boolean } = {},
): Promise<OfficeSnapshot | null> {
  const setup = await caches.setups.get(ctx, tenant.id, officeId);
  if (!setup) return null;
  const { office, queues, desks } = setup;
  const now = ctx.clock.now().getTime();
  const day = localDate(now, tenant.time_zone);
  const [tickets, samples] = await Promise.all([listOfficeDayTickets(ctx.db, officeId, day, alsoTicketIds, opts.withWaiting ?? true), caches.handling.forOffice(ctx, officeId)]);
  const durations = new Map(queues.flatMap((q) => q.services.map((s) => [s.id, s.duration_min] as const)));
  const minutes = new Map<string, number>();
  return {
    tenant,
    office,
    day,
    now,
    queues,
    desks,
    tickets,
    complete: opts.withWaiting ?? true,
    rules: { earlyMin: office.queue_early_min },
    handlingMinutes(serviceId) {
      let m = minutes.get(serviceId);
      if (m === undefined) minutes.set(serviceId, (m = typicalHandlingMinutes(samples.get(serviceId) ?? [], durations.get(serviceId) ?? 15)));
      return m;
    },
  };
}

export function toLineTicket(t: LineRow): LineTicket {
  return {
    id: t.id,
    queueId: t.queue_id,
    sortAt: t.sort_at,
    appointmentAt: t.appointment_at,
    late: t.late,
    priority: t.priority_class !== null,
    targetDeskId: t.target_desk_id,
    arrival: t.arrival,
  };
}

/** The waiting tickets of the day, as the ordering code sees them. */
export function waitingOf(s: OfficeSnapshot): Array<LineTicket & { serviceId: string }> {
  return s.tickets.filter((t) => t.status === 'waiting' && t.service_day === s.day).map((t) => ({ ...toLineTicket(t), serviceId: t.service_id }));
}

function servesQueue(desk: DeskRow, queue: QueueRow): boolean {
  return desk.active && desk.queueIds.includes(queue.id) && (queue.kind === 'in_person' || desk.takes_video);
}

/** Desks able to serve a queue with an officer at them now; with none, the desks configured for it. */
export function desksFor(s: OfficeSnapshot, queueId: string): { open: number; configured: number } {
  const queue = s.queues.find((q) => q.id === queueId);
  if (!queue) return { open: 0, configured: 0 };
  const able = s.desks.filter((d) => servesQueue(d, queue));
  return { open: able.filter((d) => d.operator !== null).length, configured: able.length };
}
