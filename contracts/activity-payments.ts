// The pagoPA payments' part of the activity catalogue (contracts/activity.ts spreads it in): what
// officers, citizens and the system do to a debt position, as the audit log, a position's history
// and the citizen's Attività tell it. `{name}` is the position's reason. Its shape is
// checked where the catalogue spreads it in.
import { words } from './statuses.ts';

const w = words;

export const PAYMENT_ACTIVITY = {
  'payment.created': {
    it: 'Posizione debitoria creata',
    en: 'Debt position created',
    entity: 'payment',
    event: true,
    citizen: {
      self: w('Pagamento da fare: {name}', 'Payment due: {name}'),
      office: w("L'ufficio ti ha chiesto un pagamento: {name}", 'The office asked you for a payment: {name}'),
    },
  },
  'payment.published': { it: 'Posizione pubblicata su pagoPA', en: 'Position published on pagoPA', entity: 'payment' },
  'payment.checkout-started': {
    it: 'Pagamento avviato su pagoPA',
    en: 'Payment started on pagoPA',
    entity: 'payment',
    citizen: { self: w('Pagamento avviato: {name}', 'Payment started: {name}') },
  },
  'payment.paid': {
    it: 'Pagamento ricevuto',
    en: 'Payment received',
    entity: 'payment',
    event: true,
    citizen: { self: w('Pagamento ricevuto: {name}', 'Payment received: {name}') },
  },
  'payment.marked-paid': {
    it: 'Segnato come pagato',
    en: 'Marked as paid',
    entity: 'payment',
    event: true,
    citizen: { self: w("Pagamento registrato dall'ufficio: {name}", 'Payment recorded by the office: {name}') },
  },
  'payment.cancelled': {
    it: 'Posizione annullata',
    en: 'Position cancelled',
    entity: 'payment',
    event: true,
    citizen: { self: w("L'ufficio ha annullato il pagamento: {name}", 'The office cancelled the payment: {name}') },
  },
  'payment.expired': { it: 'Posizione scaduta', en: 'Position expired', entity: 'payment' },
  'payment.reminded': { it: 'Promemoria di scadenza inviato', en: 'Due-date reminder sent', entity: 'payment' },
  'payment.receipt-anomaly': { it: 'Ricevuta pagoPA da verificare', en: 'pagoPA receipt to review', entity: 'payment' },
  'payment.anomaly-reviewed': { it: 'Anomalia di pagamento verificata', en: 'Payment anomaly reviewed', entity: 'payment' },
  'payment.list-exported': { it: 'Elenco dei pagamenti esportato (CSV)', en: 'Payment list exported (CSV)' },
  'payment.creditor-updated': { it: 'Dati pagoPA del Comune modificati', en: 'pagoPA creditor settings changed', entity: 'tenant' },
} as const;
