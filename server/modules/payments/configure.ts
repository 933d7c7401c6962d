// A comune's pagoPA settings from the installer's file (the command line's "comune payments"): every
// problem named at once, nothing written unless all is right; the change audited. The admins' page in
// the console (admin-routes.ts) goes through the same checks.
import { Value } from 'typebox/value';
import { CreditorFile } from '../../../contracts/payments.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/bus.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { findTenantBySlug, type Tenant } from '../../platform/tenants/repository.ts';
import { findCreditor, saveCreditor } from './creditor.ts';
import { isTaxonomyCode, isValidIban, normalIban } from './domain/iban.ts';

export class CreditorFileError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
  }
}

export interface Configured {
  comune: string;
  provider: 'simulator' | 'pagopa';
  kinds: number;
  ibans: number;
}

interface Problem {
  field: string;
  /** For the installer (English, with the value). */
  en: string;
  /** For the admin's form (Italian, next to the field). */
  it: string;
}

function problemsOf(file: CreditorFile, keys: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  if (['97', '98', '99'].includes(file.segregationCode)) {
    problems.push({ field: 'segregationCode', en: `${file.segregationCode} is reserved (CIE, ANPR, SUAP)`, it: 'codice riservato (CIE, ANPR, SUAP)' });
  }
  const ibans = new Set<string>();
  for (const [i, x] of file.ibans.entries()) {
    if (!isValidIban(x.iban)) problems.push({ field: `ibans[${i}].iban`, en: `"${x.iban}" is not a valid IBAN (check digits)`, it: 'IBAN non valido (cifre di controllo)' });
    ibans.add(normalIban(x.iban));
  }
  const codes = new Set<string>();
  for (const [i, k] of file.kinds.entries()) {
    if (codes.has(k.code)) problems.push({ field: `kinds[${i}].code`, en: `"${k.code}" appears twice`, it: 'codice ripetuto' });
    codes.add(k.code);
    if (!isTaxonomyCode(k.taxonomy)) {
      problems.push({ field: `kinds[${i}].taxonomy`, en: `"${k.taxonomy}" is not a pagoPA taxonomy code (9/0000000XX/)`, it: 'non è un codice tassonomico pagoPA (9/0000000XX/)' });
    }
    if (!ibans.has(normalIban(k.iban))) problems.push({ field: `kinds[${i}].iban`, en: `"${k.iban}" is not one of "ibans"`, it: "non è tra gli IBAN dell'ente" });
  }
  if (file.provider === 'pagopa') {
    for (const api of ['gpd', 'receipts']) {
      if (!keys[`${file.fiscalCode}/${api}`]) {
        problems.push({
          field: 'provider',
          en: `provider "pagopa" needs the ${api} subscription key in PAGOPA_KEYS ("${file.fiscalCode}/${api}")`,
          it: `manca la chiave ${api} di pagoPA nella configurazione del server (PAGOPA_KEYS)`,
        });
      }
    }
  }
  return problems;
}

/**
 * What depends on the database: the numbering (fiscal code + segregation code) is one comune's
 * only, and cannot change once positions were numbered with it; from the console, the creditor is
 * the comune itself (its fiscal code as the installer recorded it), so an admin cannot point the
 * comune at another body's pagoPA keys: a different creditor is the installer's decision.
 */
async function numberingProblems(ctx: AppContext, tenant: Tenant, file: CreditorFile, from: 'cli' | 'console'): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (from === 'console' && tenant.fiscal_code && file.fiscalCode !== tenant.fiscal_code) {
    problems.push({
      field: 'fiscalCode',
      en: `must be the comune's own (${tenant.fiscal_code})`,
      it: `deve essere il codice fiscale del Comune (${tenant.fiscal_code}); un ente diverso lo imposta l'installatore`,
    });
  }
  const taken = await ctx.db
    .selectFrom('payment_creditors as c')
    .innerJoin('tenants as t', 't.id', 'c.tenant_id')
    .select('t.name')
    .where('c.fiscal_code', '=', file.fiscalCode)
    .where('c.segregation_code', '=', file.segregationCode)
    .where('c.tenant_id', '<>', tenant.id)
    .executeTakeFirst();
  if (taken) {
    problems.push({
      field: 'segregationCode',
      en: `${file.fiscalCode} with segregation code ${file.segregationCode} is ${taken.name}'s`,
      it: `codice fiscale e codice di segregazione sono già di ${taken.name}`,
    });
  }
  const current = await findCreditor(ctx.db, tenant.id);
  if (current && (current.fiscalCode !== file.fiscalCode || current.segregationCode !== file.segregationCode)) {
    const used = await ctx.db.selectFrom('payment_positions').select('id').where('tenant_id', '=', tenant.id).limit(1).executeTakeFirst();
    if (used) {
      problems.push({
        field: current.fiscalCode !== file.fiscalCode ? 'fiscalCode' : 'segregationCode',
        en: 'cannot change: the comune has positions numbered with the current ones',
        it: 'non si può cambiare: il Comune ha già avvisi numerati con quello attuale',
      });
    }
  }
  return problems;
}

