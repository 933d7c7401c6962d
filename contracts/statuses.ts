// The statuses of the things citizens and officers follow, as literal unions with their Italian and
// English words. Plain data (no TypeBox): the web client imports it at run time, the server builds
// its schemas and column types from it, so a misspelt status fails the typecheck on both sides.

export const BOOKING_STATUSES = ['held', 'pending', 'confirmed', 'checked_in', 'done', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'left', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const ROOM_PHASES = ['not_yet', 'open', 'closed', 'ended', 'cancelled'] as const;
export type RoomPhase = (typeof ROOM_PHASES)[number];

export interface Words {
  it: string;
  en: string;
}

/** Words in both languages, as the catalogues write them. */
export const words = (it: string, en: string): Words => ({ it, en });

/** A booking's status as the office and the citizen read it ("l'appuntamento è …"). */
export const BOOKING_STATUS_WORDS: Record<BookingStatus, Words> = {
  held: { it: 'in attesa di conferma del cittadino', en: 'being booked' },
  pending: { it: 'in attesa di approvazione', en: 'awaiting approval' },
  confirmed: { it: 'confermato', en: 'confirmed' },
  checked_in: { it: 'presente', en: 'checked in' },
  done: { it: 'concluso', en: 'done' },
  no_show: { it: 'assente', en: 'no show' },
  cancelled: { it: 'annullato', en: 'cancelled' },
};

/** Italian words only, for messages built on the server ("l'appuntamento è annullato"). */
export const BOOKING_STATUS_LABELS = Object.fromEntries(BOOKING_STATUSES.map((s) => [s, BOOKING_STATUS_WORDS[s].it])) as Record<BookingStatus, string>;

export const TICKET_STATUS_WORDS: Record<TicketStatus, Words> = {
  waiting: { it: 'in attesa', en: 'waiting' },
  called: { it: 'chiamato', en: 'called' },
  serving: { it: 'in servizio', en: 'being served' },
  parked: { it: 'sospeso', en: 'parked' },
  done: { it: 'servito', en: 'served' },
  no_show: { it: 'non presentato', en: 'no show' },
  left: { it: 'uscito dalla coda', en: 'left the queue' },
  expired: { it: 'scaduto a fine giornata', en: 'expired at the end of the day' },
};

export const TICKET_STATUS_LABELS = Object.fromEntries(TICKET_STATUSES.map((s) => [s, TICKET_STATUS_WORDS[s].it])) as Record<TicketStatus, string>;

/** A ticket in one of these states is over: nothing more happens to it. */
export const FINAL_TICKET_STATUSES: readonly TicketStatus[] = ['done', 'no_show', 'left', 'expired'];

/**
 * An online application's state, from the draft to the decision (L. 241/1990): filed, registered in
 * the protocol, taken in charge by an officer, waiting for the citizen's integration or with the
 * integration received, with a notice of rejection (art. 10-bis) sent, and how it ended.
 */
export const CASE_STATES = [
  'draft',
  'submitted',
  'registered',
  'in_charge',
  'integration_requested',
  'integration_submitted',
  'rejection_notice',
  'accepted',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The state in words, for the citizen ("la tua pratica è …") and the office alike. */
export const CASE_STATE_WORDS: Record<CaseState, Words> = {
  draft: { it: 'bozza', en: 'draft' },
  submitted: { it: 'presentata', en: 'submitted' },
  registered: { it: 'protocollata, in attesa di presa in carico', en: 'registered, waiting to be taken in charge' },
  in_charge: { it: 'in lavorazione', en: 'being handled' },
  integration_requested: { it: 'in attesa di integrazione', en: 'waiting for more information' },
  integration_submitted: { it: 'integrazione ricevuta', en: 'information received' },
  rejection_notice: { it: 'preavviso di rigetto inviato', en: 'notice of rejection sent' },
  accepted: { it: 'accolta', en: 'accepted' },
  rejected: { it: 'respinta', en: 'rejected' },
  withdrawn: { it: 'ritirata', en: 'withdrawn' },
  cancelled: { it: 'annullata', en: 'cancelled' },
};
