// Use cases behind the admin routes. Each checks that the record belongs to the officer's comune
// (and office scope) before changing it, and writes its audit entry in the same transaction.
import type { Static } from 'typebox';
import type { DeskInput, DeskPatch, ExceptionInput, OfficeInput, OfficePatch, OperatorOffice, ServiceInput, ServicePatch, WeeklyHours } from '../../../contracts/operator.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { assertCanConfigureOffice, assertOffice } from '../../platform/staff/policy.ts';
import { isValidDate, parseTimeOfDay } from '../../platform/time/zoned-time.ts';
import { listOperatorOffices } from './offices-view.ts';

async function officeView(ctx: AppContext, op: OperatorPrincipal, officeId: string): Promise<OperatorOffice> {
  const [office] = await listOperatorOffices(ctx.db, op.tenantId, [officeId]);
  if (!office) throw appError('NOT_FOUND', { variant: 'office' });
  return office;
}

const by = (op: OperatorPrincipal) => ({ tenantId: op.tenantId, actor: { type: 'operator' as const, id: op.id } });

export async function createOffice(ctx: AppContext, op: OperatorPrincipal, input: Static<typeof OfficeInput>): Promise<OperatorOffice> {
  const id = await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('offices')
      .values({
        tenant_id: op.tenantId,
        name: input.name.trim(),
        description: input.description ?? '',
        address: input.address.trim(),
        phone: input.phone ?? null,
        email: input.email ?? null,
        opening_hours: input.openingHours ?? '',
        active: input.active ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.bus.record(trx, { ...by(op), action: 'office.created', entityId: row.id, details: { ...input }, payload: { officeId: row.id } });
    return row.id;
  });
  return officeView(ctx, op, id);
}

export async function updateOffice(ctx: AppContext, op: OperatorPrincipal, officeId: string, patch: Static<typeof OfficePatch>): Promise<OperatorOffice> {
  const cols = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(patch.openingHours !== undefined ? { opening_hours: patch.openingHours } : {}),
    ...(patch.active !== undefined ? { active: patch.active } : {}),
  };
  // Nothing to change (an empty patch) is not an error, but the office must exist; no audit entry.
  if (!Object.keys(cols).length) return officeView(ctx, op, officeId);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const res = await trx.updateTable('offices').set(cols).where('id', '=', officeId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
    if (!Number(res.numUpdatedRows)) throw appError('NOT_FOUND', { variant: 'office' });
    await ctx.bus.record(trx, { ...by(op), action: 'office.updated', entityId: officeId, details: { ...patch }, payload: { officeId } });
  });
  return officeView(ctx, op, officeId);
}

async function serviceOffice(ctx: AppContext, op: OperatorPrincipal, serviceId: string): Promise<string> {
  const row = await ctx.db.selectFrom('services').select('office_id').where('id', '=', serviceId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { variant: 'service' });
  assertOffice(op, row.office_id);
  assertCanConfigureOffice(op, row.office_id);
  return row.office_id;
}

function serviceColumns(p: Static<typeof ServicePatch>) {
  return {
    ...(p.name !== undefined ? { name: p.name.trim() } : {}),
    ...(p.description !== undefined ? { description: p.description } : {}),
    ...(p.topic !== undefined ? { topic: p.topic } : {}),
    ...(p.durationMinutes !== undefined ? { duration_min: p.durationMinutes } : {}),
    ...(p.bufferMinutes !== undefined ? { buffer_min: p.bufferMinutes } : {}),
    ...(p.minNoticeMinutes !== undefined ? { min_notice_min: p.minNoticeMinutes } : {}),
    ...(p.horizonDays !== undefined ? { horizon_days: p.horizonDays } : {}),
    ...(p.cutoffMinutes !== undefined ? { cutoff_min: p.cutoffMinutes } : {}),
    ...(p.mode !== undefined ? { mode: p.mode } : {}),
    ...(p.whatToBring !== undefined ? { what_to_bring: p.whatToBring } : {}),
    ...(p.maxActivePerCitizen !== undefined ? { max_active_per_citizen: p.maxActivePerCitizen } : {}),
    ...(p.requiresApproval !== undefined ? { requires_approval: p.requiresApproval } : {}),
    ...(p.videoOpensBeforeMinutes !== undefined ? { video_opens_before_min: p.videoOpensBeforeMinutes } : {}),
    ...(p.videoClosesAfterMinutes !== undefined ? { video_closes_after_min: p.videoClosesAfterMinutes } : {}),
    ...(p.active !== undefined ? { active: p.active } : {}),
  };
}

