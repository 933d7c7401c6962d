// The emails of a booking's life: confirmation (or request received), reschedule, cancellation and
// the reminder the day before. Each is recorded with the change (platform/bus.ts), with a dedupe key
// tied to the booking's ICS sequence, so a change sends its notice once and a non-change sends none.
import type { Config } from '../../config.ts';
import type { MailAttachment } from '../../platform/db/schema.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import { buildIcs } from './ics.ts';
import { arrivalUrl, citizenVideoUrl, manageUrl } from './links.ts';
import type { BookingView } from './repository.ts';

export type BookingEmailKind = 'confirmation' | 'request' | 'reschedule' | 'cancellation' | 'reminder';

// Building an Intl formatter costs far more than using one (it was 4 % of a booking's CPU): one pair per time zone.
const whenFormats = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

export function formatWhen(d: Date, tz: string): string {
  let f = whenFormats.get(tz);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat('it-IT', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      time: new Intl.DateTimeFormat('it-IT', { timeZone: tz, hour: '2-digit', minute: '2-digit' }),
    };
    whenFormats.set(tz, f);
  }
  return `${f.date.format(d)}, ore ${f.time.format(d)}`;
}

function summaryLines(b: BookingView, config: Config, token: string | undefined): string[] {
  const lines = [
    `Codice prenotazione: ${b.reference}`,
    `Servizio: ${b.service_name}`,
    `Ufficio: ${b.office_name}`,
    `Quando: ${formatWhen(b.start_at, b.time_zone)} (durata ${b.duration_min} minuti)`,
  ];
  if (b.service_mode === 'video') {
    lines.push('Modalità: videochiamata');
    if (token) lines.push(`Link della videochiamata (si apre ${b.video_opens_before_min} minuti prima dell'orario): ${citizenVideoUrl(config, b.tenant_slug, token)}`);
  } else {
    lines.push('Modalità: in presenza', `Indirizzo: ${b.office_address}`);
    if (token) lines.push(`Al tuo arrivo in ufficio mostra al totem il codice QR allegato, oppure registra l'arrivo da qui: ${arrivalUrl(config, b.tenant_slug, token)}`);
  }
  lines.push(`Richiedente: ${b.applicant_name} ${b.applicant_surname}`);
  if (b.reason) lines.push(`Motivo: ${b.reason}`);
  return lines;
}

export function icsFor(b: BookingView, config: Config, method: 'REQUEST' | 'CANCEL', now: Date, token: string | undefined): string {
  const location = b.service_mode === 'video' ? `Videochiamata - ${b.office_name}` : `${b.office_name}, ${b.office_address}`;
  const description = [
    `${b.tenant_name} - ${b.service_name}`,
    `Codice prenotazione: ${b.reference}`,
    ...(token ? [`Gestisci: ${manageUrl(config, b.tenant_slug, token)}`] : []),
  ].join('\n');
  return buildIcs({
    uid: `${b.id}@sportello`,
    sequence: b.ics_sequence,
    method,
    start: b.start_at,
    end: b.end_at,
    stamp: now,
    summary: `${b.service_name} - ${b.tenant_name}`,
    description,
    location,
    url: token ? manageUrl(config, b.tenant_slug, token) : undefined,
    organizer: { name: b.office_name, email: b.office_email ?? 'noreply@sportello.localhost' },
    attendee: { name: `${b.applicant_name} ${b.applicant_surname}`, email: b.applicant_email! },
  });
}

/**
 * The notice of a change of the booking: the email (with the .ics and, for an in-person appointment,
 * the kiosk's QR code) and, for a citizen who booked logged in, the same text in the personal area
 * without the manage link's secret. null when there is nobody to write to.
 */
