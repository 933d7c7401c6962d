// What an officer does at a desk: call the next ticket (or a chosen one), recall, start serving,
// finish, no-show, park and resume, transfer. Each action is one transaction that first locks the
// desk row (actions of one desk never interleave) and checks the officer is signed in there; each
// writes the ticket's history, the audit log and a notice to every node's live screens.
import { sql, type Transaction, type UpdateObject } from 'kysely';
import type { TransferRequest } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB, QueueKind, TicketStatus } from '../../platform/db/schema.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { announceRoomEnded, endQueueRoom, openQueueRoom } from '../video/index.ts';
import { nextTicketStatus, type TicketAction } from './domain/ticket-status.ts';
import { badTransferTarget, deskNotFound, invalidTicketTransition, noCurrentTicket, notAtDesk, ticketNotFound } from './errors.ts';
import { sendAlmostAlerts } from './alerts.ts';
import {
  activeDeskSession,
  callableQueueIds,
  claimNextTicket,
  deskTickets,
  findOfficeSettings,
  insertTicketEvent,
  lockDesk,
  lockTicket,
  type OfficeSettingsRow,
  type TicketRow,
} from './repository.ts';
import { ticketNotice } from './ticket-emails.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import type { QueueTenant } from './take-ticket.ts';

interface DeskScope {
  ctx: AppContext;
  trx: Transaction<DB>;
  desk: { id: string; name: string; office_id: string; takes_video: boolean };
  office: OfficeSettingsRow;
  now: Date;
  day: string;
  /** Rooms to close (on every node) once the transaction has committed. */
  endedRooms: string[];
}

export interface DeskActionResult {
  ticket: TicketRow | null;
  officerVideoUrl?: string;
}

async function atDesk<T>(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string, fn: (s: DeskScope) => Promise<T>): Promise<T> {
  const endedRooms: string[] = [];
  const result = await ctx.bus.transaction(ctx.db, async (trx) => {
    const desk = await lockDesk(trx, op.tenantId, deskId);
    if (!desk) throw deskNotFound();
    assertOffice(op, desk.office_id);
    const session = await activeDeskSession(trx, desk.id);
    if (!session || session.operator_id !== op.id) throw notAtDesk();
    const office = (await findOfficeSettings(trx, op.tenantId, desk.office_id))!;
    const now = ctx.clock.now();
    return fn({ ctx, trx, desk, office, now, day: localDate(now.getTime(), tenant.time_zone), endedRooms });
  });
  for (const roomId of endedRooms) await announceRoomEnded(ctx, roomId);
  return result;
}

function transition(t: TicketRow, action: TicketAction): TicketStatus {
  const to = nextTicketStatus(t.status, action);
  if (!to) throw invalidTicketTransition(t.status);
  return to;
}

/** Seconds served since the service started (or since the call, when "start" was never pressed). */
function servedSince(t: TicketRow, now: Date): number {
  const from = t.serve_started_at ?? t.last_called_at;
  return from ? Math.max(0, Math.round((now.getTime() - from.getTime()) / 1000)) : 0;
}

/** The ticket's history (its own types, read by its page and the statistics) and the audited event. */
const ACTIONS = {
  called: 'ticket.called',
  resumed: 'ticket.resumed',
  recalled: 'ticket.recalled',
  started: 'ticket.started',
  finished: 'ticket.finished',
  no_show: 'ticket.missed',
  parked: 'ticket.parked',
  transferred: 'ticket.transferred',
} as const;

async function record(
  s: DeskScope,
  op: OperatorPrincipal,
  t: TicketRow,
  type: keyof typeof ACTIONS,
  details: Record<string, unknown> = {},
  notice?: CitizenNotice | null,
): Promise<void> {
  await insertTicketEvent(s.trx, { tenantId: op.tenantId, ticketId: t.id, type, deskId: s.desk.id, operatorId: op.id, details, at: s.now });
  await s.ctx.bus.record(s.trx, {
    tenantId: op.tenantId,
    actor: { type: 'operator', id: op.id },
    action: ACTIONS[type],
    entityId: t.id,
    details: { number: t.number, deskId: s.desk.id, ...details },
    payload: { officeId: t.office_id, queueId: t.queue_id, number: t.number, status: t.status },
    notices: notice ? [notice] : [],
  });
}

