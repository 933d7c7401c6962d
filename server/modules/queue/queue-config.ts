// Configuration of an office's virtual queue (admins; managers for their offices): the queues with
// their prefix and services, which desks serve which queues (and take video), and the office's rules
// (appointment window, alert threshold, when numbers can be taken). Audited in each transaction.
import type { Static } from 'typebox';
import type { DeskQueuesInput, OfficeQueueConfig, OfficeQueueSettings, PriorityClassList, QueueInput, QueuePatch } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { assertAdmin, assertCanConfigureOffice, assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { deskNotFound, officeNotFound } from './errors.ts';
import { findOfficeSettings, listOfficeDesks, listOfficeQueues } from './repository.ts';

const queueNotFound = () => appError('QUEUE_NOT_FOUND');
const prefixTaken = () => appError('PREFIX_TAKEN');
const serviceInOtherQueue = () => appError('SERVICE_IN_OTHER_QUEUE');

function constraintOf(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return undefined;
  return e.constraint ?? e.message ?? '';
}

async function assertConfigurable(ctx: AppContext, op: OperatorPrincipal, officeId: string): Promise<void> {
  assertOffice(op, officeId);
  if (!(await findOfficeSettings(ctx.db, op.tenantId, officeId))) throw officeNotFound();
  assertCanConfigureOffice(op, officeId);
}

export async function getQueueConfig(ctx: AppContext, op: OperatorPrincipal, officeId: string): Promise<OfficeQueueConfig> {
  assertOffice(op, officeId);
  const office = await findOfficeSettings(ctx.db, op.tenantId, officeId);
  if (!office) throw officeNotFound();
  const [queues, desks] = await Promise.all([listOfficeQueues(ctx.db, op.tenantId, officeId), listOfficeDesks(ctx.db, op.tenantId, officeId)]);
  return {
    settings: { earlyMinutes: office.queue_early_min, lateMinutes: office.queue_late_min, alertAhead: office.queue_alert_ahead, opensBeforeMinutes: office.queue_opens_before_min },
    queues: queues.map((q) => ({ id: q.id, officeId: q.office_id, name: q.name, prefix: q.prefix, kind: q.kind, active: q.active, serviceIds: q.services.map((s) => s.id) })),
    desks: desks.map((d) => ({ id: d.id, name: d.name, takesVideo: d.takes_video, queueIds: d.queueIds })),
  };
}

export async function putQueueSettings(ctx: AppContext, op: OperatorPrincipal, officeId: string, s: OfficeQueueSettings): Promise<OfficeQueueConfig> {
  await assertConfigurable(ctx, op, officeId);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx
      .updateTable('offices')
      .set({ queue_early_min: s.earlyMinutes, queue_late_min: s.lateMinutes, queue_alert_ahead: s.alertAhead, queue_opens_before_min: s.opensBeforeMinutes })
      .where('id', '=', officeId)
      .where('tenant_id', '=', op.tenantId)
      .execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'queue.settings-changed',
      entityType: 'office',
      entityId: officeId,
      details: { ...s },
      payload: { officeId },
    });
  });
  return getQueueConfig(ctx, op, officeId);
}

async function assertServices(ctx: AppContext, op: OperatorPrincipal, officeId: string, serviceIds: string[]): Promise<void> {
  const rows = await ctx.db.selectFrom('services').select('id').where('tenant_id', '=', op.tenantId).where('office_id', '=', officeId).where('id', 'in', serviceIds).execute();
  if (rows.length !== serviceIds.length) throw appError('UNKNOWN_SERVICE');
}

async function writeQueue(ctx: AppContext, op: OperatorPrincipal, officeId: string, fn: () => Promise<void>): Promise<OfficeQueueConfig> {
  try {
    await fn();
  } catch (err) {
    const c = constraintOf(err);
    if (c !== undefined) throw c.includes('prefix') ? prefixTaken() : serviceInOtherQueue();
    throw err;
  }
  return getQueueConfig(ctx, op, officeId);
}

