// A new debt position: its notice numbers (taken from the comune's yearly counter in a statement of
// their own: unique, never reused, not gapless, so concurrent creations do not wait for each other),
// its options (one payment, or instalments) and their transfers (the kind of income's IBAN, and a
// digital stamp when there is one), the audit entry, the citizen's email with the notice attached,
// the message and the "Scadenze" entry in the personal area, and the job that publishes it to the
// provider. All in one transaction; the database checks at commit that every amount adds up.
//
// Twice the same request (a double click, two tabs) never makes two positions: an officer's request
// carries an Idempotency-Key, an application has one live fee, and both are unique indexes; the
// second caller gets the first position.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/bus.ts';
import type { AppContext } from '../../platform/context.ts';
import { reserveCounterRange } from '../../platform/counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentOrigin } from '../../platform/db/schema-payments.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { addDays, isValidDate, localDate, localToInstant } from '../../platform/time/zoned-time.ts';
import { type Creditor, incomeKind, requireCreditor } from './creditor.ts';
import { noticeFileName, noticePdf } from './documents.ts';
import { euro, instalmentTransfers, splitEvenly } from './domain/amounts.ts';
import { buildNav, navInGroups, noticeBase } from './domain/notice-number.ts';
import { findPosition, type PositionWithOptions } from './repository.ts';
import { tryPublish } from './sync.ts';

export const PUBLISH_JOB = 'payments.publish';
const COUNTER = 'pagopa-notice';
const MAX_DAYS_AHEAD = 5 * 366;

export interface NewPosition {
  debtor: { fiscalCode: string; name: string; email?: string | undefined; address?: string | undefined };
  amountCents: number;
  description: string;
  dueOn: string;
  kind: string;
  origin: PaymentOrigin;
  applicationId?: string | undefined;
  /** 2–12 instalments (each its own notice), due a month apart from dueOn. */
  instalments?: number | undefined;
  /** A digital stamp (@e.bollo) inside the amount: its own transfer. */
  stamp?: { amountCents: number; type: string; hash: string; province: string } | undefined;
  idempotencyKey?: string | undefined;
  /** The officer who asks for it (audited as theirs). */
  createdBy?: string | undefined;
  /** Else who: the citizen paying an application's fee, or the system (a fee asked after filing). */
  actor?: Actor | undefined;
}

export interface Created {
  position: PositionWithOptions;
  /** false: an earlier identical request had made it. */
  created: boolean;
}

