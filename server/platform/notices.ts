// What a change tells a citizen: an email (text and HTML parts, kept in the outbox and sent by a job, or shown in the
// development mailbox) and/or a message in the personal area's inbox. Both carry a dedupe key tied to
// the change, so a retried or repeated change never tells the same thing twice. The inbox copy never
// holds a working secret link: anything listed in `secrets` is cut from its lines (whoever reads the
// table must not get a link that acts for the citizen); the personal area makes fresh links itself.
import type { MailAttachment } from './db/schema.ts';
import { type MailBrand, renderMailHtml } from './mail-html.ts';

export interface CitizenNotice {
  /** The same key is never sent twice (e.g. booking:ID:confirmation:3). */
  dedupeKey: string;
  subject: string;
  /** The text, as lines. */
  lines: string[];
  /** `brand`: the comune's name and colours for the HTML part (rendered from the text). */
  email?: { to: string; brand: MailBrand; attachments?: MailAttachment[]; footer?: string[] };
  inbox?: { fiscalCode: string; link?: string | null; operatorId?: string | null; at: Date };
  /** Values that must not reach the inbox copy (manage tokens). */
  secrets?: string[];
}

export interface NoticeValues {
  mail?: { to: string; subject: string; text: string; html: string | null; attachments: string; dedupeKey: string };
  inbox?: { fiscalCode: string; subject: string; body: string; link: string | null; dedupeKey: string; sender: 'system' | 'operator'; operatorId: string | null; at: Date };
}

export function noticeValues(_tenantId: string, n: CitizenNotice): NoticeValues {
  const out: NoticeValues = {};
  if (n.email) {
    const text = [...n.lines, ...(n.email.footer ?? [])].join('\n');
    out.mail = {
      to: n.email.to,
      subject: n.subject,
      text,
      // Every email has an HTML part too, with the comune's branding, made from the same text.
      html: renderMailHtml({ brand: n.email.brand, subject: n.subject, text }),
      attachments: JSON.stringify(n.email.attachments ?? []),
      dedupeKey: n.dedupeKey,
    };
  }
  if (n.inbox) {
    const secrets = (n.secrets ?? []).filter(Boolean);
    const body = n.lines.filter((line) => !secrets.some((s) => line.includes(s))).join('\n');
    out.inbox = {
      fiscalCode: n.inbox.fiscalCode,
      subject: n.subject.slice(0, 200),
      body: body.slice(0, 10_000) || n.subject,
      link: n.inbox.link ?? null,
      dedupeKey: n.dedupeKey,
      sender: n.inbox.operatorId ? 'operator' : 'system',
      operatorId: n.inbox.operatorId ?? null,
      at: n.inbox.at,
    };
  }
  return out;
}
