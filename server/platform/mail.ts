// Email delivery: messages are written to mail_outbox with their send job by the event bus, in the
// transaction of the change (platform/bus.ts, platform/notices.ts). Production sends through SMTP;
// otherwise the stored outbox is the development mailbox. A row is marked sent under a row lock, so
// a retried job never sends a sent message again.
//
// Once an SMTP server has taken a message, the stored copy keeps no working secret (mail-scrub.ts):
// whoever reads the table later (a backup, an administrator) cannot act for the citizen. Without SMTP
// (demo and test modes) the development mailbox is the delivery, where citizens click the links:
// those copies keep them until the retention task deletes them (RETENTION_MAIL_DAYS).
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from './context.ts';
import type { JobHandler } from './jobs.ts';
import { scrubMail } from './mail-scrub.ts';
import { qrPng } from './qr.ts';

export function createTransport(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

export function mailSendHandler(transport: Transporter | null, from: string): JobHandler {
  return async (payload, ctx: AppContext) => {
    const mailId = String(payload.mailId);
    await ctx.db.transaction().execute(async (trx) => {
      const mail = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', mailId).forUpdate().executeTakeFirst();
      if (!mail || mail.state === 'sent') return;
      // QR codes are drawn now, not in the transaction that wrote the mail (see MailAttachment.qr).
      const attachments = await Promise.all(mail.attachments.map(async ({ qr, ...a }) => (qr ? { ...a, content: (await qrPng(qr)).toString('base64') } : a)));
      const drawn = attachments.some((_, i) => mail.attachments[i]!.qr);
      if (transport) {
        await transport.sendMail({
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body ?? undefined,
          messageId: `<${mail.id}@sportello>`,
          attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
        });
      }
      const kept = transport ? scrubMail({ text: mail.text_body, html: mail.html_body, attachments }) : undefined;
      await trx
        .updateTable('mail_outbox')
        .set({
          state: 'sent',
          sent_at: ctx.clock.now(),
          attempts: mail.attempts + 1,
          ...(kept ? { text_body: kept.text, html_body: kept.html, attachments: JSON.stringify(kept.attachments) } : drawn ? { attachments: JSON.stringify(attachments) } : {}),
        })
        .where('id', '=', mail.id)
        .execute();
      ctx.metrics.mails.inc({ outcome: transport ? 'smtp' : 'dev-mailbox' });
    });
  };
}
