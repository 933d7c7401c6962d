// Demo data: Comune di Bari and Comune di Bitonto with the offices and services of PRODUCT.md,
// desks with realistic hours and demo officers. Seeded only in demo and test mode, never in production.
import { type Kysely, sql } from 'kysely';
import type { DB, OperatorRole, ServiceMode } from '../../platform/db/schema.ts';
import { hashPassword } from '../operators/index.ts';
import { seedCitizenInbox } from './citizen-inbox.ts';

export const DEMO_PASSWORD = 'sportello-demo';

interface ServiceSeed {
  name: string;
  description: string;
  topic: string;
  duration: number;
  buffer?: number;
  mode: ServiceMode;
  bring: string;
  requiresApproval?: boolean;
}
interface OfficeSeed {
  key: string;
  name: string;
  description: string;
  address: string;
  phone: string;
  email: string;
  openingHours: string;
  desks: number;
  deskPrefix: string;
  hours: Array<[weekday: number, start: string, end: string]>;
  services: ServiceSeed[];
  /** Virtual queue: services by name; desks by number (all when omitted). */
  queues?: Array<{ prefix: string; name: string; kind?: 'video'; services: string[]; desks?: number[] }>;
}
interface TenantSeed {
  slug: string;
  name: string;
  istat: string;
  cadastral: string;
  fiscalCode: string;
  patronDay: string;
  patronName: string;
  prefix: string;
  branding: Record<string, string>;
  offices: OfficeSeed[];
  operators: Array<{ username: string; name: string; role: OperatorRole; offices: string[] }>;
}

const WEEKDAY_MORNINGS = [1, 2, 3, 4, 5].map((d) => [d, '09:00', '12:30'] as [number, string, string]);
const AFTERNOONS = [2, 4].map((d) => [d, '15:30', '17:30'] as [number, string, string]);
const CIE_HOURS = [...[1, 2, 3, 4, 5].map((d) => [d, '08:30', '12:30'] as [number, string, string]), ...[2, 4].map((d) => [d, '15:00', '17:30'] as [number, string, string])];
const ID_DOCS = 'Documento di riconoscimento in corso di validità e codice fiscale (tessera sanitaria).';

