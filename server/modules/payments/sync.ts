// Sportello ↔ provider: publish a position (draft → payable), withdraw it or tell GPD it was paid
// elsewhere (jobs written with the change, retried by the worker), and pull a position's receipts.
// Each call is safe to repeat: GPD answers 409 to a duplicate and receipts are applied once.
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findTenantById } from '../../platform/tenants/repository.ts';
import { applyReceipt, markPublished, type ReceiptResult } from './change-payment.ts';
import { type Creditor, findCreditor } from './creditor.ts';
import { gpdPosition } from './gpd-requests.ts';
import { providerFor } from './providers.ts';
import { findPosition, type PositionWithOptions, transfersOf } from './repository.ts';

export async function gpdBodyOf(ctx: AppContext, p: PositionWithOptions, creditor: Creditor) {
  const transfers = await transfersOf(
    ctx.db,
    p.options.map((o) => o.id),
  );
  return gpdPosition(
    {
      iupd: p.iupd,
      debtorType: p.debtor_type,
      debtorFiscalCode: p.debtor_fiscal_code,
      debtorName: p.debtor_name,
      debtorEmail: p.debtor_email,
      description: p.description,
      options: p.options.map((o) => ({
        iuv: o.iuv,
        nav: o.nav,
        amountCents: o.amount_cents,
        dueOn: o.due_on,
        transfers: transfers
          .filter((t) => t.option_id === o.id)
          .map((t) => ({
            idx: t.idx,
            amountCents: t.amount_cents,
            iban: t.iban,
            stamp: t.stamp_type ? { type: t.stamp_type, hash: t.stamp_hash!, province: t.stamp_province! } : null,
            taxonomy: t.taxonomy,
            remittance: t.remittance,
          })),
      })),
    },
    creditor,
  );
}

/** The GPD body of a stored position (what publication sends). */
export async function gpdBodyById(ctx: AppContext, tenantId: string, positionId: string) {
  const [p, creditor] = await Promise.all([findPosition(ctx.db, tenantId, positionId), findCreditor(ctx.db, tenantId)]);
  if (!p || !creditor) throw new Error('no such position');
  return gpdBodyOf(ctx, p, creditor);
}

/** Publishes a draft position; a no-op for one already published. Throws ProviderUnavailable. */
export async function publishPosition(ctx: AppContext, tenantId: string, positionId: string): Promise<void> {
  const [p, creditor] = await Promise.all([findPosition(ctx.db, tenantId, positionId), findCreditor(ctx.db, tenantId)]);
  if (!p || !creditor || p.published_at || p.status !== 'draft') return;
  await providerFor(ctx, creditor).publish(await gpdBodyOf(ctx, p, creditor));
  // Changed meanwhile (cancelled, paid at the desk)? markPublished notices and tells pagoPA.
  await markPublished(ctx, tenantId, positionId);
}

/** Publishes now if it can; the job written with the position retries otherwise. */
export async function tryPublish(ctx: AppContext, tenantId: string, positionId: string): Promise<void> {
  await publishPosition(ctx, tenantId, positionId).catch((err: unknown) => ctx.log.warn({ err, positionId }, 'pagoPA publication failed; the job will retry'));
}

/** Tells the provider what an officer did: withdrawn, or paid outside pagoPA. */
export async function syncPosition(ctx: AppContext, tenantId: string, positionId: string, op: 'invalidate' | 'paid-elsewhere'): Promise<void> {
  const [p, creditor] = await Promise.all([findPosition(ctx.db, tenantId, positionId), findCreditor(ctx.db, tenantId)]);
  if (!p || !creditor || !p.published_at) return;
  const provider = providerFor(ctx, creditor);
  if (op === 'invalidate') return provider.invalidate(p.iupd);
  for (const o of p.options.filter((x) => x.paid_via === 'offline')) await provider.markPaidElsewhere(o.nav);
}

/** Reads a position's receipts from the provider and applies them; returns what each did. */
export async function pullReceipts(ctx: AppContext, tenant: Tenant, p: PositionWithOptions, creditor: Creditor): Promise<ReceiptResult[]> {
  if (!p.published_at) return [];
  const receipts = await providerFor(ctx, creditor).receiptsOf(p.iupd);
  const out: ReceiptResult[] = [];
  for (const r of receipts) out.push(await applyReceipt(ctx, tenant, r));
  return out;
}

export async function tenantOf(ctx: AppContext, tenantId: string): Promise<Tenant | null> {
  return (await findTenantById(ctx.db, tenantId)) ?? null;
}
