// The catalogue of error answers: every `code` the API gives, its HTTP status and its messages in
// Italian and English. The server builds its errors from it (server/platform/http/errors.ts
// `appError`), the web client types `ApiError.code` with it, so a misspelt code fails the typecheck
// on both sides. Messages are templates: `{name}` is filled from the error's parameters (a parameter
// may carry both languages). Codes whose message depends on the case have `variants`.
import { PAYMENT_ERRORS } from './errors-payments.ts';
import type { Words } from './statuses.ts';

export interface ErrorText {
  it: string;
  en: string;
  /** A variant's own status, where the same code answers differently in two places (kept as clients know it). */
  status?: number;
}

export interface ErrorSpec extends ErrorText {
  status: number;
  variants?: Record<string, ErrorText>;
}

const t = (it: string, en: string, status?: number): ErrorText => ({ it, en, ...(status ? { status } : {}) });

export const ERRORS = {
  // Requests the server cannot read or route
  VALIDATION: {
    status: 400,
    it: 'Alcuni dati non sono validi: {fields}.',
    en: 'Some data is not valid: {fields}.',
    variants: {
      request: t('Richiesta non valida.', 'Invalid request.'),
      date: t('Data non valida.', 'Invalid date.'),
      displayName: t('Inserisci nome e cognome (almeno 2 caratteri).', 'Enter a display name (at least 2 characters).'),
      ratedPage: t('La pagina valutata non è di questo Comune.', 'The rated page is not one of this municipality.'),
    },
  },
  BAD_REQUEST: { status: 400, it: 'Richiesta non valida.', en: 'Invalid request.' },
  UNAUTHENTICATED: { status: 401, it: 'Sessione scaduta o assente: accedi di nuovo.', en: 'Session missing or expired: please sign in again.' },
  CITIZEN_UNAUTHENTICATED: { status: 401, it: 'Accedi con SPID o CIE per continuare.', en: 'Please log in with SPID or CIE.' },
  FORBIDDEN: { status: 403, it: 'Non hai i permessi per questa operazione.', en: 'You are not allowed to do this.' },
  CSRF: { status: 403, it: 'Richiesta non autorizzata (token CSRF mancante o errato): ricarica la pagina.', en: 'Missing or wrong CSRF token: reload the page.' },
  NOT_FOUND: {
    status: 404,
    it: 'Pagina non trovata.',
    en: 'Not found.',
    variants: {
      office: t('Ufficio non trovato.', 'Office not found.'),
      service: t('Servizio non trovato.', 'Service not found.'),
      desk: t('Sportello non trovato.', 'Desk not found.'),
      exception: t('Chiusura o apertura non trovata.', 'Closure or opening not found.'),
      officer: t('Operatore non trovato.', 'Officer not found.'),
      booking: t('Prenotazione non trovata.', 'Booking not found.'),
      message: t('Messaggio non trovato.', 'Message not found.'),
      attachment: t('Allegato non trovato.', 'Attachment not found.'),
      protocolEntry: t('Registrazione di protocollo non trovata.', 'Protocol entry not found.'),
      dailyRegister: t('Registro giornaliero non trovato.', 'Daily register not found.'),
      serviceCard: t('Scheda servizio non trovata.', 'Service card not found.'),
      application: t('Domanda non trovata.', 'Application not found.'),
      faq: t('Domanda frequente non trovata.', 'FAQ entry not found.'),
      coatOfArms: t('Il Comune non ha caricato uno stemma.', 'The municipality has no coat of arms.'),
      mapTile: t('Questa parte della mappa non è disponibile.', 'This part of the map is not available.'),
      request: t('Richiesta non trovata.', 'Request not found.'),
      payment: t('Pagamento non trovato.', 'Payment not found.'),
    },
  },
  METHOD_NOT_ALLOWED: { status: 405, it: 'Metodo {method} non consentito su questo indirizzo.', en: 'Method {method} is not allowed here.' },
  BODY_TOO_LARGE: { status: 413, it: 'La richiesta è troppo grande.', en: 'The request body is too large.' },
  URI_TOO_LONG: { status: 414, it: "L'indirizzo della richiesta è troppo lungo.", en: 'The request URI is too long.' },
  HEADERS_TOO_LARGE: {
    status: 431,
    it: "L'indirizzo o le intestazioni della richiesta sono troppo lunghi.",
    en: 'The request URI or headers are too large.',
  },
  REQUEST_TIMEOUT: { status: 408, it: 'La richiesta non è arrivata in tempo: riprova.', en: 'The request did not arrive in time: try again.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, it: 'Formato della richiesta non supportato.', en: 'Unsupported media type.' },
  RATE_LIMITED: { status: 429, it: 'Troppe richieste: riprova tra poco.', en: 'Too many requests: try again shortly.' },
  METRICS_UNAUTHORIZED: { status: 401, it: 'Metriche riservate: serve il token di accesso.', en: 'Metrics are restricted: a bearer token is required.' },
  METRICS_LOOPBACK_ONLY: { status: 403, it: 'Metriche disponibili solo da questo computer.', en: 'Metrics are served to this host only.' },
  INTERNAL: { status: 500, it: 'Errore interno: riprova più tardi.', en: 'Internal error: please try again later.' },
  TENANT_NOT_FOUND: { status: 404, it: 'Comune "{slug}" non trovato.', en: 'Municipality "{slug}" not found.' },

  // Booking
  INVALID_DATE: {
    status: 400,
    it: 'Data non valida: usa il formato AAAA-MM-GG.',
    en: 'Invalid date: use YYYY-MM-DD.',
    variants: { plain: t('Data non valida.', 'Invalid date.') },
  },
  INVALID_RANGE: { status: 400, it: 'La data finale precede quella iniziale.', en: 'The end date is before the start date.' },
  RANGE_TOO_LONG: { status: 400, it: 'Puoi chiedere al massimo {days} giorni alla volta.', en: 'At most {days} days per request.' },
  INVALID_START: { status: 400, it: 'Orario non valido: indica data, ora e fuso (ISO 8601).', en: 'Invalid time: give date, time and offset (ISO 8601).' },
  SLOT_NOT_OFFERED: {
    status: 400,
    it: "L'orario indicato non corrisponde a un appuntamento disponibile per questo servizio.",
    en: 'The given time is not a slot of this service.',
  },
  SERVICE_NOT_FOUND: { status: 404, it: 'Servizio non trovato.', en: 'Service not found.' },
  BOOKING_NOT_FOUND: {
    status: 404,
    it: 'Prenotazione non trovata o link non valido.',
    en: 'Booking not found or invalid link.',
    variants: { kiosk: t('Nessun appuntamento di oggi in questo ufficio con questo codice.', 'No appointment today at this office with this code.') },
  },
  SLOT_TAKEN: {
    status: 409,
    it: "L'orario scelto è stato appena prenotato da un'altra persona. Ecco i primi orari ancora liberi.",
    en: 'The chosen time has just been booked by someone else. Here are the next free times.',
  },
  SLOT_UNAVAILABLE: { status: 409, it: "L'orario scelto non è più prenotabile: scegline un altro.", en: 'The chosen time can no longer be booked: pick another one.' },
  BOOKING_LIMIT_REACHED: {
    status: 409,
    it: 'Hai già {active} per questo servizio: gestisci o annulla quello esistente dal link ricevuto via email.',
    en: 'You already have {active} for this service: manage or cancel it from the link in your email.',
  },
  CHANGE_CLOSED: {
    status: 409,
    it: "Non è più possibile modificare o annullare online questo appuntamento: contatta l'ufficio.",
    en: 'This booking can no longer be changed or cancelled online: contact the office.',
  },
  INVALID_TRANSITION: {
    status: 409,
    it: "Operazione non possibile: l'appuntamento è {status}.",
    en: 'Not possible: the booking is {status}.',
    variants: { ticket: t('Operazione non possibile: il numero è {status}.', 'Not possible: the ticket is {status}.') },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    it: 'La chiave Idempotency-Key è già stata usata per una richiesta diversa.',
    en: 'The Idempotency-Key was already used for a different request.',
  },

  // Configuration
  INVALID_HOURS: {
    status: 400,
    it: 'Orari non validi: {problem}.',
    en: 'Invalid hours: {problem}.',
    variants: {
      bothOrNeither: t("Indica sia l'ora di inizio sia quella di fine, oppure nessuna (giornata intera).", 'Give both start and end, or neither (whole day).'),
      endBeforeStart: t("L'orario di fine deve seguire quello di inizio.", 'End must follow start.'),
      openingNeedsHours: t("Un'apertura straordinaria richiede l'orario.", 'An extra opening needs hours.'),
    },
  },
  UNKNOWN_SERVICE: { status: 400, it: 'Uno o più servizi non appartengono a questo ufficio.', en: 'One or more services do not belong to this office.' },
  UNKNOWN_DESK: { status: 400, it: 'Lo sportello non appartiene a questo ufficio.', en: 'The desk does not belong to this office.' },
  UNKNOWN_OFFICE: { status: 400, it: 'Uno degli uffici indicati non esiste in questo comune.', en: 'One of the offices does not exist in this comune.' },
  UNKNOWN_QUEUE: { status: 400, it: 'Una o più code non appartengono a questo ufficio.', en: 'One or more queues do not belong to this office.' },
  DESK_WITHOUT_VIDEO: {
    status: 400,
    it: 'Una coda di videochiamate può essere servita solo da uno sportello abilitato alle videochiamate.',
    en: 'A video queue needs a desk that takes video.',
  },
  DUPLICATE_CODE: { status: 400, it: 'Due categorie hanno lo stesso codice.', en: 'Two classes share a code.' },
  PREFIX_TAKEN: { status: 409, it: "Un'altra coda di questo ufficio usa già questa lettera.", en: 'Another queue of this office uses this prefix.' },
  SERVICE_IN_OTHER_QUEUE: { status: 409, it: 'Uno dei servizi è già in un’altra coda: ogni servizio sta in una sola coda.', en: 'A service is already in another queue.' },

  // Officers
  INVALID_CREDENTIALS: { status: 401, it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
  TOTP_REQUIRED: { status: 401, it: "Inserisci il codice di verifica generato dall'app di autenticazione.", en: 'Enter the verification code from your authenticator app.' },
  TOTP_INVALID: {
    status: 401,
    it: 'Codice di verifica non valido o già usato: attendi il codice successivo.',
    en: 'Wrong or already used verification code: wait for the next one.',
    variants: {
      // Setting the app up is not a login: a wrong code there is a 400, never a 401 that would end the session.
      setup: t(
        "Codice non valido: controlla l'ora del telefono e inserisci il codice attuale a 6 cifre.",
        'Wrong code: check the phone clock and enter the current 6-digit code.',
        400,
      ),
    },
  },
  TOTP_UNAVAILABLE: {
    status: 401,
    it: "Non è possibile verificare il codice: chiedi a un amministratore di reimpostare l'accesso.",
    en: 'The code cannot be checked: ask an administrator to reset your access.',
    // From the profile (turning it off): the session stays, so not a 401.
    variants: {
      profile: t(
        "Il codice non può essere verificato: chiedi a un amministratore di reimpostare l'accesso.",
        'The code cannot be checked: ask an administrator to reset your access.',
        409,
      ),
    },
  },
  TOTP_ALREADY_ENABLED: { status: 409, it: 'La verifica in due passaggi è già attiva.', en: 'Two-step verification is already on.' },
  TOTP_NOT_ENABLED: { status: 409, it: 'La verifica in due passaggi non è attiva.', en: 'Two-step verification is not on.' },
  TOTP_NO_SETUP: { status: 409, it: 'Avvia di nuovo la configurazione: il codice QR non è più valido.', en: 'Start the setup again.' },
  LOGIN_THROTTLED: {
    status: 429,
    it: 'Troppi tentativi non riusciti da questa rete: riprova tra {wait}. Con la verifica in due passaggi puoi accedere subito inserendo password e codice.',
    en: 'Too many failed attempts from this network: try again in {wait}. With two-step verification you can sign in now with your password and code.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    it: 'Prima di continuare scegli una nuova password al posto di quella temporanea.',
    en: 'Replace your temporary password before going on.',
  },
  WEAK_PASSWORD: { status: 400, it: '{problems}', en: 'The password does not meet the policy.' },
  WRONG_PASSWORD: { status: 400, it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  PASSWORD_REUSED: { status: 400, it: 'La nuova password deve essere diversa da quella attuale.', en: 'The new password must differ from the current one.' },
  USERNAME_TAKEN: { status: 409, it: 'Questo nome utente è già usato da un altro operatore del comune.', en: 'This username is already taken in this comune.' },
  LAST_ADMIN: {
    status: 409,
    it: 'Il comune deve avere almeno un amministratore attivo: nomina prima un altro amministratore.',
    en: 'The comune must keep an active administrator: appoint another one first.',
  },
  SELF_RESET: { status: 409, it: 'Per la tua password usa «Il mio profilo».', en: 'Use your profile page to change your own password.' },

  // Citizens' login
  LOGIN_NOT_CONFIGURED: { status: 503, it: "L'accesso con SPID e CIE non è ancora configurato per questo comune.", en: 'SPID/CIE login is not configured for this municipality.' },
  IDP_UNAVAILABLE: { status: 503, it: 'Il servizio di accesso non risponde: riprova tra qualche minuto.', en: 'The login service does not answer: try again in a few minutes.' },
  INSECURE_ISSUER: {
    status: 400,
    it: "{provider}: il gestore di identità deve essere un indirizzo https (http solo per un gestore di prova su questo computer, fuori dall'ambiente di produzione).",
    en: '{provider}: the identity provider must be an https address (http only for a test provider on this machine, outside production).',
    variants: {
      testProvider: t(
        '{provider}: in produzione il gestore di identità deve essere il gateway del Comune, non quello di prova.',
        "{provider}: production needs the comune's gateway, not the test provider.",
      ),
    },
  },
  IDP_DISCOVERY_FAILED: {
    status: 400,
    it: '{provider}: il gestore di identità {issuer} non risponde (indirizzo {url} non raggiungibile): controlla l’indirizzo.',
    en: '{provider}: the identity provider {issuer} does not answer ({url} cannot be reached): check the address.',
    variants: {
      status: t(
        '{provider}: il gestore di identità {issuer} risponde con un errore HTTP {status} a {url}: controlla l’indirizzo.',
        '{provider}: the identity provider {issuer} answers HTTP {status} at {url}: check the address.',
      ),
      notJson: t(
        '{provider}: {url} non è un documento di configurazione OpenID Connect (non è JSON): controlla l’indirizzo del gestore {issuer}.',
        '{provider}: {url} is not an OpenID Connect configuration document (not JSON): check the address of {issuer}.',
      ),
      issuerMismatch: t(
        '{provider}: il documento di configurazione dichiara come gestore {found} invece di {issuer}: indica esattamente l’issuer del gateway.',
        '{provider}: the configuration document names {found} as its issuer, which does not match {issuer}: give the exact issuer.',
      ),
      noAuthorization: t(
        '{provider}: il gestore {issuer} non indica il suo endpoint di autorizzazione (authorization_endpoint).',
        '{provider}: {issuer} gives no authorization endpoint (authorization_endpoint).',
      ),
      noToken: t('{provider}: il gestore {issuer} non indica il suo endpoint dei token (token_endpoint).', '{provider}: {issuer} gives no token endpoint (token_endpoint).'),
      noPkce: t(
        '{provider}: il gestore {issuer} non dichiara il supporto di PKCE con S256 (code_challenge_methods_supported), richiesto per SPID e CIE.',
        '{provider}: {issuer} does not state PKCE support with S256 (code_challenge_methods_supported), which SPID and CIE require.',
      ),
    },
  },

  // Video rooms and documents
  ROOM_NOT_FOUND: { status: 404, it: 'Stanza video non trovata o link non valido.', en: 'Video room not found or invalid link.' },
  ROOM_NOT_OPEN: {
    status: 403,
    it: 'La stanza video è chiusa.',
    en: 'The video room is closed.',
    variants: {
      not_yet: t('La stanza video non è ancora aperta.', 'The video room is not open yet.'),
      cancelled: t("L'appuntamento è stato annullato: la stanza video è chiusa.", 'The video room is closed.'),
    },
  },
  OFFICER_ONLY: { status: 403, it: "Solo l'operatore può concludere l'appuntamento.", en: 'Only the officer can end the appointment.' },
  NOT_A_VIDEO_APPOINTMENT: { status: 409, it: "L'appuntamento non è in videochiamata.", en: 'The appointment is not a video appointment.' },
  FILE_TOO_LARGE: { status: 413, it: 'Il file è troppo grande: il limite è {mb} MB.', en: 'The file is too large: the limit is {mb} MB.' },
  QUOTA_EXCEEDED: {
    status: 413,
    it: 'Spazio per i documenti esaurito: questa videochiamata può contenere al massimo {mb} MB di documenti.',
    en: 'No space left for documents: this call can hold at most {mb} MB of documents.',
    variants: {
      booking: t(
        'Spazio per i documenti esaurito: questo appuntamento può contenere al massimo {mb} MB di documenti.',
        'No space left for documents: this appointment can hold at most {mb} MB of documents.',
      ),
      files: t('Troppi documenti: questa videochiamata può contenere al massimo {files} documenti.', 'Too many documents: this call can hold at most {files} documents.', 409),
      application: t(
        'Spazio per gli allegati esaurito: una domanda può contenere al massimo {files} file e {mb} MB.',
        'No space left for attachments: an application can hold at most {files} files and {mb} MB.',
      ),
    },
  },
  FILE_TYPE_NOT_ALLOWED: { status: 415, it: 'Tipo di file non accettato. Puoi caricare: {accepted}.', en: 'File type not accepted. Allowed: {accepted}.' },
  FILE_NOT_FOUND: { status: 404, it: 'Documento non trovato.', en: 'Document not found.' },

  // The virtual queue
  OFFICE_NOT_FOUND: { status: 404, it: 'Ufficio non trovato.', en: 'Office not found.' },
  TICKET_NOT_FOUND: { status: 404, it: 'Numero non trovato o link non valido.', en: 'Ticket not found or invalid link.' },
  DESK_NOT_FOUND: { status: 404, it: 'Sportello non trovato.', en: 'Desk not found.' },
  QUEUE_NOT_FOUND: { status: 404, it: 'Coda non trovata.', en: 'Queue not found.' },
  SERVICE_NOT_QUEUED: { status: 404, it: 'Per questo servizio non si prende il numero in questo ufficio.', en: 'This service has no queue at this office.' },
  UNKNOWN_PRIORITY: { status: 400, it: 'Categoria di precedenza non prevista.', en: 'Unknown priority class.' },
  QUEUE_CLOSED: { status: 409, it: '{reason}', en: 'Tickets cannot be taken now: the office is closed.' },
  NOT_AT_DESK: { status: 409, it: 'Non sei collegato a questo sportello: accedi allo sportello per chiamare i numeri.', en: 'You are not signed in at this desk.' },
  DESK_TAKEN: { status: 409, it: 'Lo sportello è già occupato da {by}.', en: 'Another officer is at this desk.' },
  DESK_BUSY: { status: 409, it: 'Prima di lasciare lo sportello concludi o trasferisci il numero in corso.', en: 'Finish or transfer the current ticket before leaving the desk.' },
  NO_CURRENT_TICKET: { status: 409, it: 'Nessun numero chiamato a questo sportello.', en: 'No ticket is called at this desk.' },
  BAD_TRANSFER: { status: 400, it: 'Indica una coda o uno sportello di questo ufficio a cui trasferire il numero.', en: 'Give a queue or a desk of this office to transfer to.' },
  CHECK_IN_NOT_OPEN: {
    status: 409,
    it: "La registrazione dell'arrivo è possibile solo il giorno dell'appuntamento, in ufficio.",
    en: 'Check-in is possible only on the day of the appointment.',
  },
  CHECK_IN_NOT_POSSIBLE: { status: 409, it: "L'appuntamento è {status}: non si può registrare l'arrivo.", en: 'The appointment is {status}: it cannot be checked in.' },
  ALREADY_CHECKED_IN: {
    status: 409,
    it: 'Arrivo già registrato: il tuo numero è {number}. Segui il tabellone o la pagina del numero ricevuta via email.',
    en: 'Already checked in: your number is {number}.',
  },

  // The service catalogue
  FORM_DEFINITION_INVALID: { status: 400, it: 'Il modulo non si può salvare: {problems}', en: 'The form cannot be saved: {problems}' },
  SLUG_TAKEN: { status: 409, it: 'L’indirizzo "{slug}" è già usato da un’altra scheda.', en: 'The address "{slug}" is already used by another card.' },

  // Online applications
  SERVICE_NOT_ONLINE: {
    status: 409,
    it: 'Questo servizio non si può richiedere online: leggi la scheda per sapere come accedervi.',
    en: 'This service cannot be applied for online.',
  },
  SERVICE_NOT_ACTIVE: { status: 409, it: 'Il servizio al momento non è attivo.', en: 'The service is not active at the moment.' },
  LOGIN_LEVEL_TOO_LOW: {
    status: 403,
    it: 'Per questo servizio serve un accesso con SPID di livello {level} o con CIE: esci e accedi di nuovo.',
    en: 'This service needs a SPID level {level} or CIE login.',
  },
  APPLICATION_SUBMITTED: {
    status: 409,
    it: 'La domanda è già stata presentata e non si può più modificare.',
    en: 'The application has been submitted and can no longer be changed.',
  },
  ATTACHMENT_NOT_ACCEPTED: { status: 400, it: 'Questo campo non accetta il file: {reason}', en: 'This field does not accept the file: {reason}' },

  // The protocol register
  REQUEST_ALREADY_ANSWERED: { status: 409, it: 'La richiesta n. {number} ha già una risposta.', en: 'Request no. {number} has already been answered.' },
  CASE_STATE_CONFLICT: {
    status: 409,
    it: 'Operazione non possibile: la pratica è {state}.',
    en: 'Not possible: the case is {state}.',
  },
  CASE_ALREADY_TAKEN: {
    status: 409,
    it: 'La pratica è già in carico a {name}.',
    en: 'The case is already assigned to {name}.',
  },
  MAP_TILES_UNAVAILABLE: {
    status: 502,
    it: 'La mappa non è disponibile in questo momento: indica l’indirizzo.',
    en: 'The map is not available right now: give the address.',
  },
  REPORT_PHOTOS_CLOSED: {
    status: 403,
    it: "Non è più possibile aggiungere foto a questa segnalazione: si possono allegare entro un'ora dall'invio.",
    en: 'Photos can no longer be added to this report: they are accepted within an hour of sending it.',
  },
  REPORT_PHOTOS_FULL: { status: 409, it: 'La segnalazione ha già {max} foto: è il massimo.', en: 'The report already has {max} photos, the maximum.' },
  REPORT_ALREADY_HANDLED: { status: 409, it: 'La segnalazione n. {number} è già {status}.', en: 'Report no. {number} is already {status}.' },
  PROTOCOL_ALREADY_ANNULLED: { status: 409, it: 'La registrazione {label} è già annullata.', en: 'Protocol entry {label} is already annulled.' },
  // pagoPA payments (contracts/errors-payments.ts)
  ...PAYMENT_ERRORS,
  TOO_MANY_FILES: { status: 400, it: 'Puoi allegare al massimo {max} file.', en: 'At most {max} files can be attached.' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorVariant<C extends ErrorCode> = (typeof ERRORS)[C] extends { variants: infer V } ? keyof V & string : never;
/** A value for a message's placeholder: the same in both languages, or one per language. */
export type ErrorParam = string | number | Words;

/** The Italian and English messages of an error, its placeholders filled. */
export function errorMessages<C extends ErrorCode>(code: C, params: Record<string, ErrorParam> = {}, variant?: ErrorVariant<C>): ErrorText {
  const spec: ErrorSpec = ERRORS[code];
  const text = variant ? (spec.variants?.[variant] ?? spec) : spec;
  const fill = (template: string, lang: 'it' | 'en') =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = params[key];
      if (v === undefined) return whole;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { it: fill(text.it, 'it'), en: fill(text.en, 'en') };
}

export function errorStatus<C extends ErrorCode>(code: C, variant?: ErrorVariant<C>): number {
  const spec: ErrorSpec = ERRORS[code];
  return (variant ? spec.variants?.[variant]?.status : undefined) ?? spec.status;
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
