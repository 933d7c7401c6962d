// Demo data: the service cards of Bari and Bitonto (demo and test mode only). Each card is a row of
// the table below; the sections every card words the same way (how to apply, times, conditions) are
// composed from its facts, so the data stays readable.
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { BARI } from './demo-cards-bari.ts';
import { BITONTO_BUSINESS } from './demo-cards-bitonto-business.ts';
import { BITONTO_PEOPLE } from './demo-cards-bitonto-people.ts';
import { type CardSeed, FREE } from './demo-cards-shape.ts';

const BITONTO: CardSeed[] = [...BITONTO_PEOPLE, ...BITONTO_BUSINESS].map(
  ([slug, title, category, office, summary, audience, needed, get, maxDays, costs, booking, topics, online]) => ({
    slug,
    title,
    category,
    office,
    summary,
    audience,
    needed,
    get,
    maxDays,
    costs,
    ...(booking ? { booking } : {}),
    topics,
    online,
  }),
);

const CARDS: Record<string, CardSeed[]> = { bari: BARI, bitonto: BITONTO };

function sections(c: CardSeed, officeName: string, officeAddress: string) {
  const howTo = c.online
    ? 'Accedi con SPID o CIE, compila la domanda online e inviala: ricevi subito il numero di protocollo e segui la pratica nella tua area personale.'
    : c.booking
      ? `Prenota un appuntamento con ${officeName} e presentati allo sportello con i documenti indicati in "Cosa serve".`
      : `Rivolgiti a ${officeName} negli orari di apertura, con i documenti indicati in "Cosa serve".`;
  return {
    description: c.description ?? c.summary,
    audience: c.audience,
    how_to: howTo,
    what_you_need: c.needed,
    what_you_get: c.get,
    times_and_deadlines: c.maxDays ? `Il procedimento si conclude entro ${c.maxDays} ${c.maxDays === 1 ? 'giorno' : 'giorni'} dalla presentazione della domanda.` : '',
    max_days: c.maxDays ?? null,
    costs: c.costs ?? FREE,
    access_online: c.online ? 'Compila la domanda online dopo aver effettuato l’accesso con SPID o CIE.' : '',
    access_in_person: `Presso ${officeName}, ${officeAddress}.`,
    conditions: 'Per presentare la domanda devi accettare le condizioni di servizio e prendere visione dell’informativa sul trattamento dei dati personali del Comune.',
    more_info: 'Per informazioni puoi scrivere o telefonare all’ufficio indicato in "Contatti".',
  };
}

/** Inserts the demo comune's cards, all published. */
export async function seedServiceCards(
  trx: Transaction<DB>,
  tenant: { id: string; slug: string },
  offices: Map<string, { id: string; name: string; address: string }>,
  services: Map<string, string>,
  now: Date,
): Promise<void> {
  const cards = CARDS[tenant.slug] ?? [];
  if (!cards.length) return;
  await trx
    .insertInto('service_cards')
    .values(
      cards.map((c, position) => {
        const office = offices.get(c.office);
        if (!office) throw new Error(`demo card ${c.slug}: no office ${c.office}`);
        return {
          tenant_id: tenant.id,
          slug: c.slug,
          title: c.title,
          summary: c.summary,
          category: c.category,
          published: true,
          topics: c.topics,
          office_id: office.id,
          booking_service_id: c.booking ? (services.get(c.booking) ?? null) : null,
          position,
          created_at: now,
          updated_at: now,
          ...sections(c, office.name, office.address),
        };
      }),
    )
    .execute();
}

/** For tests and the README: which demo cards are meant to be applied for online. */
export const DEMO_ONLINE_CARDS: Record<string, string[]> = Object.fromEntries(
  Object.entries(CARDS).map(([slug, cards]) => [slug, cards.filter((c) => c.online).map((c) => c.slug)]),
);
