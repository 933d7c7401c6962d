// A citizen takes a number: from the office's web page, its poster's QR code or the kiosk. The
// number is the queue's next of the day, taken under the counter's row lock in the transaction that
// writes the ticket, so numbers never repeat and never skip.
import type { TicketRequest } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Branding, PriorityClass, TicketSource } from '../../platform/db/schema.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { ticketNumber } from './domain/ticket-status.ts';
import { officeNotFound, queueClosed, serviceNotQueued, unknownPriority } from './errors.ts';
import { ticketWindowNow, type OpeningTenant } from './opening.ts';
import { findOfficeSettings, findServiceQueue, insertTicketEvent, insertTicketToken, nextTicketSeq } from './repository.ts';
import { ticketNotice } from './ticket-emails.ts';

export interface QueueTenant extends OpeningTenant {
  slug: string;
  name: string;
  priority_classes: PriorityClass[];
  branding: Branding;
}

export async function takeTicket(ctx: AppContext, tenant: QueueTenant, officeId: string, input: TicketRequest & { source?: TicketSource }): Promise<{ id: string; token: string }> {
  const office = await findOfficeSettings(ctx.db, tenant.id, officeId);
  if (!office?.active) throw officeNotFound();
  const q = await findServiceQueue(ctx.db, tenant.id, input.serviceId);
  if (!q || q.office_id !== officeId || !q.queue_active || !q.service_active) throw serviceNotQueued();
  if (input.priority !== undefined && !tenant.priority_classes.some((c) => c.code === input.priority)) throw unknownPriority();
  const window = await ticketWindowNow(ctx, tenant, office, [q.queue_id]);
  if (!window.open) throw queueClosed(window.reason);

  const now = ctx.clock.now();
  const day = localDate(now.getTime(), tenant.time_zone);
  const token = newSecret();
  const email = input.email?.trim().toLowerCase() || null;
  const source = input.source ?? 'web';
  const id = await ctx.bus.transaction(ctx.db, async (trx) => {
    const seq = await nextTicketSeq(trx, tenant.id, q.queue_id, day);
    const ticket = await trx
      .insertInto('tickets')
      .values({
        tenant_id: tenant.id,
        office_id: officeId,
        queue_id: q.queue_id,
        service_id: q.service_id,
        service_day: day,
        seq,
        number: ticketNumber(q.prefix, seq),
        source,
        priority_class: input.priority ?? null,
        status: 'waiting',
        sort_at: now,
        email,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertTicketToken(trx, tenant.id, ticket.id, token);
    await insertTicketEvent(trx, {
      tenantId: tenant.id,
      ticketId: ticket.id,
      type: 'taken',
      details: { source, ...(input.priority ? { priority: input.priority } : {}) },
      at: now,
    });
    const notice = await ticketNotice(trx, ctx.config, { tenant, officeName: office.name, officeAddress: office.address, queueKind: q.kind }, ticket, { kind: 'taken', token });
    await ctx.bus.record(trx, {
      actor: { type: 'citizen' },
      tenantId: tenant.id,
      action: 'ticket.taken',
      entityType: 'ticket',
      entityId: ticket.id,
      details: { number: ticket.number, source },
      payload: { officeId, queueId: q.queue_id, number: ticket.number, status: ticket.status },
      notices: notice ? [notice] : [],
    });
    return ticket.id;
  });
  return { id, token };
}
