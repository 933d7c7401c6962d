// The catalogue of what happens in Sportello: every action the audit log records, with its Italian and
// English labels, the entity it concerns, whether it is also published on the event bus, and how the
// citizen's personal area tells it ("Attività"). One list for the server (typed action names), the
// officer console (audit log, a booking's history) and the personal area. Plain data: the web client
// imports it at run time; the events' payload schemas live in contracts/events.ts (server side).
//
// Names are `entity.what-happened`: a noun, a dot, a past participle in kebab-case. Entries written
// before this catalogue used other spellings; `legacy` lists them so old audit entries still read well
// (the audit log is append-only and hash-chained: old names are never rewritten).

import { PAYMENT_ACTIVITY } from './activity-payments.ts';
import { type Words, words } from './statuses.ts';

export type EntityType =
  | 'booking'
  | 'ticket'
  | 'video_room'
  | 'operator'
  | 'citizen'
  | 'office'
  | 'service'
  | 'desk'
  | 'queue'
  | 'exception'
  | 'tenant'
  | 'protocol_entry'
  | 'service_card'
  | 'application'
  | 'faq_entry'
  | 'citizen_request'
  | 'payment';

/** How the personal area tells an entry: by the citizen themself, or by the office on their behalf. `{what}` is the service and reference. */
export interface CitizenWording {
  self: Words;
  office?: Words;
}

export interface ActivitySpec {
  it: string;
  en: string;
  entity?: EntityType;
  /** Published on the event bus (contracts/events.ts gives its payload). */
  event?: true;
  /** false: an event only, not kept in the audit log (a slot held for a few minutes while a form is filled in). */
  audited?: false;
  /** Shown in the citizen's "Attività" when the entry concerns them. */
  citizen?: CitizenWording;
  legacy?: readonly string[];
}

const w = words;