/** The comune's settings as the file and the admin's form write them (null: payments not set up). */
export async function creditorFileOf(ctx: AppContext, tenantId: string): Promise<CreditorFile | null> {
  const c = await findCreditor(ctx.db, tenantId);
  if (!c) return null;
  return {
    fiscalCode: c.fiscalCode,
    name: c.name,
    ...(c.sector ? { sector: c.sector } : {}),
    ...(c.info ? { info: c.info } : {}),
    segregationCode: c.segregationCode,
    ...(c.cbill ? { cbill: c.cbill } : {}),
    ibans: c.ibans,
    kinds: c.kinds,
    provider: c.provider,
    ...(Object.keys(c.providerConfig).length ? { endpoints: c.providerConfig } : {}),
  };
}

/** The admin's form: the same checks, each problem next to its field (400 VALIDATION). */
export async function configureFromConsole(ctx: AppContext, tenant: Tenant, officer: OperatorPrincipal, file: CreditorFile): Promise<void> {
  const problems = [...problemsOf(file, ctx.config.pagopaKeys), ...(await numberingProblems(ctx, tenant, file, 'console'))];
  if (problems.length) {
    throw appError('VALIDATION', { params: { fields: problems.map((p) => p.field).join(', ') }, extra: { fields: problems.map((p) => ({ field: p.field, message: p.it })) } });
  }
  await save(ctx, tenant, file, { type: 'operator', id: officer.id });
}

async function save(ctx: AppContext, tenant: Tenant, file: CreditorFile, actor: Actor): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await saveCreditor(trx, {
      tenantId: tenant.id,
      fiscalCode: file.fiscalCode,
      name: file.name ?? tenant.name,
      sector: file.sector ?? null,
      info: file.info ?? null,
      segregationCode: file.segregationCode,
      cbill: file.cbill ?? null,
      ibans: file.ibans.map((x) => ({ iban: normalIban(x.iban), label: x.label })),
      kinds: file.kinds.map((k) => ({ ...k, iban: normalIban(k.iban) })),
      provider: file.provider,
      providerConfig: Object.fromEntries(Object.entries(file.endpoints ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>,
    });
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor,
      action: 'payment.creditor-updated',
      entityId: tenant.id,
      details: { fiscalCode: file.fiscalCode, provider: file.provider, kinds: file.kinds.map((k) => k.code), segregationCode: file.segregationCode },
    });
  });
}

export async function configureCreditor(ctx: AppContext, slug: string, raw: unknown): Promise<Configured> {
  const tenant = await findTenantBySlug(ctx.db, slug);
  if (!tenant) throw new CreditorFileError(`No comune with the slug "${slug}": see "comune list". Nothing was written.`, []);
  if (!Value.Check(CreditorFile, raw)) {
    throw new CreditorFileError(
      'The file does not match the format (README, "Payments with pagoPA"). Nothing was written.',
      [...Value.Errors(CreditorFile, raw)].map((e) => `${e.instancePath || '/'}: ${e.message}`),
    );
  }
  const file = raw as CreditorFile;
  const problems = [...problemsOf(file, ctx.config.pagopaKeys), ...(await numberingProblems(ctx, tenant, file, 'cli'))];
  if (problems.length)
    throw new CreditorFileError(
      'The file has problems. Nothing was written.',
      problems.map((p) => `${p.field}: ${p.en}`),
    );
  await save(ctx, tenant, file, { type: 'system', id: 'cli' });
  return { comune: tenant.name, provider: file.provider, kinds: file.kinds.length, ibans: file.ibans.length };
}