export async function createService(ctx: AppContext, op: OperatorPrincipal, input: Static<typeof ServiceInput>): Promise<OperatorOffice> {
  const office = await ctx.db.selectFrom('offices').select('id').where('id', '=', input.officeId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!office) throw appError('NOT_FOUND', { variant: 'office' });
  const { officeId, ...rest } = input;
  const cols = serviceColumns(rest);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('services')
      .values({ tenant_id: op.tenantId, office_id: officeId, name: input.name.trim(), duration_min: input.durationMinutes, ...cols })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.bus.record(trx, { ...by(op), action: 'service.created', entityId: row.id, details: { ...input }, payload: { officeId } });
  });
  return officeView(ctx, op, officeId);
}

export async function updateService(ctx: AppContext, op: OperatorPrincipal, serviceId: string, patch: Static<typeof ServicePatch>): Promise<OperatorOffice> {
  const officeId = await serviceOffice(ctx, op, serviceId);
  const cols = serviceColumns(patch);
  if (Object.keys(cols).length) {
    await ctx.bus.transaction(ctx.db, async (trx) => {
      await trx.updateTable('services').set(cols).where('id', '=', serviceId).where('tenant_id', '=', op.tenantId).execute();
      await ctx.bus.record(trx, { ...by(op), action: 'service.updated', entityId: serviceId, details: { ...patch }, payload: { officeId } });
    });
  }
  return officeView(ctx, op, officeId);
}

async function assertServicesOfOffice(ctx: AppContext, op: OperatorPrincipal, officeId: string, serviceIds: string[]): Promise<void> {
  if (!serviceIds.length) return;
  const rows = await ctx.db.selectFrom('services').select('id').where('tenant_id', '=', op.tenantId).where('office_id', '=', officeId).where('id', 'in', serviceIds).execute();
  if (rows.length !== new Set(serviceIds).size) throw appError('UNKNOWN_SERVICE');
}

export async function createDesk(ctx: AppContext, op: OperatorPrincipal, input: Static<typeof DeskInput>): Promise<OperatorOffice> {
  const office = await ctx.db.selectFrom('offices').select('id').where('id', '=', input.officeId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!office) throw appError('NOT_FOUND', { variant: 'office' });
  const serviceIds = [...new Set(input.serviceIds ?? [])];
  await assertServicesOfOffice(ctx, op, input.officeId, serviceIds);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const desk = await trx
      .insertInto('desks')
      .values({ tenant_id: op.tenantId, office_id: input.officeId, name: input.name.trim(), active: input.active ?? true })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (serviceIds.length)
      await trx
        .insertInto('desk_services')
        .values(serviceIds.map((sid) => ({ tenant_id: op.tenantId, desk_id: desk.id, service_id: sid })))
        .execute();
    await ctx.bus.record(trx, { ...by(op), action: 'desk.created', entityId: desk.id, details: { ...input }, payload: { officeId: input.officeId, deskId: desk.id } });
  });
  return officeView(ctx, op, input.officeId);
}

async function deskOffice(ctx: AppContext, op: OperatorPrincipal, deskId: string, forWrite: boolean): Promise<string> {
  const row = await ctx.db.selectFrom('desks').select('office_id').where('id', '=', deskId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { variant: 'desk' });
  assertOffice(op, row.office_id);
  if (forWrite) assertCanConfigureOffice(op, row.office_id);
  return row.office_id;
}

export async function updateDesk(ctx: AppContext, op: OperatorPrincipal, deskId: string, patch: Static<typeof DeskPatch>): Promise<OperatorOffice> {
  const officeId = await deskOffice(ctx, op, deskId, true);
  const serviceIds = patch.serviceIds ? [...new Set(patch.serviceIds)] : undefined;
  if (serviceIds) await assertServicesOfOffice(ctx, op, officeId, serviceIds);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const cols = { ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.active !== undefined ? { active: patch.active } : {}) };
    if (Object.keys(cols).length) await trx.updateTable('desks').set(cols).where('id', '=', deskId).execute();
    if (serviceIds) {
      await trx.deleteFrom('desk_services').where('desk_id', '=', deskId).execute();
      if (serviceIds.length)
        await trx
          .insertInto('desk_services')
          .values(serviceIds.map((sid) => ({ tenant_id: op.tenantId, desk_id: deskId, service_id: sid })))
          .execute();
    }
    await ctx.bus.record(trx, { ...by(op), action: 'desk.updated', entityId: deskId, details: { ...patch }, payload: { officeId, deskId } });
  });
  return officeView(ctx, op, officeId);
}

export async function getHours(ctx: AppContext, op: OperatorPrincipal, deskId: string): Promise<WeeklyHours> {
  await deskOffice(ctx, op, deskId, false);
  const rows = await ctx.db.selectFrom('desk_hours').select(['weekday', 'start_time', 'end_time']).where('desk_id', '=', deskId).orderBy('weekday').orderBy('start_time').execute();
  return { hours: rows.map((r) => ({ weekday: r.weekday, start: r.start_time, end: r.end_time })) };
}