export const ACTIVITY = {
  // Bookings
  'booking.created': {
    it: 'Prenotazione creata',
    en: 'Booking made',
    entity: 'booking',
    event: true,
    citizen: { self: w('Appuntamento prenotato: {what}', 'Appointment booked: {what}'), office: w("L'ufficio ha prenotato per te: {what}", 'The office booked for you: {what}') },
    legacy: ['booking.create'],
  },
  'booking.held': { it: 'Orario tenuto da parte', en: 'Slot held', entity: 'booking', event: true, audited: false },
  'booking.hold-released': { it: 'Orario rilasciato', en: 'Slot released', entity: 'booking', event: true, audited: false },
  'booking.rescheduled': {
    it: 'Appuntamento spostato',
    en: 'Appointment moved',
    entity: 'booking',
    event: true,
    citizen: { self: w('Appuntamento spostato: {what}', 'Appointment moved: {what}') },
    legacy: ['booking.reschedule'],
  },
  'booking.cancelled': {
    it: 'Appuntamento annullato',
    en: 'Appointment cancelled',
    entity: 'booking',
    event: true,
    citizen: {
      self: w('Appuntamento annullato: {what}', 'Appointment cancelled: {what}'),
      office: w("L'ufficio ha annullato l'appuntamento {what}", 'The office cancelled the appointment {what}'),
    },
    legacy: ['booking.cancel'],
  },
  'booking.confirmed': {
    it: 'Richiesta approvata',
    en: 'Request approved',
    entity: 'booking',
    event: true,
    citizen: { self: w("L'ufficio ha confermato l'appuntamento {what}", 'The office confirmed the appointment {what}') },
    legacy: ['booking.confirm'],
  },
  'booking.checked-in': {
    it: 'Arrivo registrato',
    en: 'Arrival recorded',
    entity: 'booking',
    event: true,
    citizen: { self: w('Arrivo registrato in ufficio: {what}', 'Arrival recorded at the office: {what}') },
    legacy: ['booking.check-in'],
  },
  'booking.missed': {
    it: 'Non presentato',
    en: 'Did not come',
    entity: 'booking',
    event: true,
    citizen: { self: w("Assenza registrata all'appuntamento {what}", 'Absence recorded for the appointment {what}') },
    legacy: ['booking.no-show'],
  },
  'booking.reminded': { it: 'Promemoria inviato', en: 'Reminder sent', entity: 'booking' },
  'booking.completed': {
    it: 'Appuntamento concluso',
    en: 'Appointment done',
    entity: 'booking',
    event: true,
    citizen: { self: w('Appuntamento concluso: {what}', 'Appointment done: {what}') },
    legacy: ['booking.done'],
  },

  // Documents and video rooms
  'file.uploaded': {
    it: 'Documento caricato',
    en: 'Document uploaded',
    citizen: {
      self: w('Documento caricato: {name}', 'Document uploaded: {name}'),
      office: w("L'ufficio ti ha inviato un documento: {name}", 'The office sent you a document: {name}'),
    },
    legacy: ['file.upload'],
  },
  'file.downloaded': { it: 'Documento scaricato', en: 'Document downloaded', legacy: ['file.download'] },
  'video.room-opened': { it: 'Stanza video aperta', en: 'Video room opened', entity: 'video_room', legacy: ['video.room.create'] },
  'video.room-entered': { it: 'Ingresso nella stanza video', en: 'Video room entered', entity: 'video_room', legacy: ['video.room.enter'] },
  'video.room-ended': { it: 'Videochiamata conclusa', en: 'Video call ended', entity: 'video_room', event: true, legacy: ['video.end'] },

  // The virtual queue
  'ticket.taken': { it: 'Numero preso', en: 'Ticket taken', entity: 'ticket', event: true, legacy: ['ticket.take'] },
  'ticket.left': { it: 'Numero lasciato', en: 'Left the queue', entity: 'ticket', event: true, legacy: ['ticket.leave'] },
  'ticket.called': { it: 'Numero chiamato', en: 'Ticket called', entity: 'ticket', event: true },
  'ticket.recalled': { it: 'Numero richiamato', en: 'Ticket called again', entity: 'ticket', event: true },
  'ticket.started': { it: 'Servizio iniziato', en: 'Service started', entity: 'ticket', event: true },
  'ticket.finished': { it: 'Servizio concluso', en: 'Service finished', entity: 'ticket', event: true },
  'ticket.missed': { it: 'Non presentato alla chiamata', en: 'Did not answer the call', entity: 'ticket', event: true, legacy: ['ticket.no_show'] },
  'ticket.parked': { it: 'Numero sospeso', en: 'Ticket parked', entity: 'ticket', event: true },
  'ticket.resumed': { it: 'Numero ripreso', en: 'Ticket resumed', entity: 'ticket', event: true },
  'ticket.transferred': { it: 'Numero trasferito', en: 'Ticket transferred', entity: 'ticket', event: true },
  'desk.signed-in': { it: 'Ingresso allo sportello', en: 'Signed in at a desk', entity: 'desk', event: true, legacy: ['desk.sign-in'] },
  'desk.signed-out': { it: 'Uscita dallo sportello', en: 'Signed out of a desk', entity: 'desk', event: true, legacy: ['desk.sign-out'] },
  'desk.taken-over': { it: 'Sportello rilevato', en: 'Desk taken over', entity: 'desk', event: true, legacy: ['desk.take-over'] },
  'queue.created': { it: 'Coda creata', en: 'Queue created', entity: 'queue', event: true, legacy: ['queue.create'] },
  'queue.updated': { it: 'Coda modificata', en: 'Queue changed', entity: 'queue', event: true, legacy: ['queue.update'] },
  'queue.settings-changed': { it: "Regole della coda dell'ufficio", en: "Office's queue rules changed", entity: 'office', event: true, legacy: ['queue.settings'] },
  'queue.priority-classes-changed': { it: 'Categorie con precedenza', en: 'Priority classes changed', entity: 'tenant', event: true, legacy: ['queue.priority-classes'] },
  'desk.queues-changed': { it: 'Code servite dallo sportello', en: "Desk's queues changed", entity: 'desk', event: true, legacy: ['desk.queues'] },

  // Configuration
  'office.created': { it: 'Ufficio creato', en: 'Office created', entity: 'office', event: true, legacy: ['office.create'] },
  'office.updated': { it: 'Ufficio modificato', en: 'Office changed', entity: 'office', event: true, legacy: ['office.update'] },
  'service.created': { it: 'Servizio creato', en: 'Service created', entity: 'service', event: true, legacy: ['service.create'] },
  'service.updated': { it: 'Servizio modificato', en: 'Service changed', entity: 'service', event: true, legacy: ['service.update'] },
  'desk.created': { it: 'Sportello creato', en: 'Desk created', entity: 'desk', event: true, legacy: ['desk.create'] },
  'desk.updated': { it: 'Sportello modificato', en: 'Desk changed', entity: 'desk', event: true, legacy: ['desk.update'] },
  'desk.hours-changed': { it: 'Orari dello sportello', en: 'Desk hours changed', entity: 'desk', event: true, legacy: ['desk.hours'] },
  'exception.created': { it: 'Chiusura o apertura aggiunta', en: 'Closure or extra opening added', entity: 'exception', event: true, legacy: ['exception.create'] },
  'exception.deleted': { it: 'Chiusura o apertura rimossa', en: 'Closure or extra opening removed', entity: 'exception', event: true, legacy: ['exception.delete'] },
  'tenant.created': { it: 'Comune creato', en: 'Municipality created', entity: 'tenant', event: true },
  'tenant.updated': { it: 'Dati del comune modificati', en: 'Municipality changed', entity: 'tenant', event: true },
  'identity.providers-changed': { it: 'Gestori SPID/CIE configurati', en: 'SPID/CIE gateways configured', entity: 'tenant', event: true, legacy: ['identity.providers'] },

  // Officers
  'operator.logged-in': { it: 'Accesso', en: 'Signed in', entity: 'operator', legacy: ['operator.login'] },
  'operator.logged-out': { it: 'Uscita', en: 'Signed out', entity: 'operator', legacy: ['operator.logout'] },
  'operator.login-failed': { it: 'Accesso non riuscito', en: 'Sign-in failed', entity: 'operator', legacy: ['operator.login_failed'] },
  'operator.totp-failed': { it: 'Codice di verifica errato', en: 'Wrong verification code', entity: 'operator', legacy: ['operator.totp_failed'] },
  'operator.login-throttled': {
    it: 'Accessi rallentati per troppi tentativi',
    en: 'Sign-ins slowed down after too many attempts',
    entity: 'operator',
    legacy: ['operator.locked'],
  },
  'operator.created': { it: 'Operatore creato', en: 'Officer created', entity: 'operator', legacy: ['operator.create'] },
  'operator.updated': { it: 'Operatore modificato', en: 'Officer changed', entity: 'operator', legacy: ['operator.update'] },
  'operator.disabled': { it: 'Operatore disattivato', en: 'Officer disabled', entity: 'operator', legacy: ['operator.disable'] },
  'operator.enabled': { it: 'Operatore riattivato', en: 'Officer enabled again', entity: 'operator', legacy: ['operator.enable'] },
  'operator.password-reset': { it: 'Password reimpostata', en: 'Password reset', entity: 'operator', legacy: ['operator.password_reset'] },
  'operator.password-changed': { it: 'Password cambiata', en: 'Password changed', entity: 'operator', legacy: ['operator.password_change'] },
  'operator.password-change-failed': { it: 'Cambio password non riuscito', en: 'Password change failed', entity: 'operator', legacy: ['operator.password_change_failed'] },
  'operator.totp-enabled': { it: 'Verifica in due passaggi attivata', en: 'Two-step verification on', entity: 'operator', legacy: ['operator.totp_enable'] },
  'operator.totp-disabled': { it: 'Verifica in due passaggi disattivata', en: 'Two-step verification off', entity: 'operator', legacy: ['operator.totp_disable'] },
  'audit.verified': { it: 'Verifica del registro', en: 'Audit log verified', legacy: ['audit.verify'] },

  // The service catalogue
  'card.created': { it: 'Scheda servizio creata', en: 'Service card created', entity: 'service_card' },
  'card.updated': { it: 'Scheda servizio modificata', en: 'Service card changed', entity: 'service_card' },
  'card.form-changed': { it: 'Modulo online modificato', en: 'Online form changed', entity: 'service_card' },

  // The comune's site shell
  'site.updated': { it: 'Impostazioni del sito modificate', en: 'Site settings changed', entity: 'tenant' },
  'site.coat-of-arms-changed': { it: 'Stemma del Comune cambiato', en: 'Coat of arms changed', entity: 'tenant' },
  'faq.created': { it: 'Domanda frequente aggiunta', en: 'FAQ entry added', entity: 'faq_entry' },
  'faq.updated': { it: 'Domanda frequente modificata', en: 'FAQ entry changed', entity: 'faq_entry' },
  'faq.deleted': { it: 'Domanda frequente eliminata', en: 'FAQ entry deleted', entity: 'faq_entry' },
  'request.filed': {
    it: "Richiesta d'assistenza ricevuta",
    en: 'Assistance request received',
    entity: 'citizen_request',
    citizen: { self: w("Richiesta d'assistenza inviata: {name}", 'Assistance request sent: {name}') },
  },
  'request.answered': { it: "Richiesta d'assistenza risposta", en: 'Assistance request answered', entity: 'citizen_request' },
  'report.filed': {
    it: 'Segnalazione di disservizio ricevuta',
    en: 'Inefficiency report received',
    entity: 'citizen_request',
    citizen: { self: w('Segnalazione di disservizio inviata: {name}', 'Inefficiency report sent: {name}') },
  },
  'report.photo-added': { it: 'Foto aggiunta a una segnalazione', en: 'Photo added to a report', entity: 'citizen_request' },
  'report.assigned': { it: 'Segnalazione assegnata', en: 'Report assigned', entity: 'citizen_request' },
  'report.answered': { it: 'Segnalazione risolta e chiusa', en: 'Report answered and closed', entity: 'citizen_request' },

  // Online applications
  'application.started': {
    it: 'Domanda online iniziata',
    en: 'Online application started',
    entity: 'application',
    citizen: { self: w('Domanda iniziata: {name}', 'Application started: {name}') },
  },
  'application.paid-not-filed': {
    it: 'Domanda pagata, non inviata: la invia il cittadino',
    en: 'Paid application not filed: the citizen sends it',
    entity: 'application',
    citizen: { self: w('Pagamento ricevuto, domanda da inviare: {name}', 'Payment received, application to send: {name}') },
  },
  'application.draft-deleted': {
    it: 'Bozza di domanda eliminata',
    en: 'Draft application deleted',
    entity: 'application',
    citizen: { self: w('Bozza eliminata: {name}', 'Draft deleted: {name}') },
  },
  'application.submitted': {
    it: 'Domanda online presentata',
    en: 'Online application submitted',
    entity: 'application',
    event: true,
    citizen: { self: w('Domanda presentata: {name}', 'Application submitted: {name}') },
  },

  // Case handling: the office's actions (told to the citizen as the office's) and the citizen's.
  'case.taken': {
    it: 'Pratica presa in carico',
    en: 'Case taken in charge',
    entity: 'application',
    citizen: { self: w('Pratica presa in carico: {name}', 'Case taken in charge: {name}') },
  },
  'case.integration-requested': {
    it: 'Integrazione richiesta',
    en: 'More information requested',
    entity: 'application',
    citizen: { self: w("L'ufficio chiede un'integrazione: {name}", 'The office asks for more information: {name}') },
  },
  'case.integration-submitted': {
    it: 'Integrazione inviata',
    en: 'Information sent',
    entity: 'application',
    citizen: { self: w('Integrazione inviata: {name}', 'Information sent: {name}') },
  },
  'case.rejection-noticed': {
    it: 'Preavviso di rigetto inviato',
    en: 'Notice of rejection sent',
    entity: 'application',
    citizen: { self: w('Preavviso di rigetto: {name}', 'Notice of rejection: {name}') },
  },
  'case.observations-submitted': {
    it: 'Osservazioni inviate',
    en: 'Observations sent',
    entity: 'application',
    citizen: { self: w('Osservazioni inviate: {name}', 'Observations sent: {name}') },
  },
  'case.accepted': { it: 'Pratica accolta', en: 'Case accepted', entity: 'application', citizen: { self: w('Pratica accolta: {name}', 'Case accepted: {name}') } },
  'case.rejected': { it: 'Pratica respinta', en: 'Case rejected', entity: 'application', citizen: { self: w('Pratica respinta: {name}', 'Case rejected: {name}') } },
  'case.withdrawn': { it: 'Pratica ritirata', en: 'Case withdrawn', entity: 'application', citizen: { self: w('Pratica ritirata: {name}', 'Case withdrawn: {name}') } },
  'case.cancelled': {
    it: 'Pratica annullata',
    en: 'Case cancelled',
    entity: 'application',
    citizen: { self: w("L'ufficio ha annullato la pratica: {name}", 'The office cancelled the case: {name}') },
  },
  'case.message-sent': {
    it: 'Messaggio sulla pratica',
    en: 'Message on a case',
    entity: 'application',
    citizen: { self: w('Messaggio sulla pratica: {name}', 'Message on the case: {name}') },
  },
  'case.note-added': { it: 'Nota interna sulla pratica', en: 'Internal note on a case', entity: 'application' },
  'case.list-exported': { it: 'Elenco delle pratiche esportato (CSV)', en: 'Case list exported (CSV)' },

  // pagoPA payments (contracts/activity-payments.ts)
  ...PAYMENT_ACTIVITY,

  // The protocol register
  'protocol.registered': { it: 'Registrazione di protocollo', en: 'Protocol entry registered', entity: 'protocol_entry', event: true },
  'protocol.annulled': { it: 'Registrazione di protocollo annullata', en: 'Protocol entry annulled', entity: 'protocol_entry', event: true },
  'protocol.daily-register-produced': { it: 'Registro giornaliero di protocollo prodotto', en: 'Daily protocol register produced', entity: 'tenant' },

  // Citizens
  'citizen.logged-in': {
    it: "Accesso all'area personale",
    en: 'Signed in to the personal area',
    entity: 'citizen',
    citizen: { self: w("Accesso all'area personale con {provider}", 'Signed in to the personal area with {provider}') },
    legacy: ['citizen.login'],
  },
  'citizen.logged-out': {
    it: "Uscita dall'area personale",
    en: 'Signed out of the personal area',
    entity: 'citizen',
    citizen: { self: w("Uscita dall'area personale", 'Signed out of the personal area') },
    legacy: ['citizen.logout'],
  },
  'citizen.contacts-changed': {
    it: 'Contatti aggiornati',
    en: 'Contacts changed',
    entity: 'citizen',
    citizen: { self: w('Contatti aggiornati', 'Contacts changed') },
    legacy: ['citizen.contacts'],
  },
  'citizen.email-verified': {
    it: 'Indirizzo email confermato',
    en: 'Email address confirmed',
    entity: 'citizen',
    citizen: { self: w('Indirizzo email confermato', 'Email address confirmed') },
  },
  'citizen.data-exported': {
    it: 'Dati scaricati dal cittadino',
    en: 'Data downloaded by the citizen',
    entity: 'citizen',
    citizen: { self: w('Scaricati i tuoi dati', 'You downloaded your data') },
    legacy: ['citizen.export'],
  },
} as const satisfies Record<string, ActivitySpec>;