export async function bookingNotice(
  config: Config,
  kind: BookingEmailKind,
  b: BookingView,
  opts: { now: Date; token?: string; previousStart?: Date; cancelledByOffice?: boolean },
): Promise<CitizenNotice | null> {
  if (!b.applicant_email) return null;
  const token = opts.token;
  const tz = b.time_zone;
  const greeting = `Gentile ${b.applicant_name} ${b.applicant_surname},`;
  const manage = token ? [`Per vedere, spostare o annullare l'appuntamento (fino a ${Math.round(b.cutoff_min / 60)} ore prima): ${manageUrl(config, b.tenant_slug, token)}`] : [];
  const bring = b.what_to_bring ? ['Cosa portare:', b.what_to_bring] : [];
  const signature = ['', b.tenant_name, b.office_name + (b.office_phone ? ` - tel. ${b.office_phone}` : '')];
  let subject: string;
  let body: string[];
  let method: 'REQUEST' | 'CANCEL' | null = 'REQUEST';
  switch (kind) {
    case 'confirmation':
      subject = `Appuntamento confermato: ${b.service_name} - ${formatWhen(b.start_at, tz)}`;
      body = [greeting, '', `il tuo appuntamento con ${b.tenant_name} è confermato.`, '', ...summaryLines(b, config, token), '', ...bring, '', ...manage];
      break;
    case 'request':
      subject = `Richiesta di appuntamento ricevuta: ${b.service_name}`;
      body = [greeting, '', "abbiamo ricevuto la tua richiesta: l'ufficio la esaminerà e riceverai una email di conferma.", '', ...summaryLines(b, config, token), '', ...manage];
      break;
    case 'reschedule':
      subject = `Appuntamento spostato: ${b.service_name} - ${formatWhen(b.start_at, tz)}`;
      body = [
        greeting,
        '',
        `il tuo appuntamento è stato spostato${opts.previousStart ? ` da ${formatWhen(opts.previousStart, tz)}` : ''} al nuovo orario indicato qui sotto.`,
        '',
        ...summaryLines(b, config, token),
        '',
        ...bring,
        '',
        ...manage,
      ];
      break;
    case 'cancellation':
      method = 'CANCEL';
      subject = `Appuntamento annullato: ${b.service_name} - ${formatWhen(b.start_at, tz)}`;
      body = [
        greeting,
        '',
        opts.cancelledByOffice
          ? `l'ufficio ha annullato il tuo appuntamento del ${formatWhen(b.start_at, tz)}.`
          : `come richiesto, il tuo appuntamento del ${formatWhen(b.start_at, tz)} è stato annullato.`,
        ...(b.cancel_reason ? [`Motivo: ${b.cancel_reason}`] : []),
        '',
        `Codice prenotazione: ${b.reference}`,
        '',
        `Puoi prenotare un nuovo appuntamento da ${config.publicUrl}/${b.tenant_slug}`,
      ];
      break;
    case 'reminder':
      subject = `Promemoria: domani ${b.service_name}`;
      body = [greeting, '', 'ti ricordiamo il tuo appuntamento di domani.', '', ...summaryLines(b, config, token), '', ...bring, '', ...manage];
      break;
  }
  const attachments: MailAttachment[] = method
    ? [
        {
          filename: 'appuntamento.ics',
          contentType: `text/calendar; charset=utf-8; method=${method}`,
          content: Buffer.from(icsFor(b, config, method, opts.now, token)).toString('base64'),
        },
      ]
    : [];
  // The check-in code the office's kiosk reads (an in-person appointment's arrival link).
  if (token && method === 'REQUEST' && b.service_mode !== 'video' && kind !== 'request') {
    // Drawn by the mail sender (platform/mail.ts): a PNG costs ~10 ms of CPU, which a booking's
    // request (and its transaction) need not pay.
    attachments.push({ filename: 'arrivo-qr.png', contentType: 'image/png', content: '', qr: arrivalUrl(config, b.tenant_slug, token) });
  }
  return {
    dedupeKey: `booking:${b.id}:${kind}:${b.ics_sequence}`,
    subject,
    lines: body,
    email: { to: b.applicant_email, attachments, footer: signature, brand: { ...b.tenant_branding, name: b.tenant_name, publicUrl: config.publicUrl } },
    ...(b.fiscal_code ? { inbox: { fiscalCode: b.fiscal_code, link: `/${b.tenant_slug}/area-personale/appuntamenti`, at: opts.now } } : {}),
    secrets: token ? [token] : [],
  };
}
