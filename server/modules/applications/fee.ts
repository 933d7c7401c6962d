// An application's fee with pagoPA. "Before" (the default): on the summary the citizen goes to pay;
// the draft must be ready to file (every rule, the login level), its fee becomes a position (one per
// application: a second tab finds the first) and the draft is marked to be filed when paid. The
// receipt, whenever it comes (at once, late, or from a tabaccheria days later), files it on the
// citizen's behalf; a draft changed meanwhile so that it no longer passes stays a paid draft for the
// citizen to send. A failed or abandoned payment leaves the draft as it was, payable again.
// "After": the application is filed, then the fee is asked as a position in "Pagamenti".
import type { BusEvent } from '../../../contracts/events.ts';
import type { DurableSubscriber } from '../../platform/bus.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import { findCitizen } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, appError } from '../../platform/http/errors.ts';
import { findTenantById, type Tenant } from '../../platform/tenants/repository.ts';
import { addDays, localDate } from '../../platform/time/zoned-time.ts';
import { formById } from '../catalogue/index.ts';
import { applicationFee, createPosition } from '../payments/index.ts';
import { readyToSubmit, submitApplication } from './submit.ts';

const DEFAULT_KIND = 'diritti-segreteria';
const FEE_DAYS = 30;

function dueOn(ctx: AppContext, tenant: Tenant): string {
  return addDays(localDate(ctx.clock.now().getTime(), tenant.time_zone), FEE_DAYS);
}

/** The position for a draft's fee (made once), the draft marked to be filed when it is paid. */
export async function startFee(ctx: AppContext, c: CitizenPrincipal, tenant: Tenant, id: string): Promise<{ paymentId: string }> {
  const ready = await ctx.db.transaction().execute((trx) => readyToSubmit(trx, c, tenant, id));
  const fee = ready.form.definition.fee;
  if (!fee || (fee.when ?? 'before') !== 'before') throw appError('NOT_FOUND', { variant: 'payment' });
  const existing = await applicationFee(ctx.db, tenant.id, id);
  if (existing?.status === 'paid') throw appError('PAYMENT_STATE_CONFLICT', { params: { status: { it: 'pagato', en: 'paid' } } });
  const { position } = await createPosition(ctx, tenant, {
    debtor: { fiscalCode: c.citizen.fiscal_code, name: `${c.citizen.given_name} ${c.citizen.family_name}`.slice(0, 70) },
    amountCents: fee.amountCents,
    description: `${fee.description} - ${ready.app.card_title}`.slice(0, 140),
    dueOn: dueOn(ctx, tenant),
    kind: fee.kind ?? DEFAULT_KIND,
    origin: 'application',
    applicationId: id,
    actor: { type: 'citizen', id: c.citizen.id },
  });
  // Filed when paid; and no longer a forgotten draft for the purge (its fee may be paid any day).
  await ctx.db.updateTable('applications').set({ submit_when_paid: true, expires_at: null }).where('id', '=', id).where('status', '=', 'draft').execute();
  return { paymentId: position.id };
}

async function principalOf(ctx: AppContext, tenantId: string, citizenId: string): Promise<CitizenPrincipal | null> {
  const citizen = await findCitizen(ctx.db, tenantId, citizenId);
  if (!citizen) return null;
  // No session: the application is filed on the citizen's behalf, as they asked when paying.
  return { citizen, sessionHash: '', csrfToken: '', provider: 'spid', spidLevel: null, level: null, idToken: null };
}