export type ActionName = keyof typeof ACTIVITY;
/** The actions that are also domain events on the bus. */
export type EventName = { [K in ActionName]: (typeof ACTIVITY)[K] extends { event: true } ? K : never }[ActionName];

const LEGACY: ReadonlyMap<string, ActionName> = new Map(
  (Object.entries(ACTIVITY) as Array<[ActionName, ActivitySpec]>).flatMap(([name, spec]) => (spec.legacy ?? []).map((old) => [old, name] as const)),
);

/** The catalogue's name of an audit entry's action, also for entries written under an older name. */
export function canonicalAction(action: string): ActionName | undefined {
  if (Object.hasOwn(ACTIVITY, action)) return action as ActionName;
  return LEGACY.get(action);
}

export function isEventName(name: string): name is EventName {
  const spec: ActivitySpec | undefined = Object.hasOwn(ACTIVITY, name) ? ACTIVITY[name as ActionName] : undefined;
  return spec?.event === true;
}

/** An action's label for officers; unknown codes are shown as they are. */
export function actionLabel(action: string, lang: 'it' | 'en' = 'it'): string {
  const name = canonicalAction(action);
  return name ? ACTIVITY[name][lang] : action;
}

/** Every name an action was ever written under (for filtering the audit log by action). */
export function actionSpellings(name: ActionName): string[] {
  return [name, ...((ACTIVITY[name] as ActivitySpec).legacy ?? [])];
}

/**
 * How the personal area tells an entry, or null when citizens are not shown it. `vars` fills the
 * wording's {placeholders}; `byOffice` picks the office's wording when the entry has one.
 */
export function citizenActivityTitle(action: string, byOffice: boolean, vars: Record<string, string>, lang: 'it' | 'en' = 'it'): string | null {
  const name = canonicalAction(action);
  if (!name) return null;
  const wording = (ACTIVITY[name] as ActivitySpec).citizen;
  if (!wording) return null;
  const words = byOffice && wording.office ? wording.office : wording.self;
  return words[lang].replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');
}

export const ACTOR_TYPES: Record<'operator' | 'citizen' | 'system', Words> = {
  operator: { it: 'Operatore', en: 'Officer' },
  citizen: { it: 'Cittadino', en: 'Citizen' },
  system: { it: 'Sistema', en: 'System' },
};
