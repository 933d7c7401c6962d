// What a citizen sends: a "Richiesta d'assistenza" (to the office of the service concerned; none
// named: the comune's front desk) or a "Segnalazione disservizio" (to the front desk, which triages
// it). Each is numbered per comune, kind and year without gaps, acknowledged by email with its
// number (and in the personal area when the citizen is logged in), and audited.
import type { Insertable } from 'kysely';
import type { NewAssistanceRequest, NewInefficiencyReport, ReportReceipt, RequestReceipt } from '../../../contracts/requests.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { nextCounterValue } from '../../platform/counters.ts';
import type { CitizenRequestsTable } from '../../platform/db/schema-requests.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { hashSecret, newSecret } from '../../platform/security/tokens.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { publishedCardBySlug } from '../catalogue/index.ts';
import { requestNumber } from './repository.ts';

/** How long the photos of a report may follow it. */
export const PHOTO_WINDOW_MS = 60 * 60_000;

const yearIn = (tz: string, at: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: tz, year: 'numeric' }).format(at));

const WORDS = {
  assistance: { counter: 'assistance-request', action: 'request.filed', noun: "richiesta d'assistenza", subject: "Richiesta d'assistenza" },
  inefficiency: { counter: 'inefficiency-report', action: 'report.filed', noun: 'segnalazione di disservizio', subject: 'Segnalazione di disservizio' },
} as const;

interface Writer {
  name: string;
  surname: string;
  email: string;
  phone?: string | undefined;
  description: string;
}

type Specific = Omit<Insertable<CitizenRequestsTable>, 'tenant_id' | 'year' | 'seq' | 'name' | 'surname' | 'email' | 'phone' | 'description' | 'fiscal_code' | 'created_at'>;

async function fileRequest(
  ctx: AppContext,
  tenant: Tenant,
  citizen: CitizenPrincipal | null,
  input: Writer,
  row: Specific & { kind: keyof typeof WORDS },
  summary: string,
): Promise<{ id: string; number: string; createdAt: string }> {
  // A logged-in citizen writes under the identity's names; the email is theirs to choose.
  const name = citizen ? citizen.citizen.given_name : input.name.trim();
  const surname = citizen ? citizen.citizen.family_name : input.surname.trim();
  const description = input.description.trim();
  if (description.length < 10) throw invalidField('description', 'almeno 10 caratteri');
  const email = input.email.trim();
  const words = WORDS[row.kind];
  const now = ctx.clock.now();
  const year = yearIn(tenant.time_zone, now);
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const seq = await nextCounterValue(trx, tenant.id, words.counter, year);
    const inserted = await trx
      .insertInto('citizen_requests')
      .values({
        ...row,
        tenant_id: tenant.id,
        year,
        seq,
        description,
        name,
        surname,
        email,
        phone: input.phone?.trim() || null,
        fiscal_code: citizen?.citizen.fiscal_code ?? null,
        created_at: now,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const number = requestNumber({ seq, year });
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor: { type: 'citizen', id: citizen?.citizen.id ?? email },
      action: words.action,
      entityId: inserted.id,
      details: { number, category: row.category, service: row.service_slug ?? null, name: `n. ${number} (${summary})` },
      notices: [
        {
          dedupeKey: `${words.action}:${inserted.id}`,
          subject: `${words.subject} n. ${number} ricevuta`,
          lines: [
            `Gentile ${name} ${surname},`,
            `il ${tenant.name} ha ricevuto la tua ${words.noun} n. ${number} (${summary}).`,
            'Ti risponderemo a questo indirizzo email appena possibile. Indica il numero se ci scrivi di nuovo.',
          ],
          email: { to: email, brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl } },
          ...(citizen ? { inbox: { fiscalCode: citizen.citizen.fiscal_code, link: null, at: now } } : {}),
        },
      ],
    });
    return { id: inserted.id, number, createdAt: new Date(inserted.created_at).toISOString() };
  });
}

export async function fileAssistanceRequest(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal | null, input: NewAssistanceRequest): Promise<RequestReceipt> {
  const card = input.serviceSlug ? await publishedCardBySlug(ctx.db, tenant.id, input.serviceSlug) : undefined;
  if (input.serviceSlug && !card) throw appError('NOT_FOUND', { variant: 'serviceCard' });
  const row = { kind: 'assistance' as const, category: input.category, service_slug: card?.slug ?? null, service_title: card?.title ?? null, office_id: card?.office_id ?? null };
  return fileRequest(ctx, tenant, citizen, input, row, card ? `${input.category}, ${card.title}` : input.category);
}

/** The report and the one-time secret its photos are sent with (only its hash is kept). */
export async function fileInefficiencyReport(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal | null, input: NewInefficiencyReport): Promise<ReportReceipt> {
  const address = input.address.trim();
  if (address.length < 3) throw invalidField('address', "indica l'indirizzo o un punto di riferimento");
  const photoToken = newSecret();
  const row = {
    kind: 'inefficiency' as const,
    category: input.category,
    address,
    latitude: input.position?.latitude ?? null,
    longitude: input.position?.longitude ?? null,
    photo_token_hash: hashSecret(photoToken),
    photo_token_expires_at: new Date(ctx.clock.now().getTime() + PHOTO_WINDOW_MS),
  };
  const receipt = await fileRequest(ctx, tenant, citizen, input, row, `${input.category}, ${address}`);
  return { ...receipt, photoToken, photosUrl: `/api/v1/${tenant.slug}/inefficiency-reports/${receipt.id}/photos` };
}