function monthsLater(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function checkInput(input: NewPosition, today: string): void {
  if (!isValidDate(input.dueOn)) throw invalidField('dueDate', 'data non valida');
  if (input.dueOn < today) throw invalidField('dueDate', 'la scadenza non può essere nel passato');
  if (input.dueOn > addDays(today, MAX_DAYS_AHEAD)) throw invalidField('dueDate', 'la scadenza è oltre cinque anni');
  if (input.stamp && input.instalments) throw invalidField('instalments', "un'imposta di bollo non si divide in rate");
  if (input.stamp && input.stamp.amountCents >= input.amountCents) throw invalidField('amountCents', "l'importo deve superare quello del bollo");
  if (input.instalments && input.amountCents < input.instalments) throw invalidField('instalments', 'troppe rate per questo importo');
  if (!input.description.trim()) throw invalidField('description', 'scrivi la causale');
}

/** Same request as the one that made `p`? (An Idempotency-Key reused for something else is refused.) */
function sameRequest(p: PositionWithOptions, input: NewPosition): boolean {
  return (
    p.debtor_fiscal_code === input.debtor.fiscalCode.toUpperCase() &&
    p.amount_cents === input.amountCents &&
    p.description === input.description.trim() &&
    p.due_on === input.dueOn &&
    p.kind === input.kind
  );
}

async function existing(trx: Kysely<DB> | Transaction<DB>, tenantId: string, input: NewPosition): Promise<string | null> {
  if (input.idempotencyKey) {
    const row = await trx.selectFrom('payment_positions').select('id').where('tenant_id', '=', tenantId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
    if (row) return row.id;
  }
  if (input.applicationId) {
    const row = await trx.selectFrom('payment_positions').select('id').where('application_id', '=', input.applicationId).where('status', '<>', 'cancelled').executeTakeFirst();
    if (row) return row.id;
  }
  return null;
}

async function debtorEmail(trx: Transaction<DB>, tenantId: string, input: NewPosition): Promise<string | null> {
  if (input.debtor.email) return input.debtor.email;
  const citizen = await trx
    .selectFrom('citizens')
    .select(['email', 'identity_email'])
    .where('tenant_id', '=', tenantId)
    .where('fiscal_code', '=', input.debtor.fiscalCode.toUpperCase())
    .executeTakeFirst();
  return citizen?.email ?? citizen?.identity_email ?? null;
}

export async function createPosition(ctx: AppContext, tenant: Tenant, input: NewPosition): Promise<Created> {
  const creditor = await requireCreditor(ctx.db, tenant.id);
  const kind = incomeKind(creditor, input.kind);
  const now = ctx.clock.now();
  const today = localDate(now.getTime(), tenant.time_zone);
  checkInput(input, today);
  const year = Number(today.slice(0, 4));

  // A retry with the same key, or a second tab on the same application: the first one's position.
  const early = await existing(ctx.db, tenant.id, input);
  if (early) return replay(ctx, tenant, early, input);
  const count = input.instalments ?? 1;
  const first = await reserveCounterRange(ctx.db, tenant.id, COUNTER, year, count);

  const result = await ctx.bus.transaction(ctx.db, async (trx) => {
    const amounts = count > 1 ? splitEvenly(input.amountCents, count) : [input.amountCents];
    const transfersIn = input.stamp ? [input.amountCents - input.stamp.amountCents, input.stamp.amountCents] : [input.amountCents];
    const matrix = instalmentTransfers(transfersIn, amounts);
    const navs = Array.from({ length: count }, (_, i) => buildNav(creditor.segregationCode, noticeBase(year, first + i)));
    const email = await debtorEmail(trx, tenant.id, input);

    const inserted = await trx
      .insertInto('payment_positions')
      .values({
        tenant_id: tenant.id,
        iupd: `${creditor.fiscalCode}-${navs[0]!.slice(1)}`,
        debtor_type: /^\d{11}$/.test(input.debtor.fiscalCode) ? 'G' : 'F',
        debtor_fiscal_code: input.debtor.fiscalCode.toUpperCase(),
        debtor_name: input.debtor.name.trim(),
        debtor_address: input.debtor.address?.trim() || null,
        debtor_email: email,
        description: input.description.trim(),
        kind: kind.code,
        origin: input.origin,
        application_id: input.applicationId ?? null,
        amount_cents: input.amountCents,
        due_on: input.dueOn,
        created_by: input.createdBy ?? null,
        created_at: now,
        updated_at: now,
        idempotency_key: input.idempotencyKey ?? null,
      })
      // The same Idempotency-Key, or a live fee of the same application, made meanwhile: the database
      // says so (unique indexes), and the caller gets that position.
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const first = await existing(trx, tenant.id, input);
      // Not the key nor the application: a notice number already used (a counter restored from an old backup).
      if (!first) throw new Error(`pagoPA position ${navs[0]} exists already: the notice counter of ${tenant.slug} is behind`);
      return { id: first, created: false };
    }
    const position = inserted;

    for (const [i, nav] of navs.entries()) {
      const option = await trx
        .insertInto('payment_options')
        .values({
          tenant_id: tenant.id,
          position_id: position.id,
          instalment: count > 1 ? i + 1 : 0,
          iuv: nav.slice(1),
          nav,
          amount_cents: amounts[i]!,
          due_on: count > 1 ? monthsLater(input.dueOn, i) : input.dueOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cells = matrix[i]!;
      let idx = 0;
      for (const [j, amount] of cells.entries()) {
        if (amount === 0) continue;
        idx += 1;
        const isStamp = input.stamp !== undefined && j === 1;
        await trx
          .insertInto('payment_transfers')
          .values({
            option_id: option.id,
            idx,
            tenant_id: tenant.id,
            amount_cents: amount,
            iban: isStamp ? null : kind.iban,
            stamp_type: isStamp ? input.stamp!.type : null,
            stamp_hash: isStamp ? input.stamp!.hash : null,
            stamp_province: isStamp ? input.stamp!.province : null,
            taxonomy: isStamp ? '9/0301116TS/' : kind.taxonomy,
            remittance: (isStamp ? `Imposta di bollo - ${input.description.trim()}` : input.description.trim()).slice(0, 140),
          })
          .execute();
      }
    }
    const created = (await findPosition(trx, tenant.id, position.id))!;
    await announceCreated(ctx, trx, tenant, creditor, created, now, input.createdBy, input.actor);
    await enqueueJob(trx, PUBLISH_JOB, { tenantId: tenant.id, positionId: position.id });
    return { id: position.id, created: true };
  });
  if (!result.created) return replay(ctx, tenant, result.id, input);
  // Published at once when the provider answers; else the job written with it retries.
  await tryPublish(ctx, tenant.id, result.id);
  return { position: (await findPosition(ctx.db, tenant.id, result.id))!, created: true };
}

async function replay(ctx: AppContext, tenant: Tenant, id: string, input: NewPosition): Promise<Created> {
  const position = await findPosition(ctx.db, tenant.id, id);
  if (!position) throw appError('IDEMPOTENCY_KEY_REUSED');
  if (input.idempotencyKey && position.idempotency_key === input.idempotencyKey && !sameRequest(position, input)) throw appError('IDEMPOTENCY_KEY_REUSED');
  return { position, created: false };
}

async function announceCreated(
  ctx: AppContext,
  trx: Transaction<DB>,
  tenant: Tenant,
  creditor: Creditor,
  p: PositionWithOptions,
  now: Date,
  officerId: string | undefined,
  actor: Actor | undefined,
): Promise<void> {
  const page = `/${tenant.slug}/area-personale/pagamenti`;
  const link = `${ctx.config.publicUrl}${page}`;
  const pdf = await noticePdf(p, creditor, now);
  const first = p.options[0]!;
  const dueText = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${p.due_on}T00:00:00Z`));
  if (p.debtor_type === 'F') {
    // The personal area's "Scadenze" (and the Scrivania) show it until it is paid or cancelled.
    for (const o of p.options) {
      await trx
        .insertInto('citizen_deadlines')
        .values({
          tenant_id: tenant.id,
          fiscal_code: p.debtor_fiscal_code,
          title: `Pagamento: ${p.description}${o.instalment > 0 ? ` (rata ${o.instalment})` : ''}`.slice(0, 200),
          due_at: new Date(localToInstant(o.due_on, 23 * 60 + 59, tenant.time_zone) ?? now.getTime()),
          link: page,
          source: `payment:${p.id}`,
        })
        .execute();
    }
  }
  await ctx.bus.record(trx, {
    tenantId: tenant.id,
    actor: officerId ? { type: 'operator', id: officerId } : (actor ?? { type: 'system' }),
    action: 'payment.created',
    entityId: p.id,
    details: { name: p.description, nav: first.nav, amountCents: p.amount_cents, dueOn: p.due_on, kind: p.kind, origin: p.origin, instalments: p.options.length },
    payload: { applicationId: p.application_id, status: p.status },
    notices: [
      {
        dedupeKey: `payment-created:${p.id}`,
        subject: `Avviso di pagamento: ${p.description}`.slice(0, 200),
        lines: [
          `Gentile ${p.debtor_name},`,
          `il ${tenant.name} ti chiede il pagamento di ${euro(p.amount_cents)} per "${p.description}" entro il ${dueText}${p.options.length > 1 ? `, in ${p.options.length} rate` : ''}.`,
          `Codice avviso: ${navInGroups(first.nav)}`,
          '',
          `Puoi pagare online con pagoPA dalla tua area personale: ${link}`,
          "Oppure con l'app IO, dal tuo home banking o presso banche, uffici postali, tabaccherie e gli altri punti pagoPA, con l'avviso allegato.",
        ],
        ...(p.debtor_email
          ? {
              email: {
                to: p.debtor_email,
                brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl },
                attachments: [{ filename: noticeFileName(p), contentType: 'application/pdf', content: pdf.toString('base64') }],
              },
            }
          : {}),
        ...(p.debtor_type === 'F' ? { inbox: { fiscalCode: p.debtor_fiscal_code, link: page, operatorId: officerId ?? null, at: now } } : {}),
      },
    ],
  });
}
