// Contacts the citizen may change (the identity itself is the provider's): a new email is kept
// pending until the link sent to it is opened (proof the citizen reads it), the phone number, and
// whether the comune writes by email. Every change is in the audit log.
import type { ContactsInput } from '../../../contracts/identity.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Branding } from '../../platform/db/schema.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import { hashSecret, newSecret } from '../../platform/security/tokens.ts';
import type { CitizenRow } from '../../platform/citizens/sessions.ts';

const CONFIRM_HOURS = 24;

export async function updateContacts(ctx: AppContext, tenant: { id: string; slug: string; name: string; branding: Branding }, c: CitizenRow, input: ContactsInput): Promise<void> {
  const now = ctx.clock.now();
  const email = input.email === undefined ? undefined : input.email.trim().toLowerCase();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const changes: Record<string, unknown> = {};
    let confirmation: CitizenNotice | null = null;
    if (input.phone !== undefined) changes.phone = input.phone.trim() || null;
    if (input.notifyEmail !== undefined) changes.notify_email = input.notifyEmail;
    if (email !== undefined) {
      if (email === '') Object.assign(changes, { email: null, email_verified_at: null, pending_email: null, pending_email_token_hash: null, pending_email_expires_at: null });
      else if (email === c.email?.toLowerCase()) Object.assign(changes, { pending_email: null, pending_email_token_hash: null, pending_email_expires_at: null });
      else if (email === c.identity_email?.toLowerCase()) {
        // The identity provider already vouches for this address.
        Object.assign(changes, { email, email_verified_at: now, pending_email: null, pending_email_token_hash: null, pending_email_expires_at: null });
      } else {
        const token = newSecret();
        Object.assign(changes, {
          pending_email: email,
          pending_email_token_hash: hashSecret(token),
          pending_email_expires_at: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000),
        });
        confirmation = {
          dedupeKey: `citizen:${c.id}:email:${hashSecret(token).slice(0, 16)}`,
          subject: `${tenant.name}: conferma il tuo indirizzo email`,
          lines: [
            `Gentile ${c.given_name} ${c.family_name},`,
            '',
            `hai indicato questo indirizzo per ricevere le comunicazioni del ${tenant.name}. Per confermarlo apri questo link entro ${CONFIRM_HOURS} ore:`,
            `${ctx.config.publicUrl}/api/v1/${tenant.slug}/me/email/confirm?token=${token}`,
            '',
            'Se non sei stato tu, ignora questo messaggio: l’indirizzo non sarà usato.',
          ],
          email: { to: email, brand: { ...tenant.branding, name: tenant.name, publicUrl: ctx.config.publicUrl } },
        };
      }
    }
    if (Object.keys(changes).length) await trx.updateTable('citizens').set(changes).where('id', '=', c.id).execute();
    await ctx.bus.record(trx, {
      actor: { type: 'citizen', id: c.id },
      tenantId: tenant.id,
      action: 'citizen.contacts-changed',
      entityType: 'citizen',
      entityId: c.id,
      details: {
        ...(email !== undefined ? { email: email || null } : {}),
        ...(input.phone !== undefined ? { phone: true } : {}),
        ...(input.notifyEmail !== undefined ? { notifyEmail: input.notifyEmail } : {}),
      },
      notices: confirmation ? [confirmation] : [],
    });
  });
}

/** Opens the emailed link: the pending address becomes the contact email. */
export async function confirmEmail(ctx: AppContext, tenantId: string, token: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const c = await trx
      .selectFrom('citizens')
      .select(['id', 'pending_email', 'pending_email_expires_at'])
      .where('tenant_id', '=', tenantId)
      .where('pending_email_token_hash', '=', hashSecret(token))
      .forUpdate()
      .executeTakeFirst();
    if (!c?.pending_email || !c.pending_email_expires_at || c.pending_email_expires_at < now) return false;
    await trx
      .updateTable('citizens')
      .set({ email: c.pending_email, email_verified_at: now, pending_email: null, pending_email_token_hash: null, pending_email_expires_at: null })
      .where('id', '=', c.id)
      .execute();
    await ctx.bus.record(trx, { actor: { type: 'citizen', id: c.id }, tenantId, action: 'citizen.email-verified', entityType: 'citizen', entityId: c.id, details: {} });
    return true;
  });
}
