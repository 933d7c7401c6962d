// The office's changes to a request or report, each under the row's lock, audited, and told to whoever
// wrote: a report is assigned (an office and, if chosen, one of its officers: "in_progress"), and
// either is answered once (then closed): the answer is emailed, and put in a logged-in citizen's
// personal area. Two officers answering at once: one answer, the other 409.
import type { AppContext } from '../../platform/context.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { officerServesOffice } from '../../platform/staff/office-members.ts';
import { lockRequest, type RequestRow, requestNumber } from './repository.ts';

const notFound = () => appError('NOT_FOUND', { variant: 'request' });
const brand = (ctx: AppContext, tenant: Tenant) => ({ ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl });
const inbox = (row: RequestRow, officer: OperatorPrincipal, at: Date) =>
  row.fiscal_code ? { inbox: { fiscalCode: row.fiscal_code, link: null, operatorId: officer.id, at } } : {};
const nounOf = (row: RequestRow) => (row.kind === 'inefficiency' ? 'segnalazione' : "richiesta d'assistenza");

export async function answerRequest(ctx: AppContext, tenant: Tenant, officer: OperatorPrincipal, id: string, text: string): Promise<void> {
  const answer = text.trim();
  if (!answer) throw invalidField('text', 'scrivi la risposta');
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await lockRequest(trx, officer, id);
    if (!row) throw notFound();
    const number = requestNumber(row);
    if (row.status === 'answered') throw appError('REQUEST_ALREADY_ANSWERED', { params: { number } });
    const now = ctx.clock.now();
    await trx.updateTable('citizen_requests').set({ status: 'answered', answer, answered_at: now, answered_by: officer.id }).where('id', '=', row.id).execute();
    const noun = nounOf(row);
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: row.kind === 'inefficiency' ? 'report.answered' : 'request.answered',
      entityId: row.id,
      details: { number, answer },
      notices: [
        {
          dedupeKey: `request-answered:${row.id}`,
          subject: `Risposta alla tua ${noun} n. ${number}`,
          lines: [
            `Gentile ${row.name} ${row.surname},`,
            `ecco la risposta del ${tenant.name} alla tua ${noun} n. ${number}${row.address ? ` (${row.address})` : ''}:`,
            '',
            answer,
            ...(row.kind === 'inefficiency' ? ['', 'La segnalazione è chiusa. Se il problema si ripresenta, inviane una nuova.'] : []),
          ],
          email: { to: row.email, brand: brand(ctx, tenant) },
          ...inbox(row, officer, now),
        },
      ],
    });
  });
}

/**
 * Triage: the office in charge of a report and, if chosen, the officer who handles it (one of the
 * office's, or one attached to no office). Reassigning is allowed until the report is answered; the
 * citizen is told once, when the report is first taken in charge.
 */
export async function assignReport(
  ctx: AppContext,
  tenant: Tenant,
  officer: OperatorPrincipal,
  id: string,
  to: { officeId: string; assigneeId?: string | undefined },
): Promise<void> {
  const office = await ctx.db.selectFrom('offices').select(['id', 'name']).where('tenant_id', '=', tenant.id).where('id', '=', to.officeId).executeTakeFirst();
  if (!office) throw invalidField('officeId', 'non è un ufficio del Comune');
  if (to.assigneeId && !(await officerServesOffice(ctx.db, tenant.id, to.assigneeId, office.id))) throw invalidField('assigneeId', "non è un operatore dell'ufficio scelto");
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await lockRequest(trx, officer, id);
    if (row?.kind !== 'inefficiency') throw notFound();
    const number = requestNumber(row);
    if (row.status === 'answered') throw appError('REPORT_ALREADY_HANDLED', { params: { number, status: { it: 'chiusa', en: 'closed' } } });
    const now = ctx.clock.now();
    await trx
      .updateTable('citizen_requests')
      .set({ status: 'in_progress', office_id: office.id, assigned_to: to.assigneeId ?? null, taken_at: row.taken_at ?? now })
      .where('id', '=', row.id)
      .execute();
    const first = row.status === 'open';
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'report.assigned',
      entityId: row.id,
      details: { number, officeId: office.id, office: office.name, assigneeId: to.assigneeId ?? null },
      notices: first
        ? [
            {
              dedupeKey: `report-taken:${row.id}`,
              subject: `Segnalazione n. ${number} presa in carico`,
              lines: [
                `Gentile ${row.name} ${row.surname},`,
                `la tua segnalazione n. ${number} (${row.address ?? row.category}) è stata presa in carico da: ${office.name}.`,
                'Ti scriveremo quando il problema sarà risolto.',
              ],
              email: { to: row.email, brand: brand(ctx, tenant) },
              ...inbox(row, officer, now),
            },
          ]
        : [],
    });
  });
}