async function update(s: DeskScope, t: TicketRow, cols: UpdateObject<DB, 'tickets'>): Promise<TicketRow> {
  return s.trx
    .updateTable('tickets')
    .set({ ...cols, updated_at: s.now })
    .where('id', '=', t.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function finish(s: DeskScope, op: OperatorPrincipal, t: TicketRow, note: string | null, how: 'finish' | 'auto'): Promise<TicketRow> {
  const to = transition(t, 'finish');
  const served = t.status === 'parked' ? t.served_seconds : t.served_seconds + servedSince(t, s.now);
  const row = await update(s, t, { status: to, finished_at: s.now, served_seconds: served, note: note ?? t.note });
  await record(s, op, row, 'finished', { servedSeconds: served, ...(how === 'auto' ? { by: 'call-next' } : {}), ...(note ? { note } : {}) });
  if (t.room_id && (await endQueueRoom(s.trx, t.room_id, s.now))) s.endedRooms.push(t.room_id);
  return row;
}

async function queueKind(s: DeskScope, queueId: string): Promise<QueueKind> {
  const q = await s.trx.selectFrom('queues').select('kind').where('id', '=', queueId).executeTakeFirstOrThrow();
  return q.kind;
}

function mailContext(tenant: QueueTenant, s: DeskScope) {
  return { tenant, officeName: s.office.name, officeAddress: s.office.address };
}

async function alertQueue(ctx: AppContext, tenant: QueueTenant, s: DeskScope, queueId: string, kind: QueueKind): Promise<void> {
  const dueBefore = new Date(s.now.getTime() + s.office.queue_early_min * 60_000);
  await sendAlmostAlerts(s.trx, ctx, mailContext(tenant, s), { queueId, kind, day: s.day, dueBefore, alertAhead: s.office.queue_alert_ahead });
}

/** Puts a waiting ticket at this desk: the board shows it, the citizen's page and email say where. */
async function callTicket(
  ctx: AppContext,
  tenant: QueueTenant,
  op: OperatorPrincipal,
  s: DeskScope,
  t: TicketRow,
  type: 'called' | 'resumed',
  knownKind?: QueueKind,
): Promise<DeskActionResult> {
  const kind = knownKind ?? (await queueKind(s, t.queue_id));
  let room: { roomId: string; officerUrl: string } | undefined;
  if (kind === 'video' && !t.room_id) {
    room = await openQueueRoom(s.trx, ctx, {
      tenantId: op.tenantId,
      tenantSlug: tenant.slug,
      officeId: s.desk.office_id,
      operatorId: op.id,
      citizenName: t.citizen_name,
      now: s.now,
    });
  }
  const row = await update(s, t, {
    status: 'called',
    desk_id: s.desk.id,
    operator_id: op.id,
    called_at: t.called_at ?? s.now,
    last_called_at: s.now,
    last_call_seq: sql<number>`nextval('ticket_call_seq')`,
    call_count: t.call_count + 1,
    target_desk_id: null,
    ...(room ? { room_id: room.roomId } : {}),
  });
  const notice = await ticketNotice(s.trx, ctx.config, { ...mailContext(tenant, s), queueKind: kind }, row, { kind: 'called', deskName: s.desk.name });
  await record(s, op, row, type, room ? { roomId: room.roomId } : {}, notice);
  if (type === 'called') await alertQueue(ctx, tenant, s, t.queue_id, kind);
  return { ticket: row, ...(room ? { officerVideoUrl: room.officerUrl } : {}) };
}

/** The ticket called to or served at this desk. */
async function currentTicket(s: DeskScope): Promise<TicketRow | undefined> {
  const [t] = await deskTickets(s.trx, s.desk.id, ['called', 'serving']);
  return t ? lockTicket(s.trx, t.tenant_id, t.id) : undefined;
}

async function finishCurrent(s: DeskScope, op: OperatorPrincipal): Promise<void> {
  for (const t of await deskTickets(s.trx, s.desk.id, ['called', 'serving'])) {
    const locked = (await lockTicket(s.trx, op.tenantId, t.id))!;
    if (locked.status === 'called' || locked.status === 'serving') await finish(s, op, locked, null, 'auto');
  }
}

/**
 * Call next: closes what the desk has in hand, then takes the first ticket of its line (or the
 * chosen one). Null when the line is empty.
 */
export async function callNext(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string, ticketId?: string): Promise<DeskActionResult> {
  return atDesk(ctx, tenant, op, deskId, async (s) => {
    await finishCurrent(s, op);
    const queueIds = await callableQueueIds(s.trx, s.desk.id);
    const dueBefore = new Date(s.now.getTime() + s.office.queue_early_min * 60_000);
    const next = await claimNextTicket(s.trx, { officeId: s.desk.office_id, day: s.day, deskId: s.desk.id, queueIds, dueBefore, ticketId });
    if (!next) {
      if (ticketId) throw ticketNotFound();
      return { ticket: null };
    }
    const { queue_kind, ...ticket } = next;
    return callTicket(ctx, tenant, op, s, ticket, 'called', queue_kind);
  });
}

async function withCurrent(
  ctx: AppContext,
  tenant: QueueTenant,
  op: OperatorPrincipal,
  deskId: string,
  fn: (s: DeskScope, t: TicketRow) => Promise<DeskActionResult>,
): Promise<DeskActionResult> {
  return atDesk(ctx, tenant, op, deskId, async (s) => {
    const t = await currentTicket(s);
    if (!t) throw noCurrentTicket();
    return fn(s, t);
  });
}

export function recall(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string): Promise<DeskActionResult> {
  return withCurrent(ctx, tenant, op, deskId, async (s, t) => {
    transition(t, 'recall');
    const row = await update(s, t, { last_called_at: s.now, last_call_seq: sql<number>`nextval('ticket_call_seq')`, call_count: t.call_count + 1 });
    const notice = await ticketNotice(s.trx, ctx.config, { ...mailContext(tenant, s), queueKind: await queueKind(s, t.queue_id) }, row, { kind: 'called', deskName: s.desk.name });
    await record(s, op, row, 'recalled', { callCount: row.call_count }, notice);
    return { ticket: row };
  });
}

export function startServing(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string): Promise<DeskActionResult> {
  return withCurrent(ctx, tenant, op, deskId, async (s, t) => {
    const row = await update(s, t, { status: transition(t, 'start'), serve_started_at: s.now });
    await record(s, op, row, 'started');
    return { ticket: row };
  });
}

export function finishServing(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string, note: string | undefined): Promise<DeskActionResult> {
  return withCurrent(ctx, tenant, op, deskId, async (s, t) => ({ ticket: await finish(s, op, t, note?.trim() || null, 'finish') }));
}

export function noShow(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string): Promise<DeskActionResult> {
  return withCurrent(ctx, tenant, op, deskId, async (s, t) => {
    const row = await update(s, t, { status: transition(t, 'no-show'), finished_at: s.now });
    await record(s, op, row, 'no_show', { callCount: t.call_count });
    if (t.room_id && (await endQueueRoom(s.trx, t.room_id, s.now))) s.endedRooms.push(t.room_id);
    return { ticket: row };
  });
}

/** Park: the citizen steps away (a missing document); the ticket waits at this desk to be resumed. */
export function park(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string): Promise<DeskActionResult> {
  return withCurrent(ctx, tenant, op, deskId, async (s, t) => {
    const row = await update(s, t, {
      status: transition(t, 'park'),
      served_seconds: t.served_seconds + (t.status === 'serving' ? servedSince(t, s.now) : 0),
      serve_started_at: null,
    });
    await record(s, op, row, 'parked');
    return { ticket: row };
  });
}

/** Resume a ticket parked at this desk: it is called again here (what the desk had in hand is finished). */
export function resume(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string, ticketId: string): Promise<DeskActionResult> {
  return atDesk(ctx, tenant, op, deskId, async (s) => {
    const t = await lockTicket(s.trx, op.tenantId, ticketId);
    if (!t || t.desk_id !== s.desk.id) throw ticketNotFound();
    transition(t, 'resume');
    await finishCurrent(s, op);
    return callTicket(ctx, tenant, op, s, t, 'resumed');
  });
}

/**
 * Transfer the desk's current ticket (or one parked here) to another queue of the office, to one
 * desk, or both. It keeps its number and, unless told otherwise, its place by the time it was taken.
 */
export function transfer(ctx: AppContext, tenant: QueueTenant, op: OperatorPrincipal, deskId: string, req: TransferRequest & { ticketId?: string }): Promise<DeskActionResult> {
  if (!req.queueId && !req.deskId) throw badTransferTarget();
  return atDesk(ctx, tenant, op, deskId, async (s) => {
    const t = req.ticketId ? await lockTicket(s.trx, op.tenantId, req.ticketId) : await currentTicket(s);
    if (!t) throw req.ticketId ? ticketNotFound() : noCurrentTicket();
    if (t.desk_id !== s.desk.id) throw ticketNotFound();
    const to = transition(t, 'transfer');
    if (req.queueId) {
      const q = await s.trx.selectFrom('queues').select('id').where('id', '=', req.queueId).where('office_id', '=', s.desk.office_id).where('active', '=', true).executeTakeFirst();
      if (!q) throw badTransferTarget();
    }
    if (req.deskId) {
      const d = await s.trx.selectFrom('desks').select('id').where('id', '=', req.deskId).where('office_id', '=', s.desk.office_id).where('active', '=', true).executeTakeFirst();
      if (!d) throw badTransferTarget();
    }
    const served = t.served_seconds + (t.status === 'parked' ? 0 : servedSince(t, s.now));
    if (t.room_id && (await endQueueRoom(s.trx, t.room_id, s.now))) s.endedRooms.push(t.room_id);
    const row = await update(s, t, {
      status: to,
      queue_id: req.queueId ?? t.queue_id,
      target_desk_id: req.deskId ?? null,
      desk_id: null,
      operator_id: null,
      serve_started_at: null,
      served_seconds: served,
      room_id: null,
      alert_sent: false,
      sort_at: req.keepPlace === false ? s.now : t.sort_at,
      note: req.note?.trim() || t.note,
    });
    await record(s, op, row, 'transferred', {
      toQueue: req.queueId ?? null,
      toDesk: req.deskId ?? null,
      keepPlace: req.keepPlace !== false,
      ...(req.note ? { note: req.note } : {}),
    });
    return { ticket: row };
  });
}
