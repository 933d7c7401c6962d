// "Almost your turn": after a change that moves a queue forward, the citizens now within the
// office's alert threshold who left an email get one notice each (alert_sent is set in the same
// transaction, so a notice is never sent twice). The page shows the same alert live.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { findTicket, firstInQueue } from './repository.ts';
import { type TicketMailContext, ticketNotice } from './ticket-emails.ts';

export async function sendAlmostAlerts(
  trx: Transaction<DB>,
  ctx: AppContext,
  mail: Omit<TicketMailContext, 'queueKind'>,
  q: { queueId: string; kind: 'in_person' | 'video'; day: string; dueBefore: Date; alertAhead: number },
): Promise<void> {
  const first = await firstInQueue(trx, { queueId: q.queueId, day: q.day, dueBefore: q.dueBefore, limit: q.alertAhead + 1 });
  for (const [ahead, t] of first.entries()) {
    if (!t.email || t.alert_sent) continue;
    await trx.updateTable('tickets').set({ alert_sent: true }).where('id', '=', t.id).execute();
    const row = await findTicket(trx, mail.tenant.id, t.id);
    const notice = row && (await ticketNotice(trx, ctx.config, { ...mail, queueKind: q.kind }, row, { kind: 'almost', ahead }));
    if (notice) await ctx.bus.notify(trx, mail.tenant.id, [notice]);
  }
}
