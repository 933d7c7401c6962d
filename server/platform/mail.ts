// Email: composed in the transaction of the change and stored in mail_outbox with a job to send it.
// Production sends through SMTP; otherwise the stored outbox is the development mailbox. A row is
// marked sent under a row lock, so a retried job never sends a sent message again. Every message has
// a text part and an HTML part (mail-html.ts renders it from the text with the comune's branding).
import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from './context.ts';
import type { DB, MailAttachment } from './db/schema.ts';
import { enqueueJob, type JobHandler } from './jobs.ts';
import { type MailBrand, renderMailHtml } from './mail-html.ts';

export interface OutgoingMail {
  tenantId: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML part; when absent it is rendered from the text with `branding`. */
  html?: string;
  /** The comune's name and branding for the HTML part; when absent, read from the tenant's row. */
  branding?: MailBrand;
  attachments?: MailAttachment[];
  /** The same key is never queued twice (e.g. booking:ID:confirmation:0). */
  dedupeKey: string;
}

async function tenantBrand(trx: Kysely<DB> | Transaction<DB>, tenantId: string): Promise<MailBrand> {
  const t = await trx.selectFrom('tenants').select(['name', 'branding']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  return { ...t.branding, name: t.name };
}

export async function queueMail(trx: Kysely<DB> | Transaction<DB>, mail: OutgoingMail): Promise<boolean> {
  const html = mail.html ?? renderMailHtml({ brand: mail.branding ?? (await tenantBrand(trx, mail.tenantId)), subject: mail.subject, text: mail.text });
  const row = await trx
    .insertInto('mail_outbox')
    .values({
      tenant_id: mail.tenantId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: html,
      attachments: JSON.stringify(mail.attachments ?? []),
      dedupe_key: mail.dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  await enqueueJob(trx, 'mail.send', { mailId: row.id });
  return true;
}

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
