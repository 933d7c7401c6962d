// The fee of an online application, as the applications module sees it: the live position (not
// cancelled) made for that application, if any.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentStatus } from '../../platform/db/schema-payments.ts';
import { canCheckout } from './domain/lifecycle.ts';

export interface ApplicationFee {
  id: string;
  status: PaymentStatus;
  amountCents: number;
  canPay: boolean;
}

export async function applicationFee(db: Kysely<DB> | Transaction<DB>, tenantId: string, applicationId: string): Promise<ApplicationFee | null> {
  const row = await db
    .selectFrom('payment_positions')
    .select(['id', 'status', 'amount_cents'])
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, amountCents: row.amount_cents, canPay: canCheckout(row.status) } : null;
}