export const DEMO_TENANTS: TenantSeed[] = [
  {
    slug: 'bari',
    name: 'Comune di Bari',
    istat: '072006',
    cadastral: 'A662',
    fiscalCode: '80015010723',
    patronDay: '12-06',
    patronName: 'San Nicola',
    prefix: 'BA',
    branding: { primaryColor: '#0066cc', region: 'Puglia', website: 'https://www.comune.bari.it' },
    offices: [
      {
        key: 'urp',
        name: 'URP - Ufficio Relazioni con il Pubblico',
        description: 'Informazioni generali sui servizi del Comune, reclami e segnalazioni.',
        address: 'Corso Vittorio Emanuele II 84, 70122 Bari',
        phone: '080 577 2222',
        email: 'urp@comune.bari.it',
        openingHours: 'Lunedì-venerdì 9:00-12:30; martedì e giovedì anche 15:30-17:30',
        desks: 2,
        deskPrefix: 'Sportello URP',
        hours: [...WEEKDAY_MORNINGS, ...AFTERNOONS],
        services: [
          {
            name: 'Informazioni generali',
            description: 'Orientamento sui servizi comunali e sulle pratiche.',
            topic: 'Informazioni',
            duration: 20,
            mode: 'in_person',
            bring: 'Nessun documento richiesto.',
          },
          {
            name: 'Informazioni generali in videochiamata',
            description: 'Lo stesso servizio dello sportello, da casa, in videochiamata.',
            topic: 'Informazioni',
            duration: 20,
            mode: 'video',
            bring: 'Un dispositivo con videocamera e microfono.',
          },
        ],
        queues: [
          { prefix: 'A', name: 'Informazioni', services: ['Informazioni generali'] },
          { prefix: 'V', name: 'Parla ora con un operatore (video)', kind: 'video', services: ['Informazioni generali in videochiamata'], desks: [2] },
        ],
      },
      {
        key: 'ambiente',
        name: 'Ripartizione Tutela Ambiente, Sanità e Igiene',
        description: 'Autorizzazioni ambientali, igiene pubblica, scarichi ed emissioni.',
        address: 'Via Marchese di Montrone 65, 70122 Bari',
        phone: '080 577 3111',
        email: 'ambiente@comune.bari.it',
        openingHours: 'Lunedì-venerdì 9:00-12:30; martedì e giovedì anche 15:30-17:30',
        desks: 2,
        deskPrefix: 'Funzionario ambiente',
        hours: [...WEEKDAY_MORNINGS, ...AFTERNOONS],
        services: [
          {
            name: 'SCIA ambientale per emissioni fumi da ristorazione',
            description: 'Consulenza sulla segnalazione certificata per le emissioni in atmosfera delle attività di ristorazione.',
            topic: 'Ambiente',
            duration: 30,
            buffer: 5,
            mode: 'video',
            bring: "Planimetria dei locali e scheda tecnica dell'impianto di aspirazione (PDF).",
          },
          {
            name: 'Autorizzazione scarico acque reflue domestiche e assimilate',
            description: "Istruttoria e chiarimenti sull'autorizzazione allo scarico di acque reflue domestiche e assimilate.",
            topic: 'Ambiente',
            duration: 30,
            buffer: 5,
            mode: 'in_person',
            bring: 'Documento di identità, relazione tecnica e planimetria dello scarico.',
          },
        ],
        queues: [{ prefix: 'B', name: 'Scarichi e autorizzazioni', services: ['Autorizzazione scarico acque reflue domestiche e assimilate'] }],
      },
      {
        key: 'urbanistica',
        name: 'Ripartizione Urbanistica ed Edilizia Privata',
        description: "Sportello unico per l'edilizia, pianificazione attuativa, paesaggio e controllo del territorio.",
        address: 'Via Francesco Saverio Abbrescia 82/86, 70121 Bari',
        phone: '080 577 5111',
        email: 'urbanistica@comune.bari.it',
        openingHours: 'Lunedì, mercoledì e venerdì 9:00-12:30; martedì e giovedì 15:30-17:30',
        desks: 3,
        deskPrefix: 'Tecnico urbanistica',
        hours: [
          [1, '09:00', '12:30'],
          [3, '09:00', '12:30'],
          [5, '09:00', '12:30'],
          [2, '15:30', '17:30'],
          [4, '15:30', '17:30'],
        ],
        services: [
          {
            name: "SUE - Sportello Unico per l'Edilizia",
            description: 'Pratiche edilizie: CILA, SCIA, permesso di costruire, agibilità.',
            topic: 'Edilizia',
            duration: 30,
            mode: 'video',
            bring: 'Numero della pratica edilizia, se già presentata.',
          },
          {
            name: 'Piani di lottizzazione',
            description: 'Informazioni sui piani urbanistici attuativi e sulle convenzioni di lottizzazione.',
            topic: 'Urbanistica',
            duration: 45,
            mode: 'in_person',
            bring: "Estremi catastali dell'area interessata.",
          },
          {
            name: 'Paesaggio',
            description: 'Autorizzazioni paesaggistiche e accertamenti di compatibilità.',
            topic: 'Urbanistica',
            duration: 30,
            mode: 'video',
            bring: 'Documentazione fotografica e relazione paesaggistica.',
          },
          {
            name: 'Controllo del territorio e abusivismo edilizio',
            description: 'Esposti, verifiche e procedimenti sanzionatori in materia edilizia.',
            topic: 'Edilizia',
            duration: 30,
            mode: 'in_person',
            bring: "Documento di identità ed eventuale documentazione relativa all'immobile.",
          },
        ],
        queues: [{ prefix: 'E', name: 'Urbanistica ed edilizia', services: ['Piani di lottizzazione', 'Controllo del territorio e abusivismo edilizio'] }],
      },
      {
        key: 'anagrafe',
        name: 'Anagrafe - Servizi Demografici',
        description: "Carta d'identità elettronica, residenza e certificati.",
        address: 'Via Fratelli Rosselli 4, 70122 Bari',
        phone: '080 577 2633',
        email: 'anagrafe@comune.bari.it',
        openingHours: 'Lunedì-venerdì 8:30-12:30; martedì e giovedì anche 15:00-17:30',
        desks: 18,
        deskPrefix: 'Postazione CIE',
        hours: CIE_HOURS,
        services: [
          {
            name: "Carta d'identità elettronica",
            description: "Rilascio o rinnovo della carta d'identità elettronica (CIE).",
            topic: 'Anagrafe',
            duration: 15,
            mode: 'in_person',
            bring: `${ID_DOCS} Una fototessera recente, la ricevuta di pagamento di 22,21 euro e la carta d'identità scaduta o la denuncia di smarrimento.`,
          },
        ],
        queues: [{ prefix: 'C', name: "Carta d'identità", services: ["Carta d'identità elettronica"] }],
      },
    ],
    operators: [
      { username: 'admin.bari', name: 'Amministratore Bari', role: 'admin', offices: [] },
      { username: 'urp.bari', name: 'Maria Lorusso (URP)', role: 'operator', offices: ['urp'] },
      { username: 'anagrafe.bari', name: 'Giuseppe De Santis (Anagrafe)', role: 'operator', offices: ['anagrafe'] },
      { username: 'ambiente.bari', name: 'Francesca Amoruso (Ambiente)', role: 'operator', offices: ['ambiente'] },
      { username: 'urbanistica.bari', name: 'Nicola Ranieri (Urbanistica)', role: 'manager', offices: ['urbanistica'] },
    ],
  },
  {
    slug: 'bitonto',
    name: 'Comune di Bitonto',
    istat: '072011',
    cadastral: 'A893',
    fiscalCode: '00382920722',
    patronDay: '12-08',
    patronName: 'Maria Santissima Immacolata',
    prefix: 'BT',
    branding: { primaryColor: '#8a1538', region: 'Puglia', website: 'https://www.comune.bitonto.ba.it' },
    offices: [
      {
        key: 'urp',
        name: 'URP - Ufficio Relazioni con il Pubblico',
        description: 'Informazioni, accesso agli atti, reclami.',
        address: 'Corso Vittorio Emanuele II 41, 70032 Bitonto',
        phone: '080 371 6111',
        email: 'urp@comune.bitonto.ba.it',
        openingHours: 'Lunedì-venerdì 9:00-12:30; martedì e giovedì anche 15:30-17:30',
        desks: 1,
        deskPrefix: 'Sportello URP',
        hours: [...WEEKDAY_MORNINGS, ...AFTERNOONS],
        services: [
          {
            name: 'Informazioni e accesso agli atti',
            description: 'Orientamento sui servizi e richieste di accesso agli atti.',
            topic: 'Informazioni',
            duration: 20,
            mode: 'in_person',
            bring: 'Documento di identità.',
          },
        ],
        queues: [{ prefix: 'A', name: 'Informazioni', services: ['Informazioni e accesso agli atti'] }],
      },
      {
        key: 'demografici',
        name: 'Servizi Demografici',
        description: 'Anagrafe, stato civile ed elettorale.',
        address: 'Piazza Aldo Moro 1, 70032 Bitonto',
        phone: '080 371 6200',
        email: 'demografici@comune.bitonto.ba.it',
        openingHours: 'Lunedì-venerdì 8:30-12:30; martedì e giovedì anche 15:00-17:30',
        desks: 3,
        deskPrefix: 'Sportello anagrafe',
        hours: CIE_HOURS,
        services: [
          {
            name: "Carta d'identità elettronica",
            description: 'Rilascio o rinnovo della CIE.',
            topic: 'Anagrafe',
            duration: 20,
            mode: 'in_person',
            bring: `${ID_DOCS} Una fototessera recente e la ricevuta di pagamento.`,
          },
          {
            name: 'Iscrizione anagrafica e cambio di residenza',
            description: 'Assistenza alla dichiarazione di residenza.',
            topic: 'Anagrafe',
            duration: 30,
            mode: 'in_person',
            bring: ID_DOCS,
          },
        ],
        queues: [
          { prefix: 'C', name: "Carta d'identità", services: ["Carta d'identità elettronica"] },
          { prefix: 'R', name: 'Residenza', services: ['Iscrizione anagrafica e cambio di residenza'], desks: [3] },
        ],
      },
      {
        key: 'suap',
        name: 'SUAP - Sportello Unico Attività Produttive',
        description: 'Avvio, modifica e cessazione di attività produttive e commerciali.',
        address: 'Via Pietro Nenni 12, 70032 Bitonto',
        phone: '080 371 6300',
        email: 'suap@comune.bitonto.ba.it',
        openingHours: 'Martedì e giovedì 9:00-12:30',
        desks: 2,
        deskPrefix: 'Funzionario SUAP',
        hours: [
          [2, '09:00', '12:30'],
          [4, '09:00', '12:30'],
        ],
        services: [
          {
            name: 'Consulenza SUAP in videochiamata',
            description: 'Chiarimenti su SCIA commerciali, autorizzazioni e procedimenti SUAP.',
            topic: 'Attività produttive',
            duration: 30,
            mode: 'video',
            bring: 'Eventuale numero di pratica SUAP.',
            requiresApproval: false,
          },
        ],
        queues: [{ prefix: 'V', name: 'Parla ora con il SUAP (video)', kind: 'video', services: ['Consulenza SUAP in videochiamata'] }],
      },
      {
        key: 'tributi',
        name: 'Ufficio Tributi',
        description: 'TARI, IMU e canone unico.',
        address: 'Piazza Aldo Moro 1, 70032 Bitonto',
        phone: '080 371 6400',
        email: 'tributi@comune.bitonto.ba.it',
        openingHours: 'Lunedì, mercoledì e venerdì 9:00-12:00',
        desks: 2,
        deskPrefix: 'Sportello tributi',
        hours: [
          [1, '09:00', '12:00'],
          [3, '09:00', '12:00'],
          [5, '09:00', '12:00'],
        ],
        services: [
          {
            name: 'TARI - informazioni e rettifiche',
            description: 'Calcolo, rettifiche e rateizzazioni della tassa sui rifiuti.',
            topic: 'Tributi',
            duration: 20,
            mode: 'video',
            bring: 'Ultimo avviso di pagamento TARI.',
          },
          {
            name: 'IMU - assistenza al calcolo',
            description: "Assistenza al calcolo e al versamento dell'IMU.",
            topic: 'Tributi',
            duration: 20,
            mode: 'in_person',
            bring: 'Visura catastale degli immobili.',
          },
        ],
        queues: [{ prefix: 'T', name: 'Tributi', services: ['IMU - assistenza al calcolo'] }],
      },
    ],
    operators: [
      { username: 'admin.bitonto', name: 'Amministratore Bitonto', role: 'admin', offices: [] },
      { username: 'demografici.bitonto', name: 'Anna Cervone (Demografici)', role: 'operator', offices: ['demografici'] },
      { username: 'suap.bitonto', name: 'Vito Sicolo (SUAP)', role: 'operator', offices: ['suap'] },
    ],
  },
];

