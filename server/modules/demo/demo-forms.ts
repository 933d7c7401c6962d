// Demo data: the online forms of the demo comuni's services (demo and test mode only). Bari's change
// of residence follows the ministry's form (provenance, new address, title to the dwelling, family
// members moving too, vehicles and driving licences, attachments, declarations).
import type { Transaction } from 'kysely';
import type { FieldDef, FormDefinition, StepDef } from '../../../contracts/forms/definition.ts';
import type { DB } from '../../platform/db/schema.ts';

const privacy = (comune: string, office: string) =>
  `Il ${comune} tratta i dati della domanda per svolgere il procedimento richiesto (art. 6, par. 1, lett. e, GDPR), tramite l'ufficio ${office}. I dati sono conservati per il tempo previsto dalla normativa sugli archivi pubblici e non sono diffusi. Puoi esercitare i diritti degli artt. 15-22 GDPR scrivendo al Comune o al suo Responsabile della protezione dei dati.`;

const DECLARATION: FieldDef = {
  id: 'consapevole',
  label: 'Dichiaro di essere consapevole delle responsabilità penali in caso di dichiarazioni false (artt. 75 e 76 DPR 445/2000)',
  type: 'boolean',
  required: true,
};
const declarations: StepDef = { id: 'dichiarazioni', title: 'Dichiarazioni', fields: [DECLARATION] };