/** Files the drafts whose fee was just paid. */
async function fileWhenPaid(ctx: AppContext, e: BusEvent): Promise<void> {
  const applicationId = (e.payload as { applicationId?: string | null }).applicationId;
  if (!applicationId) return;
  const row = await ctx.db
    .selectFrom('applications')
    .select(['id', 'citizen_id', 'status', 'submit_when_paid'])
    .where('tenant_id', '=', e.tenantId)
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (row?.status !== 'draft' || !row.submit_when_paid) return;
  const [tenant, c] = await Promise.all([findTenantById(ctx.db, e.tenantId), principalOf(ctx, e.tenantId, row.citizen_id)]);
  if (!tenant || !c) return;
  try {
    await submitApplication(ctx, c, tenant, row.id, { levelChecked: true });
  } catch (err) {
    // A passing failure (the database, the storage): the delivery is retried.
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'APPLICATION_SUBMITTED') return;
    // Changed since the payment so that it no longer passes, or the service closed: the draft waits
    // for the citizen (the fee is paid, "Invia" works), and they are told so.
    ctx.log.info({ err, applicationId }, 'paid application not filed automatically');
    await tellToSend(ctx, tenant, c, row.id);
  }
}

async function tellToSend(ctx: AppContext, tenant: Tenant, c: CitizenPrincipal, id: string): Promise<void> {
  const card = await ctx.db.selectFrom('applications as a').innerJoin('service_cards as s', 's.id', 'a.card_id').select('s.title').where('a.id', '=', id).executeTakeFirst();
  const name = card?.title ?? 'domanda';
  const link = `/${tenant.slug}/domande/${id}`;
  const to = c.citizen.notify_email ? (c.citizen.email ?? c.citizen.identity_email) : null;
  await ctx.bus.record(ctx.db, {
    tenantId: tenant.id,
    actor: { type: 'system' },
    action: 'application.paid-not-filed',
    entityType: 'application',
    entityId: id,
    details: { name },
    notices: [
      {
        dedupeKey: `paid-not-filed:${id}`,
        subject: `Pagamento ricevuto: invia la domanda "${name}"`.slice(0, 200),
        lines: [
          `Abbiamo ricevuto il pagamento per la domanda "${name}", ma non abbiamo potuto inviarla per te: controlla i dati e premi "Invia".`,
          `${ctx.config.publicUrl}${link}`,
        ],
        ...(to ? { email: { to, brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl } } } : {}),
        inbox: { fiscalCode: c.citizen.fiscal_code, link, at: ctx.clock.now() },
      },
    ],
  });
}

/** "After": the fee is asked once the application is filed. */
async function askFeeAfterFiling(ctx: AppContext, e: BusEvent): Promise<void> {
  if (!e.entityId) return;
  const row = await ctx.db
    .selectFrom('applications as a')
    .innerJoin('service_cards as s', 's.id', 'a.card_id')
    .select(['a.id', 'a.form_id', 'a.citizen_id', 's.title'])
    .where('a.tenant_id', '=', e.tenantId)
    .where('a.id', '=', e.entityId)
    .executeTakeFirst();
  if (!row) return;
  const form = await formById(ctx.db, e.tenantId, row.form_id);
  const fee = form?.definition.fee;
  if (!fee || (fee.when ?? 'before') !== 'after') return;
  const [tenant, citizen] = await Promise.all([findTenantById(ctx.db, e.tenantId), findCitizen(ctx.db, e.tenantId, row.citizen_id)]);
  if (!tenant || !citizen) return;
  await createPosition(ctx, tenant, {
    debtor: { fiscalCode: citizen.fiscal_code, name: `${citizen.given_name} ${citizen.family_name}`.slice(0, 70) },
    amountCents: fee.amountCents,
    description: `${fee.description} - ${row.title}`.slice(0, 140),
    dueOn: dueOn(ctx, tenant),
    kind: fee.kind ?? DEFAULT_KIND,
    origin: 'application',
    applicationId: row.id,
    actor: { type: 'system' },
  });
}

export function feeSubscribers(ctx: AppContext): DurableSubscriber[] {
  return [
    { name: 'applications.file-when-paid', events: ['payment.paid', 'payment.marked-paid'], handle: (e) => fileWhenPaid(ctx, e) },
    { name: 'applications.fee-after-filing', events: ['application.submitted'], handle: (e) => askFeeAfterFiling(ctx, e) },
  ];
}