/** Seeds the demo comuni once; a database that already has them is left alone. */
// Two demo nodes starting together on an empty database would both find no tenant and both insert:
// the seed runs under an advisory lock of its own and looks again once it holds it.
const SEED_LOCK_KEY = 727_002;

export async function seedDemo(db: Kysely<DB>): Promise<boolean> {
  const seeded = (q: Kysely<DB>) => q.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirst();
  // The usual case (already seeded) takes no lock; nor does it hash a password.
  if (await seeded(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await seeded(trx)) return false;
    for (const t of DEMO_TENANTS) {
      const tenant = await trx
        .insertInto('tenants')
        .values({
          slug: t.slug,
          name: t.name,
          istat_code: t.istat,
          cadastral_code: t.cadastral,
          fiscal_code: t.fiscalCode,
          patron_day: t.patronDay,
          patron_name: t.patronName,
          reference_prefix: t.prefix,
          branding: JSON.stringify(t.branding),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const officeIds = new Map<string, string>();
      let position = 0;
      for (const o of t.offices) {
        const office = await trx
          .insertInto('offices')
          .values({
            tenant_id: tenant.id,
            name: o.name,
            description: o.description,
            address: o.address,
            phone: o.phone,
            email: o.email,
            opening_hours: o.openingHours,
            position: position++,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        officeIds.set(o.key, office.id);
        const serviceIds: string[] = [];
        const serviceByName = new Map<string, string>();
        let sp = 0;
        for (const s of o.services) {
          const row = await trx
            .insertInto('services')
            .values({
              tenant_id: tenant.id,
              office_id: office.id,
              name: s.name,
              description: s.description,
              topic: s.topic,
              duration_min: s.duration,
              buffer_min: s.buffer ?? 0,
              min_notice_min: 120,
              horizon_days: 60,
              cutoff_min: 1440,
              mode: s.mode,
              what_to_bring: s.bring,
              max_active_per_citizen: 1,
              requires_approval: s.requiresApproval ?? false,
              position: sp++,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          serviceIds.push(row.id);
          serviceByName.set(s.name, row.id);
        }
        const queues: Array<{ id: string; desks?: number[] }> = [];
        for (const [qp, q] of (o.queues ?? []).entries()) {
          const row = await trx
            .insertInto('queues')
            .values({ tenant_id: tenant.id, office_id: office.id, name: q.name, prefix: q.prefix, kind: q.kind ?? 'in_person', position: qp })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('queue_services')
            .values(q.services.map((name) => ({ tenant_id: tenant.id, queue_id: row.id, service_id: serviceByName.get(name)! })))
            .execute();
          queues.push({ id: row.id, desks: q.desks });
        }
        const videoDesks = new Set((o.queues ?? []).filter((q) => q.kind === 'video').flatMap((q) => q.desks ?? Array.from({ length: o.desks }, (_, i) => i + 1)));
        for (let i = 1; i <= o.desks; i++) {
          const desk = await trx
            .insertInto('desks')
            .values({ tenant_id: tenant.id, office_id: office.id, name: `${o.deskPrefix} ${i}`, takes_video: videoDesks.has(i) })
            .returning('id')
            .executeTakeFirstOrThrow();
          const served = queues.filter((q) => !q.desks || q.desks.includes(i));
          if (served.length)
            await trx
              .insertInto('desk_queues')
              .values(served.map((q) => ({ tenant_id: tenant.id, desk_id: desk.id, queue_id: q.id })))
              .execute();
          await trx
            .insertInto('desk_services')
            .values(serviceIds.map((sid) => ({ tenant_id: tenant.id, desk_id: desk.id, service_id: sid })))
            .execute();
          await trx
            .insertInto('desk_hours')
            .values(o.hours.map(([weekday, start, end]) => ({ tenant_id: tenant.id, desk_id: desk.id, weekday, start_time: start, end_time: end })))
            .execute();
        }
      }
      await seedCitizenInbox(trx, { id: tenant.id, slug: t.slug, name: t.name }, new Date());
      for (const op of t.operators) {
        const row = await trx
          .insertInto('operators')
          .values({ tenant_id: tenant.id, username: op.username, display_name: op.name, password_hash: passwordHash, role: op.role })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (op.offices.length) {
          await trx
            .insertInto('operator_offices')
            .values(op.offices.map((k) => ({ tenant_id: tenant.id, operator_id: row.id, office_id: officeIds.get(k)! })))
            .execute();
        }
      }
    }
    return true;
  });
}
