// A citizen starts an application for an online service and saves it as they go. Every save is
// checked against the form version the application was started with (draft rules: types, options,
// limits, no control characters) and kept cleaned; a submitted application is never changed.
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { validateForm } from '../../platform/forms/validator.ts';
import { appError } from '../../platform/http/errors.ts';
import { currentForms, formById, publishedCardBySlug } from '../catalogue/index.ts';
import { withdrawApplicationFee } from '../payments/index.ts';
import { lockApplication } from './repository.ts';

export const applicationNotFound = () => appError('NOT_FOUND', { variant: 'application' });

/** The login's level of assurance as the identity provider asserted it (SPID or CIE). */
export function loginLevel(c: CitizenPrincipal): number {
  return c.level ?? c.spidLevel ?? 1;
}

export function assertLevel(c: CitizenPrincipal, def: FormDefinition): void {
  const needed = def.level ?? 2;
  if (loginLevel(c) < needed) throw appError('LOGIN_LEVEL_TOO_LOW', { params: { level: needed } });
}

function invalid(errors: Array<{ field: string; message: string }>) {
  return appError('VALIDATION', { params: { fields: errors.map((e) => e.field).join(', ') }, extra: { fields: errors } });
}

const expiry = (ctx: AppContext, now: Date) => new Date(now.getTime() + ctx.config.retention.draftDays * 86_400_000);

export async function startApplication(ctx: AppContext, c: CitizenPrincipal, tenantId: string, slug: string, raw: unknown): Promise<string> {
  const card = await publishedCardBySlug(ctx.db, tenantId, slug);
  if (!card) throw appError('NOT_FOUND', { variant: 'serviceCard' });
  const form = (await currentForms(ctx.db, tenantId, [card.id])).get(card.id);
  if (!form) throw appError('SERVICE_NOT_ONLINE');
  if (!card.active) throw appError('SERVICE_NOT_ACTIVE');
  assertLevel(c, form.definition);
  const { data, errors } = validateForm(form.definition, raw ?? {}, 'draft', form.id);
  if (errors.length) throw invalid(errors);
  const now = ctx.clock.now();
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('applications')
      .values({
        tenant_id: tenantId,
        card_id: card.id,
        form_id: form.id,
        citizen_id: c.citizen.id,
        data: JSON.stringify(data),
        created_at: now,
        updated_at: now,
        expires_at: expiry(ctx, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.bus.record(trx, {
      tenantId,
      actor: { type: 'citizen', id: c.citizen.id },
      action: 'application.started',
      entityType: 'application',
      entityId: row.id,
      details: { name: card.title, service: card.slug, formVersion: form.version },
    });
    return row.id;
  });
}

export async function saveDraft(ctx: AppContext, c: CitizenPrincipal, tenantId: string, id: string, raw: unknown): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const app = await lockApplication(trx, tenantId, c.citizen.id, id);
    if (!app) throw applicationNotFound();
    if (app.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
    const form = await formById(trx, tenantId, app.form_id);
    if (!form) throw applicationNotFound();
    const { data, errors } = validateForm(form.definition, raw, 'draft', form.id);
    if (errors.length) throw invalid(errors);
    const now = ctx.clock.now();
    await trx
      .updateTable('applications')
      .set({ data: JSON.stringify(data), updated_at: now, expires_at: expiry(ctx, now) })
      .where('id', '=', id)
      .execute();
  });
}

/** Deletes a draft and its attachments' rows; returns their storage keys (removed by the caller after commit). */
export async function deleteDraft(ctx: AppContext, c: CitizenPrincipal, tenantId: string, id: string): Promise<string[]> {
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const app = await lockApplication(trx, tenantId, c.citizen.id, id);
    if (!app) throw applicationNotFound();
    if (app.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
    const keys = await trx.selectFrom('application_attachments').select('storage_key').where('application_id', '=', id).execute();
    const card = await trx.selectFrom('service_cards').select(['title', 'slug']).where('id', '=', app.card_id).executeTakeFirstOrThrow();
    // An unpaid fee goes with the draft; a paid one keeps it (409).
    await withdrawApplicationFee(ctx, trx, tenantId, id, c.citizen.id);
    await trx.deleteFrom('applications').where('id', '=', id).execute();
    await ctx.bus.record(trx, {
      tenantId,
      actor: { type: 'citizen', id: c.citizen.id },
      action: 'application.draft-deleted',
      entityType: 'application',
      entityId: id,
      details: { name: card.title, service: card.slug },
    });
    return keys.map((k) => k.storage_key);
  });
}

export { invalid as fieldErrors };
