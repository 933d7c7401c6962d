// Email delivery: messages are written to mail_outbox with their send job by the event bus, in the
// transaction of the change (platform/bus.ts, platform/notices.ts). Production sends through SMTP;
// otherwise the stored outbox is the development mailbox. A row is marked sent under a row lock, so
// a retried job never sends a sent message again.
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from './context.ts';
import type { JobHandler } from './jobs.ts';

export function createTransport(smtpUrl: string | undefined): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

export function mailSendHandler(transport: Transporter | null, from: string): JobHandler {
  return async (payload, ctx: AppContext) => {
    const mailId = String(payload.mailId);
    await ctx.db.transaction().execute(async (trx) => {
      const mail = await trx.selectFrom('mail_outbox').selectAll().where('id', '=', mailId).forUpdate().executeTakeFirst();
      if (!mail || mail.state === 'sent') return;
      if (transport) {
        await transport.sendMail({
          from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body ?? undefined,
          messageId: `<${mail.id}@sportello>`,
          attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
        });
      }
      await trx
        .updateTable('mail_outbox')
        .set({ state: 'sent', sent_at: ctx.clock.now(), attempts: mail.attempts + 1 })
        .where('id', '=', mail.id)
        .execute();
      ctx.metrics.mails.inc({ outcome: transport ? 'smtp' : 'dev-mailbox' });
    });
  };
}
