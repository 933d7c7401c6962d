// The office answers a request once: the answer is emailed to whoever wrote (and put in a logged-in
// citizen's personal area), and audited. Two officers answering at once: one answer, the other 409.
import type { AppContext } from '../../platform/context.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findRequest, requestNumber } from './repository.ts';

export async function answerRequest(ctx: AppContext, tenant: Tenant, officer: OperatorPrincipal, id: string, text: string): Promise<void> {
  const answer = text.trim();
  if (!answer) throw invalidField('text', 'scrivi la risposta');
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await findRequest(trx, officer, id);
    if (!row) throw appError('NOT_FOUND', { variant: 'request' });
    const number = requestNumber(row);
    const now = ctx.clock.now();
    // The state is the condition of the update: the second of two answers finds nothing to change.
    const updated = await trx
      .updateTable('citizen_requests')
      .set({ status: 'answered', answer, answered_at: now, answered_by: officer.id })
      .where('id', '=', row.id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw appError('REQUEST_ALREADY_ANSWERED', { params: { number } });
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'request.answered',
      entityId: row.id,
      details: { number, answer },
      notices: [
        {
          dedupeKey: `request-answered:${row.id}`,
          subject: `Risposta alla tua richiesta d'assistenza n. ${number}`,
          lines: [`Gentile ${row.name} ${row.surname},`, `ecco la risposta del ${tenant.name} alla tua richiesta n. ${number}:`, '', answer],
          email: { to: row.email, brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl } },
          ...(row.fiscal_code ? { inbox: { fiscalCode: row.fiscal_code, link: null, operatorId: officer.id, at: now } } : {}),
        },
      ],
    });
  });
}
