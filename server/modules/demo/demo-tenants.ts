// The demo comuni's data: Comune di Bari and Comune di Bitonto with the offices and services of
// PRODUCT.md, desks with realistic hours and demo officers. seed.ts writes it; tests read it.
import type { OperatorRole, ServiceMode } from '../../platform/db/schema.ts';

export const DEMO_PASSWORD = 'sportello-demo';

export interface ServiceSeed {
  name: string;
  description: string;
  topic: string;
  duration: number;
  buffer?: number;
  mode: ServiceMode;
  bring: string;
  requiresApproval?: boolean;
}
export interface OfficeSeed {
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
export interface TenantSeed {
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
