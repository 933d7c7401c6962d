// What the outbox keeps of an email once it has been delivered: the text for the record, no working
// secret. Every secret an email carries (manage links, arrival and video links, ticket links, the
// email confirmation link, immediate rooms' links) is a newSecret() — 32 random bytes, 43 base64url
// characters — so the scrub replaces every run of exactly that shape, and the tokens of the link
// shapes we build, whoever wrote the notice and whether or not it listed its secrets. Attachments
// that carry one go: a calendar file with the manage link (read unfolded: RFC 5545 folds lines at 75
// octets, which may cut a token), and the binary ones of a message that carried a secret (the
// kiosk's QR code encodes the arrival link; an image cannot be read here).
import type { MailAttachment } from './db/schema.ts';

export const REMOVED = '[rimosso]';

const SECRET = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
// /{tenant}/appuntamento/{token}[/video|/arrivo], /{tenant}/video/{token}, /{tenant}/operatore/video/{token},
// /api/v1/{tenant}/bookings/manage/{token}, …?token=… (tickets, email confirmation), &amp; in HTML.
const LINK_TOKEN = /(\/appuntamento\/|\/video\/|\/bookings\/manage\/|[?&](?:amp;)?token=)[A-Za-z0-9_-]{16,}/g;

export function scrubText(text: string): string {
  return text.replace(LINK_TOKEN, `$1${REMOVED}`).replace(SECRET, REMOVED);
}

export function carriesSecret(text: string): boolean {
  return scrubText(text) !== text;
}

export interface StoredMail {
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

export function scrubMail(mail: StoredMail): StoredMail {
  const hadSecret = carriesSecret(mail.text) || (mail.html !== null && carriesSecret(mail.html));
  const attachments = mail.attachments.filter((a) => {
    if (!/^text\//i.test(a.contentType)) return !hadSecret;
    const unfolded = Buffer.from(a.content, 'base64')
      .toString('utf8')
      .replace(/\r?\n[ \t]/g, '');
    return !carriesSecret(unfolded);
  });
  return { text: scrubText(mail.text), html: mail.html === null ? null : scrubText(mail.html), attachments };
}
