// The citizen leaves the line from the ticket's page: the ticket is out, everyone behind moves up
// (and may now be within the alert threshold).
import type { AppContext } from '../../platform/context.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { sendAlmostAlerts } from './alerts.ts';
import { nextTicketStatus } from './domain/ticket-status.ts';
import { invalidTicketTransition, ticketNotFound } from './errors.ts';
import { findOfficeSettings, findTicketByToken, insertTicketEvent, lockTicket } from './repository.ts';
import type { QueueTenant } from './take-ticket.ts';

/** Returns the ticket's office. */
export async function leaveTicket(ctx: AppContext, tenant: QueueTenant, ticketId: string, token: string): Promise<string> {
  const found = await findTicketByToken(ctx.db, tenant.id, ticketId, token);
  if (!found) throw ticketNotFound();
  const now = ctx.clock.now();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const t = (await lockTicket(trx, tenant.id, found.id))!;
    if (t.status === 'left') return;
    const to = nextTicketStatus(t.status, 'leave');
    if (!to) throw invalidTicketTransition(t.status);
    await trx.updateTable('tickets').set({ status: to, finished_at: now, updated_at: now }).where('id', '=', t.id).execute();
    await insertTicketEvent(trx, { tenantId: tenant.id, ticketId: t.id, type: 'left', at: now });
    await ctx.bus.record(trx, {
      actor: { type: 'citizen' },
      tenantId: tenant.id,
      action: 'ticket.left',
      entityType: 'ticket',
      entityId: t.id,
      details: { number: t.number },
      payload: { officeId: t.office_id, queueId: t.queue_id, number: t.number, status: to },
    });
    const office = (await findOfficeSettings(trx, tenant.id, t.office_id))!;
    const queue = await trx.selectFrom('queues').select('kind').where('id', '=', t.queue_id).executeTakeFirstOrThrow();
    await sendAlmostAlerts(
      trx,
      ctx,
      { tenant, officeName: office.name, officeAddress: office.address },
      {
        queueId: t.queue_id,
        kind: queue.kind,
        day: localDate(now.getTime(), tenant.time_zone),
        dueBefore: new Date(now.getTime() + office.queue_early_min * 60_000),
        alertAhead: office.queue_alert_ahead,
      },
    );
  });
  return found.office_id;
}
