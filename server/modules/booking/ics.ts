// iCalendar (RFC 5545) invitations for bookings. The UID is stable per booking; SEQUENCE grows on
// every change so calendar clients replace the event; a cancellation is METHOD:CANCEL.
//
// Every value that comes from people (names, service and office names, addresses) goes through one
// of three encoders, because each part of a content line has its own grammar (RFC 5545 §3.1):
// - TEXT property values (SUMMARY, DESCRIPTION, LOCATION): `\` `;` `,` escaped with a backslash,
//   line breaks (CRLF, LF or a bare CR) as `\n`; other control characters dropped (TEXT has no
//   place for them).
// - Parameter values (CN): always a quoted-string, so `:` `;` `,` cannot end the parameter or start
//   the value. A quoted-string cannot hold DQUOTE or control characters: `"` and `^` are written with
//   RFC 6868's caret encoding (`^'`, `^^`); line breaks become one space and other control characters
//   are dropped (a name has no lines; `^n` would show as such in clients without RFC 6868). A
//   backslash becomes `/`: RFC 5545 gives it no meaning in a parameter, but parsers disagree (ical.js
//   and others read TEXT escapes there, so `a\,b` would come out as `a,b`) and a name never needs one.
// - CAL-ADDRESS (mailto:): the address percent-encoded per RFC 6068 outside a conservative set of
//   characters, so a quoted local part ("a;b"@x) stays one URI and an ordinary address is unchanged.
// Lines are folded at 75 octets without splitting a UTF-8 sequence.

/** Control characters (C0, DEL, C1: Unicode's Cc) except TAB, which RFC 5545 allows as whitespace. */
const CONTROL = /[^\P{Cc}\t]/gu;
const LINE_BREAK = /\r\n|\r|\n/g;
/** Lone UTF-16 surrogates cannot be written as UTF-8: they become U+FFFD, as Buffer would make them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/** A TEXT value (RFC 5545 §3.3.11). */
function escapeText(s: string): string {
  return wellFormed(s)
    .replace(LINE_BREAK, '\n')
    .replace(/[^\P{Cc}\t\n]/gu, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A parameter value (RFC 5545 §3.2) as a quoted-string, with RFC 6868 caret encoding. */
function quoteParam(s: string): string {
  const safe = wellFormed(s)
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(/\\/g, '/')
    .replace(/[\^"]/g, (c) => (c === '^' ? '^^' : "^'"));
  return `"${safe}"`;
}

/** Characters left as they are in a mailto: address; everything else is percent-encoded (RFC 6068). */
const MAILTO_PLAIN = /[A-Za-z0-9\-._~!$'()*+]/;

/**
 * `mailto:` + the address. The address must be an addr-spec (the API validates it as such): a
 * non-empty local part and domain around the last `@`, no control characters, no whitespace
 * outside a quoted local part. Anything else is a programming error and throws.
 */
export function mailtoUri(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const quotedLocal = local.startsWith('"') && local.endsWith('"') && local.length >= 2;
  const broken = wellFormed(address) !== address || address.replace(CONTROL, '') !== address;
  if (at <= 0 || !domain || broken || /\s/.test(domain) || (!quotedLocal && /\s/.test(local))) {
    throw new RangeError(`not an email address: ${JSON.stringify(address)}`);
  }
  const encode = (part: string) => Array.from(part, (ch) => (MAILTO_PLAIN.test(ch) ? ch : encodeURIComponent(ch))).join('');
  return `mailto:${encode(local)}@${encode(domain)}`;
}

/** Lines longer than 75 octets are folded with CRLF + space, without splitting a UTF-8 character. */
function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const len = Buffer.byteLength(ch, 'utf8');
    // A continuation line starts with the space that unfolding removes: 74 octets of content.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + len > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += len;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Values we build ourselves (UID, URL): refused if they could break the line they sit on. */
function plain(name: string, value: string): string {
  if (/[\p{Cc}\s]/u.test(value)) throw new RangeError(`${name} must not contain whitespace or control characters`);
  return value;
}

export interface IcsEvent {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  stamp: Date;
  summary: string;
  description: string;
  location: string;
  url?: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

export function buildIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sportello//Prenotazioni//IT',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${plain('UID', e.uid)}`,
    `SEQUENCE:${Math.trunc(e.sequence)}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.end)}`,
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `LOCATION:${escapeText(e.location)}`,
    ...(e.url ? [`URL:${plain('URL', e.url)}`] : []),
    `ORGANIZER;CN=${quoteParam(e.organizer.name)}:${mailtoUri(e.organizer.email)}`,
    `ATTENDEE;CN=${quoteParam(e.attendee.name)};ROLE=REQ-PARTICIPANT:${mailtoUri(e.attendee.email)}`,
    ...(e.method === 'REQUEST' ? ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Promemoria appuntamento', 'TRIGGER:-PT1H', 'END:VALARM'] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