const residence = (comune: string): FormDefinition => ({
  level: 2,
  privacy: privacy(comune, 'Servizi Demografici'),
  decision: {
    accepted:
      "Visto il D.P.R. 30 maggio 1989, n. 223; vista la dichiarazione di residenza presentata da {richiedente} (codice fiscale {codiceFiscale}), protocollo n. {protocollo} del {dataDomanda}; compiuti gli accertamenti, l'Ufficiale d'anagrafe registra il cambio di residenza.\n\n{testo}",
    rejected:
      "Visto il D.P.R. 30 maggio 1989, n. 223; vista la dichiarazione di residenza presentata da {richiedente} (codice fiscale {codiceFiscale}), protocollo n. {protocollo} del {dataDomanda}; esaminate le osservazioni presentate dopo il preavviso di rigetto, l'Ufficiale d'anagrafe non registra il cambio di residenza per i seguenti motivi:\n\n{testo}",
  },
  steps: [
    {
      id: 'provenienza',
      title: 'Provenienza',
      fields: [
        {
          id: 'tipo',
          label: 'Da dove ti trasferisci',
          type: 'radio',
          required: true,
          options: [
            { value: 'altro-comune', label: 'Da un altro comune italiano' },
            { value: 'estero', label: "Dall'estero" },
            { value: 'stesso-comune', label: 'Cambio di indirizzo nello stesso comune' },
          ],
        },
        { id: 'comune', label: 'Comune di provenienza', type: 'text', required: true, maxLength: 100, showWhen: { field: 'tipo', equals: 'altro-comune' } },
        { id: 'stato', label: 'Stato estero di provenienza', type: 'text', required: true, maxLength: 100, showWhen: { field: 'tipo', equals: 'estero' } },
      ],
    },
    {
      id: 'abitazione',
      title: 'Nuova abitazione',
      fields: [
        { id: 'indirizzo', label: 'Indirizzo della nuova abitazione', type: 'address', required: true },
        { id: 'interno', label: 'Scala, piano e interno', type: 'text', maxLength: 60 },
        {
          id: 'titolo',
          label: "Titolo per occupare l'abitazione",
          type: 'radio',
          required: true,
          options: [
            { value: 'proprieta', label: 'Proprietario' },
            { value: 'locazione', label: 'Locatario (affitto)' },
            { value: 'comodato', label: "Comodatario (comodato d'uso)" },
            { value: 'usufrutto', label: 'Usufruttuario' },
            { value: 'altro', label: 'Altro titolo' },
          ],
        },
        {
          id: 'contratto',
          label: 'Estremi del contratto registrato (ufficio, data e numero)',
          type: 'text',
          required: true,
          maxLength: 200,
          showWhen: { field: 'titolo', equals: 'locazione' },
        },
        { id: 'altroTitolo', label: 'Descrivi il titolo', type: 'text', required: true, maxLength: 200, showWhen: { field: 'titolo', equals: 'altro' } },
      ],
    },
    {
      id: 'famiglia',
      title: 'Familiari che si trasferiscono con te',
      description: 'Aggiungi le persone che si trasferiscono con te; lascia vuoto se ti trasferisci da solo.',
      fields: [
        {
          id: 'familiari',
          label: 'Familiari',
          type: 'group',
          itemLabel: 'Familiare',
          maxItems: 12,
          fields: [
            { id: 'nome', label: 'Nome', type: 'text', required: true, maxLength: 80 },
            { id: 'cognome', label: 'Cognome', type: 'text', required: true, maxLength: 80 },
            { id: 'codiceFiscale', label: 'Codice fiscale', type: 'fiscalCode', required: true },
            {
              id: 'relazione',
              label: 'Rapporto con te',
              type: 'select',
              required: true,
              options: [
                { value: 'coniuge', label: 'Coniuge o unito civilmente' },
                { value: 'figlio', label: 'Figlio o figlia' },
                { value: 'genitore', label: 'Genitore' },
                { value: 'fratello', label: 'Fratello o sorella' },
                { value: 'altro-parente', label: 'Altro parente' },
                { value: 'convivente', label: 'Convivente' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'veicoli',
      title: 'Veicoli e patenti',
      description: 'Per aggiornare la carta di circolazione e la patente con il nuovo indirizzo.',
      fields: [
        { id: 'patente', label: 'Numero della tua patente', type: 'text', maxLength: 20 },
        {
          id: 'veicoli',
          label: 'Veicoli intestati',
          type: 'group',
          itemLabel: 'Veicolo',
          maxItems: 6,
          fields: [
            { id: 'targa', label: 'Targa', type: 'text', required: true, minLength: 5, maxLength: 10 },
            {
              id: 'tipo',
              label: 'Tipo',
              type: 'select',
              required: true,
              options: [
                { value: 'autoveicolo', label: 'Autoveicolo' },
                { value: 'motoveicolo', label: 'Motoveicolo' },
                { value: 'rimorchio', label: 'Rimorchio' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'allegati',
      title: 'Allegati',
      fields: [
        { id: 'titoloAbitazione', label: 'Documento che prova il titolo (contratto, atto di proprietà)', type: 'file', accept: ['pdf', 'jpeg', 'png'], maxFiles: 3, maxMb: 10 },
        { id: 'altri', label: 'Altri documenti', type: 'file', accept: ['pdf', 'jpeg', 'png', 'p7m'], maxFiles: 5, maxMb: 10 },
      ],
    },
    declarations,
  ],
});

const accessToRecords = (comune: string): FormDefinition => ({
  level: 2,
  privacy: privacy(comune, 'URP'),
  steps: [
    {
      id: 'richiesta',
      title: 'Documenti richiesti',
      fields: [
        {
          id: 'tipo',
          label: 'Tipo di accesso',
          type: 'radio',
          required: true,
          options: [
            { value: 'documentale', label: 'Accesso documentale (L. 241/1990)' },
            { value: 'civico', label: 'Accesso civico generalizzato (D.Lgs. 33/2013)' },
          ],
        },
        { id: 'documenti', label: 'Documenti richiesti (estremi, ufficio, data)', type: 'textarea', required: true, minLength: 10, maxLength: 2000 },
        {
          id: 'motivazione',
          label: "Motivazione (l'interesse diretto, concreto e attuale)",
          type: 'textarea',
          required: true,
          minLength: 10,
          showWhen: { field: 'tipo', equals: 'documentale' },
        },
        {
          id: 'modalita',
          label: 'Come vuoi ricevere i documenti',
          type: 'radio',
          required: true,
          options: [
            { value: 'digitale', label: 'Copia digitale nella tua area personale' },
            { value: 'visione', label: 'Visione in ufficio' },
            { value: 'cartacea', label: 'Copia cartacea' },
          ],
        },
      ],
    },
    declarations,
  ],
});

/** The form of a request that needs a description, a phone number and, if any, documents. */
const simpleRequest = (comune: string, office: string, what: string, extra: FieldDef[] = []): FormDefinition => ({
  level: 2,
  privacy: privacy(comune, office),
  steps: [
    {
      id: 'richiesta',
      title: 'La richiesta',
      fields: [
        ...extra,
        { id: 'descrizione', label: what, type: 'textarea', required: true, minLength: 10, maxLength: 4000 },
        { id: 'documenti', label: 'Documenti', type: 'file', accept: ['pdf', 'jpeg', 'png', 'p7m', 'docx', 'odt'], maxFiles: 5, maxMb: 10 },
      ],
    },
    declarations,
  ],
});

const refund = (comune: string, tax: string): FormDefinition =>
  simpleRequest(comune, 'Tributi', `Per quali anni e versamenti chiedi il rimborso ${tax}`, [
    { id: 'iban', label: "IBAN per l'accredito", type: 'iban', required: true },
    { id: 'intestatario', label: 'Intestatario del conto', type: 'text', required: true, maxLength: 120 },
  ]);

const pollWorkers = (comune: string, role: string): FormDefinition => ({
  level: 2,
  privacy: privacy(comune, 'Servizio Elettorale'),
  steps: [
    {
      id: 'requisiti',
      title: 'Requisiti',
      fields: [
        {
          id: 'studio',
          label: 'Titolo di studio',
          type: 'select',
          required: true,
          options: [
            { value: 'obbligo', label: "Licenza dell'obbligo" },
            { value: 'diploma', label: 'Diploma di scuola superiore' },
            { value: 'laurea', label: 'Laurea' },
          ],
        },
        { id: 'professione', label: 'Professione', type: 'text', required: true, maxLength: 100 },
        { id: 'requisiti', label: `Dichiaro di avere i requisiti per l'ufficio di ${role} e di non trovarmi in cause di incompatibilità`, type: 'boolean', required: true },
      ],
    },
    declarations,
  ],
});

const child = (comune: string, service: string): FormDefinition => ({
  level: 2,
  privacy: privacy(comune, 'Pubblica Istruzione'),
  steps: [
    {
      id: 'bambino',
      title: 'Il bambino o la bambina',
      fields: [
        { id: 'nome', label: 'Nome', type: 'text', required: true, maxLength: 80 },
        { id: 'cognome', label: 'Cognome', type: 'text', required: true, maxLength: 80 },
        { id: 'codiceFiscale', label: 'Codice fiscale', type: 'fiscalCode', required: true },
        { id: 'nascita', label: 'Data di nascita', type: 'date', required: true },
      ],
    },
    {
      id: 'famiglia',
      title: 'Situazione economica',
      fields: [
        { id: 'isee', label: 'Valore ISEE in euro (facoltativo: senza ISEE si applica la tariffa massima)', type: 'number', min: 0, max: 1_000_000 },
        { id: 'scuola', label: service, type: 'text', required: true, maxLength: 150 },
      ],
    },
    declarations,
  ],
});

type Forms = Record<string, (comune: string) => FormDefinition>;

const FORMS: Record<string, Forms> = {
  bari: {
    'dichiarazione-di-cambio-di-residenza': residence,
    'iscrizione-anagrafica': residence,
    'accesso-agli-atti': accessToRecords,
    'iscrizione-albo-scrutatori': (c) => pollWorkers(c, 'scrutatore'),
  },
  bitonto: {
    'cambio-di-residenza': residence,
    'certificati-anagrafici': (c) =>
      simpleRequest(c, 'Servizi Demografici', 'Quali certificati ti servono e per quale uso', [
        {
          id: 'certificato',
          label: 'Certificato',
          type: 'checkboxes',
          required: true,
          options: [
            { value: 'residenza', label: 'Residenza' },
            { value: 'stato-di-famiglia', label: 'Stato di famiglia' },
            { value: 'nascita', label: 'Nascita' },
            { value: 'cittadinanza', label: 'Cittadinanza' },
          ],
        },
      ]),
    'albo-scrutatori': (c) => pollWorkers(c, 'scrutatore'),
    'albo-presidenti-di-seggio': (c) => pollWorkers(c, 'presidente di seggio'),
    'scia-avvio-attivita': (c) => ({
      ...simpleRequest(c, 'SUAP', "Descrivi l'attività, i locali e la data di avvio", [
        { id: 'partitaIva', label: 'Partita IVA', type: 'text', required: true, minLength: 11, maxLength: 11 },
      ]),
      fee: { amountCents: 5000, description: 'Diritti SUAP per la SCIA', kind: 'diritti-suap' },
    }),
    'occupazione-suolo-pubblico': (c) => simpleRequest(c, 'SUAP', "Dove, per quanti metri quadrati e per quale periodo chiedi l'occupazione"),
    'tari-dichiarazione': (c) =>
      simpleRequest(c, 'Tributi', "Dati catastali, superficie e data di inizio, variazione o cessazione dell'occupazione", [
        { id: 'indirizzo', label: "Indirizzo dell'immobile", type: 'address', required: true },
      ]),
    'tari-rimborso': (c) => refund(c, 'della TARI'),
    'imu-rimborso': (c) => refund(c, "dell'IMU"),
    'rateizzazione-tributi': (c) => simpleRequest(c, 'Tributi', 'Quali avvisi vuoi pagare a rate e in quante rate'),
    'iscrizione-asilo-nido': (c) => child(c, 'Asilo nido preferito'),
    'mensa-scolastica': (c) => child(c, 'Scuola e classe frequentata'),
    'ritiro-ingombranti': (c) =>
      simpleRequest(c, 'Igiene urbana', 'Quali rifiuti devi far ritirare (tipo e quantità)', [{ id: 'indirizzo', label: 'Indirizzo del ritiro', type: 'address', required: true }]),
    'accesso-agli-atti': accessToRecords,
    'segnalazione-disservizio': (c) =>
      simpleRequest(c, 'URP', 'Descrivi il problema e il luogo esatto', [{ id: 'indirizzo', label: 'Dove si trova il problema', type: 'address', required: true }]),
  },
};

/** Inserts version 1 of the demo comune's forms. */
export async function seedForms(trx: Transaction<DB>, tenant: { id: string; slug: string; name: string }): Promise<void> {
  const forms = FORMS[tenant.slug] ?? {};
  const slugs = Object.keys(forms);
  if (!slugs.length) return;
  const cards = await trx.selectFrom('service_cards').select(['id', 'slug']).where('tenant_id', '=', tenant.id).where('slug', 'in', slugs).execute();
  if (cards.length !== slugs.length) throw new Error(`demo forms of ${tenant.slug}: cards missing`);
  await trx
    .insertInto('service_forms')
    .values(cards.map((c) => ({ tenant_id: tenant.id, card_id: c.id, version: 1, definition: JSON.stringify(forms[c.slug]!(tenant.name)) })))
    .execute();
}

export const DEMO_FORMS = FORMS;
