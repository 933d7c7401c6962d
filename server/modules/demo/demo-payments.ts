// The demo comuni as pagoPA creditors, on the local pagoPA simulator (AMBIENTE DI PROVA): their real
// fiscal codes, a segregation code, and example IBANs, CBILL codes and taxonomy codes (not the
// comuni's own: nothing here can move money).
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { saveCreditor } from '../payments/index.ts';

const DEMO_IBAN = 'IT60X0542811101000000123456';

const KINDS = [
  { code: 'diritti-segreteria', label: 'Diritti di segreteria', taxonomy: '9/0301109AP/', iban: DEMO_IBAN },
  { code: 'carta-identita', label: "Carta d'identità elettronica", taxonomy: '9/0301109AP/', iban: DEMO_IBAN },
  { code: 'diritti-suap', label: 'Diritti SUAP', taxonomy: '9/0301109AP/', iban: DEMO_IBAN },
  { code: 'occupazione-suolo', label: 'Canone occupazione suolo pubblico', taxonomy: '9/0101100IM/', iban: DEMO_IBAN },
  { code: 'sanzioni', label: 'Sanzioni amministrative', taxonomy: '9/0201103TS/', iban: DEMO_IBAN },
  { code: 'servizi-scolastici', label: 'Servizi scolastici (mensa, trasporto)', taxonomy: '9/0301105SE/', iban: DEMO_IBAN },
];

const CREDITORS: Record<string, { fiscalCode: string; sector: string; info: string; cbill: string }> = {
  bari: { fiscalCode: '80015010723', sector: 'Ripartizione Tributi', info: 'www.comune.bari.it - tributi@comune.bari.it', cbill: 'A1B2C' },
  bitonto: { fiscalCode: '00382920722', sector: 'Servizi Finanziari', info: 'www.comune.bitonto.ba.it', cbill: 'D3E4F' },
};

export async function seedPayments(trx: Transaction<DB>, tenant: { id: string; slug: string; name: string }): Promise<void> {
  const c = CREDITORS[tenant.slug];
  if (!c) return;
  await saveCreditor(trx, {
    tenantId: tenant.id,
    fiscalCode: c.fiscalCode,
    name: tenant.name,
    sector: c.sector,
    info: c.info,
    segregationCode: '01',
    cbill: c.cbill,
    ibans: [{ iban: DEMO_IBAN, label: 'Conto di tesoreria (esempio)' }],
    kinds: KINDS,
    provider: 'simulator',
  });
}
