// A comune's pagoPA settings from the installer's file (the command line's "comune payments"): every
// problem named at once, nothing written unless all is right; the change audited.
import { Value } from 'typebox/value';
import { CreditorFile } from '../../../contracts/payments.ts';
import type { AppContext } from '../../platform/context.ts';
import { findTenantBySlug } from '../../platform/tenants/repository.ts';
import { saveCreditor } from './creditor.ts';
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

function problemsOf(file: CreditorFile, keys: Record<string, string>): string[] {
  const problems: string[] = [];
  if (['97', '98', '99'].includes(file.segregationCode)) problems.push(`segregationCode: ${file.segregationCode} is reserved (CIE, ANPR, SUAP)`);
  const ibans = new Set<string>();
  for (const [i, x] of file.ibans.entries()) {
    if (!isValidIban(x.iban)) problems.push(`ibans[${i}].iban: "${x.iban}" is not a valid IBAN (check digits)`);
    ibans.add(normalIban(x.iban));
  }
  const codes = new Set<string>();
  for (const [i, k] of file.kinds.entries()) {
    if (codes.has(k.code)) problems.push(`kinds[${i}].code: "${k.code}" appears twice`);
    codes.add(k.code);
    if (!isTaxonomyCode(k.taxonomy)) problems.push(`kinds[${i}].taxonomy: "${k.taxonomy}" is not a pagoPA taxonomy code (9/0000000XX/)`);
    if (!ibans.has(normalIban(k.iban))) problems.push(`kinds[${i}].iban: "${k.iban}" is not one of "ibans"`);
  }
  if (file.provider === 'pagopa') {
    for (const api of ['gpd', 'receipts']) {
      if (!keys[`${file.fiscalCode}/${api}`]) problems.push(`provider "pagopa" needs the ${api} subscription key in PAGOPA_KEYS ("${file.fiscalCode}/${api}")`);
    }
  }
  return problems;
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
  const problems = problemsOf(file, ctx.config.pagopaKeys);
  if (problems.length) throw new CreditorFileError('The file has problems. Nothing was written.', problems);
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
      actor: { type: 'system', id: 'cli' },
      action: 'payment.creditor-updated',
      entityId: tenant.id,
      details: { fiscalCode: file.fiscalCode, provider: file.provider, kinds: file.kinds.map((k) => k.code), segregationCode: file.segregationCode },
    });
  });
  return { comune: tenant.name, provider: file.provider, kinds: file.kinds.length, ibans: file.ibans.length };
}