export async function createQueue(ctx: AppContext, op: OperatorPrincipal, input: Static<typeof QueueInput>): Promise<OfficeQueueConfig> {
  await assertConfigurable(ctx, op, input.officeId);
  const serviceIds = [...new Set(input.serviceIds)];
  await assertServices(ctx, op, input.officeId, serviceIds);
  return writeQueue(ctx, op, input.officeId, () =>
    ctx.bus.transaction(ctx.db, async (trx) => {
      const q = await trx
        .insertInto('queues')
        .values({ tenant_id: op.tenantId, office_id: input.officeId, name: input.name.trim(), prefix: input.prefix, kind: input.kind ?? 'in_person', active: input.active ?? true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('queue_services')
        .values(serviceIds.map((service_id) => ({ tenant_id: op.tenantId, queue_id: q.id, service_id })))
        .execute();
      await ctx.bus.record(trx, {
        actor: { type: 'operator', id: op.id },
        tenantId: op.tenantId,
        action: 'queue.created',
        entityType: 'queue',
        entityId: q.id,
        details: { ...input },
        payload: { officeId: input.officeId },
      });
    }),
  );
}

export async function updateQueue(ctx: AppContext, op: OperatorPrincipal, queueId: string, patch: Static<typeof QueuePatch>): Promise<OfficeQueueConfig> {
  const queue = await ctx.db.selectFrom('queues').select(['id', 'office_id']).where('tenant_id', '=', op.tenantId).where('id', '=', queueId).executeTakeFirst();
  if (!queue) throw queueNotFound();
  await assertConfigurable(ctx, op, queue.office_id);
  const serviceIds = patch.serviceIds ? [...new Set(patch.serviceIds)] : undefined;
  if (serviceIds) await assertServices(ctx, op, queue.office_id, serviceIds);
  return writeQueue(ctx, op, queue.office_id, () =>
    ctx.bus.transaction(ctx.db, async (trx) => {
      const cols = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.prefix !== undefined ? { prefix: patch.prefix } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      };
      if (Object.keys(cols).length) await trx.updateTable('queues').set(cols).where('id', '=', queueId).execute();
      if (serviceIds) {
        await trx.deleteFrom('queue_services').where('queue_id', '=', queueId).execute();
        await trx
          .insertInto('queue_services')
          .values(serviceIds.map((service_id) => ({ tenant_id: op.tenantId, queue_id: queueId, service_id })))
          .execute();
      }
      await ctx.bus.record(trx, {
        actor: { type: 'operator', id: op.id },
        tenantId: op.tenantId,
        action: 'queue.updated',
        entityType: 'queue',
        entityId: queueId,
        details: { ...patch },
        payload: { officeId: queue.office_id },
      });
    }),
  );
}

export async function putDeskQueues(ctx: AppContext, op: OperatorPrincipal, deskId: string, input: Static<typeof DeskQueuesInput>): Promise<OfficeQueueConfig> {
  const desk = await ctx.db.selectFrom('desks').select(['id', 'office_id', 'takes_video']).where('tenant_id', '=', op.tenantId).where('id', '=', deskId).executeTakeFirst();
  if (!desk) throw deskNotFound();
  await assertConfigurable(ctx, op, desk.office_id);
  const queueIds = [...new Set(input.queueIds)];
  const queues = queueIds.length ? await ctx.db.selectFrom('queues').select(['id', 'kind']).where('office_id', '=', desk.office_id).where('id', 'in', queueIds).execute() : [];
  if (queues.length !== queueIds.length) throw appError('UNKNOWN_QUEUE');
  const takesVideo = input.takesVideo ?? desk.takes_video;
  if (!takesVideo && queues.some((q) => q.kind === 'video')) {
    throw appError('DESK_WITHOUT_VIDEO');
  }
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('desks').set({ takes_video: takesVideo }).where('id', '=', deskId).execute();
    await trx.deleteFrom('desk_queues').where('desk_id', '=', deskId).execute();
    if (queueIds.length)
      await trx
        .insertInto('desk_queues')
        .values(queueIds.map((queue_id) => ({ tenant_id: op.tenantId, desk_id: deskId, queue_id })))
        .execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'desk.queues-changed',
      entityType: 'desk',
      entityId: deskId,
      details: { queueIds, takesVideo },
      payload: { officeId: desk.office_id, deskId },
    });
  });
  return getQueueConfig(ctx, op, desk.office_id);
}

/** The comune's priority classes (who goes first among walk-ins): admins only, the whole comune. */
export async function getPriorityClasses(ctx: AppContext, op: OperatorPrincipal): Promise<PriorityClassList> {
  const row = await ctx.db.selectFrom('tenants').select('priority_classes').where('id', '=', op.tenantId).executeTakeFirstOrThrow();
  return { classes: row.priority_classes };
}

export async function putPriorityClasses(ctx: AppContext, op: OperatorPrincipal, body: PriorityClassList): Promise<PriorityClassList> {
  assertAdmin(op);
  const codes = body.classes.map((c) => c.code);
  if (new Set(codes).size !== codes.length) throw appError('DUPLICATE_CODE');
  const classes = body.classes.map((c) => ({ code: c.code, label: c.label.trim() }));
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx
      .updateTable('tenants')
      .set({ priority_classes: JSON.stringify(classes) })
      .where('id', '=', op.tenantId)
      .execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'queue.priority-classes-changed',
      entityType: 'tenant',
      entityId: op.tenantId,
      details: { classes },
      payload: {},
    });
  });
  return { classes };
}