/** Intervals must be well-formed and not overlap on the same weekday. Pure, exported for tests. */
export function validateWeeklyHours(hours: WeeklyHours['hours']): string | null {
  const byDay = new Map<number, Array<[number, number]>>();
  for (const h of hours) {
    const s = parseTimeOfDay(h.start);
    const e = parseTimeOfDay(h.end);
    if (s >= e) return `${h.start}-${h.end}: l'orario di fine deve seguire quello di inizio`;
    const list = byDay.get(h.weekday) ?? [];
    if (list.some(([a, b]) => s < b && e > a)) return `giorno ${h.weekday}: fasce orarie sovrapposte`;
    list.push([s, e]);
    byDay.set(h.weekday, list);
  }
  return null;
}

export async function putHours(ctx: AppContext, op: OperatorPrincipal, deskId: string, body: WeeklyHours): Promise<WeeklyHours> {
  const officeId = await deskOffice(ctx, op, deskId, true);
  const problem = validateWeeklyHours(body.hours);
  if (problem) throw appError('INVALID_HOURS', { params: { problem } });
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.deleteFrom('desk_hours').where('desk_id', '=', deskId).execute();
    if (body.hours.length) {
      await trx
        .insertInto('desk_hours')
        .values(body.hours.map((h) => ({ tenant_id: op.tenantId, desk_id: deskId, weekday: h.weekday, start_time: h.start, end_time: h.end })))
        .execute();
    }
    await ctx.bus.record(trx, { ...by(op), action: 'desk.hours-changed', entityId: deskId, details: { hours: body.hours }, payload: { officeId, deskId } });
  });
  return getHours(ctx, op, deskId);
}

export async function listExceptions(ctx: AppContext, op: OperatorPrincipal, officeId: string) {
  const rows = await ctx.db.selectFrom('schedule_exceptions').selectAll().where('tenant_id', '=', op.tenantId).where('office_id', '=', officeId).orderBy('day').execute();
  return rows.map((r) => ({ id: r.id, officeId: r.office_id, deskId: r.desk_id, day: r.day, kind: r.kind, start: r.start_time, end: r.end_time, note: r.note }));
}

export async function createException(ctx: AppContext, op: OperatorPrincipal, input: Static<typeof ExceptionInput>) {
  if (!isValidDate(input.day)) throw appError('INVALID_DATE', { variant: 'plain' });
  const start = input.start ?? null;
  const end = input.end ?? null;
  if ((start === null) !== (end === null)) throw appError('INVALID_HOURS', { variant: 'bothOrNeither' });
  if (start && end && parseTimeOfDay(start) >= parseTimeOfDay(end)) throw appError('INVALID_HOURS', { variant: 'endBeforeStart' });
  if (input.kind === 'open' && !start) throw appError('INVALID_HOURS', { variant: 'openingNeedsHours' });
  const office = await ctx.db.selectFrom('offices').select('id').where('id', '=', input.officeId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!office) throw appError('NOT_FOUND', { variant: 'office' });
  if (input.deskId) {
    const desk = await ctx.db.selectFrom('desks').select('id').where('id', '=', input.deskId).where('office_id', '=', input.officeId).executeTakeFirst();
    if (!desk) throw appError('UNKNOWN_DESK');
  }
  const row = await ctx.bus.transaction(ctx.db, async (trx) => {
    const r = await trx
      .insertInto('schedule_exceptions')
      .values({
        tenant_id: op.tenantId,
        office_id: input.officeId,
        desk_id: input.deskId ?? null,
        day: input.day,
        kind: input.kind,
        start_time: start,
        end_time: end,
        note: input.note ?? '',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.bus.record(trx, { ...by(op), action: 'exception.created', entityId: r.id, details: { ...input }, payload: { officeId: input.officeId } });
    return r;
  });
  return { id: row.id, officeId: row.office_id, deskId: row.desk_id, day: row.day, kind: row.kind, start: row.start_time, end: row.end_time, note: row.note };
}

export async function deleteException(ctx: AppContext, op: OperatorPrincipal, exceptionId: string): Promise<void> {
  const row = await ctx.db.selectFrom('schedule_exceptions').select(['office_id']).where('id', '=', exceptionId).where('tenant_id', '=', op.tenantId).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { variant: 'exception' });
  assertOffice(op, row.office_id);
  assertCanConfigureOffice(op, row.office_id);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.deleteFrom('schedule_exceptions').where('id', '=', exceptionId).execute();
    await ctx.bus.record(trx, { ...by(op), action: 'exception.deleted', entityId: exceptionId, details: {}, payload: { officeId: row.office_id } });
  });
}
