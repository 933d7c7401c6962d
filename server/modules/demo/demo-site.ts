// Demo data: each comune's site shell (contacts, the institutional site's pages, social links) and
// its FAQ (demo and test mode only). The accessibility statement points to AgID's form service, where
// each comune publishes its own.
import type { Transaction } from 'kysely';
import type { FaqInput, SiteProfile } from '../../../contracts/site.ts';
import type { DB } from '../../platform/db/schema.ts';

const PROFILES: Record<string, SiteProfile> = {
  bari: {
    contacts: {
      address: 'Corso Vittorio Emanuele II 84, 70122 Bari',
      phone: '080 577 1111',
      email: 'urp@comune.bari.it',
      pec: 'protocollo@pec.comune.bari.it',
      fiscalCode: '80015010723',
      openingHours: 'URP: dal lunedì al venerdì 9–12, martedì e giovedì anche 15.30–17.30',
    },
    sectionLinks: {
      'management.organi-di-governo': 'https://www.comune.bari.it/web/egov/organi-di-governo',
      'management.uffici': 'https://www.comune.bari.it/web/egov/uffici',
      'news.notizie': 'https://www.comune.bari.it/web/egov/notizie',
    },
    social: [
      { network: 'facebook', url: 'https://www.facebook.com/ComunediBari' },
      { network: 'instagram', url: 'https://www.instagram.com/comunedibari' },
    ],
    accessibilityUrl: 'https://form.agid.gov.it/view/demo-bari',
  },
  bitonto: {
    contacts: {
      address: 'Corso Vittorio Emanuele II 41, 70032 Bitonto',
      phone: '080 371 6111',
      email: 'urp@comune.bitonto.ba.it',
      pec: 'protocollo@pec.comune.bitonto.ba.it',
      openingHours: 'URP: dal lunedì al venerdì 9–12',
    },
    sectionLinks: {},
    social: [{ network: 'facebook', url: 'https://www.facebook.com/comunedibitonto' }],
    accessibilityUrl: 'https://form.agid.gov.it/view/demo-bitonto',
  },
};

const ANAGRAFE = 'Anagrafe e documenti';
const APPOINTMENTS = 'Appuntamenti e code';
const ONLINE = 'Servizi online e area personale';

const COMMON_FAQ: FaqInput[] = [
  {
    topic: APPOINTMENTS,
    question: 'Come prenoto un appuntamento in un ufficio comunale?',
    answer:
      'Dalla pagina "Prenota appuntamento" scegli l\'ufficio, il servizio, il giorno e l\'orario, poi lascia nome ed email: ricevi la conferma con il codice da mostrare allo sportello.\n\nNon serve SPID per prenotare.',
  },
  {
    topic: APPOINTMENTS,
    question: 'Posso spostare o annullare un appuntamento?',
    answer: 'Sì: apri il link nell\'email di conferma e scegli "Sposta" o "Annulla". Se hai fatto l\'accesso, trovi l\'appuntamento anche nell\'area personale.',
  },
  {
    topic: APPOINTMENTS,
    question: 'Come funziona la coda virtuale?',
    answer: "Prendi il numero online o al totem dell'ufficio: la pagina del biglietto mostra quante persone hai davanti e ti avvisa quando tocca a te.",
  },
  {
    topic: ANAGRAFE,
    question: "Quanto costa la carta d'identità elettronica?",
    answer: 'La CIE costa € 22,21 (€ 27,37 in caso di smarrimento o deterioramento). Si paga con pagoPA; la carta arriva per posta in circa sei giorni lavorativi.',
  },
  {
    topic: ANAGRAFE,
    question: 'Come ottengo un certificato anagrafico?',
    answer:
      "I certificati di residenza, stato di famiglia e nascita si scaricano gratis con SPID o CIE da ANPR (anagrafenazionale.interno.it), oppure si chiedono allo sportello dell'anagrafe.",
  },
  {
    topic: ONLINE,
    question: "Che cosa trovo nell'area personale?",
    answer: 'Le tue pratiche, gli appuntamenti, i biglietti della coda, i messaggi del Comune e i tuoi recapiti. Accedi con SPID o CIE.',
  },
  {
    topic: ONLINE,
    question: 'Come presento una domanda online?',
    answer:
      'Apri la scheda del servizio e scegli "Presenta la domanda": compili il modulo (puoi salvare la bozza e riprenderla), alleghi i documenti e invii. Ricevi subito la ricevuta con il numero di protocollo.',
  },
];

const FAQ: Record<string, FaqInput[]> = {
  bari: [
    ...COMMON_FAQ,
    {
      topic: ANAGRAFE,
      question: 'Dove si trova l’ufficio anagrafe centrale?',
      answer: 'In via Fratelli Rosselli 4. Si riceve su appuntamento o con il numero della coda.',
    },
  ],
  bitonto: [
    ...COMMON_FAQ,
    {
      topic: ONLINE,
      question: 'Come presento una SCIA?',
      answer: 'Dalla scheda del servizio "SCIA" nella categoria "Imprese e commercio": il modulo online calcola i diritti di istruttoria da pagare.',
    },
  ],
};

export async function seedSite(trx: Transaction<DB>, tenant: { id: string; slug: string }, now: Date): Promise<void> {
  const profile = PROFILES[tenant.slug];
  if (profile)
    await trx
      .insertInto('site_profiles')
      .values({ tenant_id: tenant.id, profile: JSON.stringify(profile), updated_at: now })
      .execute();
  const faq = FAQ[tenant.slug] ?? [];
  if (faq.length) {
    await trx
      .insertInto('faq_entries')
      .values(faq.map((f, position) => ({ tenant_id: tenant.id, topic: f.topic, question: f.question, answer: f.answer, position, published: true, updated_at: now })))
      .execute();
  }
}
