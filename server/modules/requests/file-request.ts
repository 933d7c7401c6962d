// A request from the footer's "Richiesta d'assistenza": numbered per comune and year without gaps,
// sent to the office of the service concerned (none named: the comune's front desk), acknowledged
// by email with its number (and in the personal area when the citizen is logged in), audited.
import type { NewAssistanceRequest, RequestReceipt } from '../../../contracts/requests.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { nextCounterValue } from '../../platform/counters.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { publishedCardBySlug } from '../catalogue/index.ts';
import { requestNumber } from './repository.ts';

const yearIn = (tz: string, at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: tz, year: 'numeric' }).format(at));

export async function fileAssistanceRequest(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal | null, input: NewAssistanceRequest): Promise<RequestReceipt> {
  const card = input.serviceSlug ? await publishedCardBySlug(ctx.db, tenant.id, input.serviceSlug) : undefined;
  if (input.serviceSlug && !card) throw appError('NOT_FOUND', { variant: 'serviceCard' });
  // A logged-in citizen writes under the identity's names; the email is theirs to choose.
  const name = citizen ? citizen.citizen.given_name : input.name.trim();
  const surname = citizen ? citizen.citizen.family_name : input.surname.trim();
  const description = input.description.trim();
  if (description.length < 10) throw invalidField('description', 'almeno 10 caratteri');
  const now = ctx.clock.now();
  const year = yearIn(tenant.time_zone, now);
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const seq = await nextCounterValue(trx, tenant.id, 'assistance-request', year);
    const row = await trx
      .insertInto('citizen_requests')
      .values({
        tenant_id: tenant.id,
        kind: 'assistance',
        year,
        seq,
        category: input.category,
        service_slug: card?.slug ?? null,
        service_title: card?.title ?? null,
        office_id: card?.office_id ?? null,
        description,
        name,
        surname,
        email: input.email.trim(),
        phone: input.phone?.trim() || null,
        fiscal_code: citizen?.citizen.fiscal_code ?? null,
        created_at: now,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const number = requestNumber({ seq, year });
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor: { type: 'citizen', id: citizen?.citizen.id ?? input.email },
      action: 'request.filed',
      entityId: row.id,
      details: { number, category: input.category, service: card?.slug ?? null },
      notices: [
        {
          dedupeKey: `request-filed:${row.id}`,
          subject: `Richiesta d'assistenza n. ${number} ricevuta`,
          lines: [
            `Gentile ${name} ${surname},`,
            `il ${tenant.name} ha ricevuto la tua richiesta d'assistenza n. ${number} (${input.category}${card ? `, ${card.title}` : ''}).`,
            'Ti risponderemo a questo indirizzo email appena possibile. Indica il numero della richiesta se ci scrivi di nuovo.',
          ],
          email: { to: input.email.trim(), brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl } },
          ...(citizen ? { inbox: { fiscalCode: citizen.citizen.fiscal_code, link: null, at: now } } : {}),
        },
      ],
    });
    return { id: row.id, number, createdAt: new Date(row.created_at).toISOString() };
  });
}
