// The day-before reminder: bookings starting within the next 24 hours that have not had one.
// Marking and queueing happen in one transaction per batch, so a reminder is queued exactly once
// even with several scheduler nodes (SKIP LOCKED lets them share the batch).
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { bookingNotice } from './emails.ts';
import { findBookingView, insertBookingToken } from './repository.ts';

export async function queueDueReminders(ctx: AppContext, batch = 200): Promise<number> {
  const now = ctx.clock.now();
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const due = await sql<{ id: string; tenant_id: string }>`
      select id, tenant_id from bookings
      where status = 'confirmed' and not reminder_sent
        and start_at > ${now} and start_at <= ${new Date(now.getTime() + 24 * 3_600_000)}
      order by start_at limit ${batch}
      for update skip locked`.execute(trx);
    for (const row of due.rows) {
      await trx.updateTable('bookings').set({ reminder_sent: true }).where('id', '=', row.id).execute();
      // A fresh manage link for the reminder: the first one is only stored hashed.
      const token = newSecret();
      await insertBookingToken(trx, row.tenant_id, row.id, token);
      const view = (await findBookingView(trx, row.tenant_id, row.id))!;
      const notice = await bookingNotice(ctx.config, 'reminder', view, { now, token });
      await ctx.bus.record(trx, { tenantId: row.tenant_id, actor: { type: 'system' }, action: 'booking.reminded', entityId: row.id, details: {}, notices: notice ? [notice] : [] });
    }
    return due.rows.length;
  });
}
