// The comune as a pagoPA creditor: its fiscal code, segregation code, CBILL, IBANs, the kinds of
// income it collects (each with its IBAN and taxonomy code) and which provider carries its positions.
// A comune without this row has not set up payments: officers and citizens are told so (409).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CreditorIban, IncomeKind } from '../../platform/db/schema-payments.ts';
import { appError } from '../../platform/http/errors.ts';

export interface Creditor {
  tenantId: string;
  fiscalCode: string;
  name: string;
  sector: string | null;
  info: string | null;
  segregationCode: string;
  cbill: string | null;
  ibans: CreditorIban[];
  kinds: IncomeKind[];
  provider: 'simulator' | 'pagopa';
  providerConfig: Record<string, string>;
}

type Q = Kysely<DB> | Transaction<DB>;

export async function findCreditor(db: Q, tenantId: string): Promise<Creditor | null> {
  const row = await db.selectFrom('payment_creditors').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!row) return null;
  return {
    tenantId: row.tenant_id,
    fiscalCode: row.fiscal_code,
    name: row.name,
    sector: row.sector,
    info: row.info,
    segregationCode: row.segregation_code,
    cbill: row.cbill,
    ibans: row.ibans,
    kinds: row.kinds,
    provider: row.provider,
    providerConfig: row.provider_config,
  };
}

export async function requireCreditor(db: Q, tenantId: string): Promise<Creditor> {
  const creditor = await findCreditor(db, tenantId);
  if (!creditor) throw appError('PAYMENTS_NOT_CONFIGURED');
  return creditor;
}

export function incomeKind(creditor: Creditor, code: string): IncomeKind {
  const kind = creditor.kinds.find((k) => k.code === code);
  if (!kind) throw appError('PAYMENT_KIND_UNKNOWN', { params: { kind: code } });
  return kind;
}

export function kindLabel(creditor: Creditor | null, code: string): string {
  return creditor?.kinds.find((k) => k.code === code)?.label ?? code;
}

/** Saves (creates or replaces) a comune's creditor data: the demo seed, the CLI and the admin page. */
export async function saveCreditor(db: Q, c: Omit<Creditor, 'providerConfig'> & { providerConfig?: Record<string, string> }): Promise<void> {
  const values = {
    tenant_id: c.tenantId,
    fiscal_code: c.fiscalCode,
    name: c.name,
    sector: c.sector,
    info: c.info,
    segregation_code: c.segregationCode,
    cbill: c.cbill,
    ibans: JSON.stringify(c.ibans),
    kinds: JSON.stringify(c.kinds),
    provider: c.provider,
    provider_config: JSON.stringify(c.providerConfig ?? {}),
    updated_at: new Date(),
  };
  await db
    .insertInto('payment_creditors')
    .values(values)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
