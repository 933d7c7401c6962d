// Admins change the site shell: the profile and the FAQ. Each change is one transaction with its
// audit entry; a save that changes nothing records nothing.
import type { FaqInput, SiteProfile } from '../../../contracts/site.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { createHash } from 'node:crypto';
import { COAT_OF_ARMS_MAX_BYTES } from '../../../contracts/site.ts';
import { detectFileType } from '../../platform/files/content-type.ts';
import { fileTooLarge, fileTypeNotAllowed } from '../../platform/files/errors.ts';
import { type ImageType, stripImageMetadata } from '../../platform/files/image-metadata.ts';
import { faqColumns, saveCoatOfArms, saveSiteProfile } from './repository.ts';

const actorOf = (o: OperatorPrincipal) => ({ type: 'operator' as const, id: o.id });
const faqNotFound = () => appError('NOT_FOUND', { variant: 'faq' });

/**
 * Blank texts are absent fields: the footer leaves out what the comune has not given. The others are
 * kept as written: trimming could make a valid value invalid (a phone number one character short).
 */
function tidy(profile: SiteProfile): SiteProfile {
  const contacts = Object.fromEntries(Object.entries(profile.contacts).filter(([, v]) => typeof v === 'string' && v.trim()));
  return { ...profile, contacts };
}

export async function updateSiteProfile(ctx: AppContext, officer: OperatorPrincipal, input: SiteProfile): Promise<void> {
  const profile = tidy(input);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    if (!(await saveSiteProfile(trx, officer.tenantId, profile, ctx.clock.now()))) return;
    await ctx.bus.record(trx, { tenantId: officer.tenantId, actor: actorOf(officer), action: 'site.updated', entityId: officer.tenantId, details: profile });
  });
}

export async function createFaq(ctx: AppContext, officer: OperatorPrincipal, input: FaqInput): Promise<string> {
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('faq_entries')
      .values({ ...faqColumns(input), tenant_id: officer.tenantId, updated_at: ctx.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: actorOf(officer),
      action: 'faq.created',
      entityId: row.id,
      details: { topic: input.topic, question: input.question },
    });
    return row.id;
  });
}

export async function updateFaq(ctx: AppContext, officer: OperatorPrincipal, id: string, input: FaqInput): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const columns = faqColumns(input);
    const row = await trx
      .updateTable('faq_entries')
      .set({ ...columns, updated_at: ctx.clock.now() })
      .where('tenant_id', '=', officer.tenantId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw faqNotFound();
    await ctx.bus.record(trx, { tenantId: officer.tenantId, actor: actorOf(officer), action: 'faq.updated', entityId: id, details: columns });
  });
}

export async function deleteFaq(ctx: AppContext, officer: OperatorPrincipal, id: string): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx.deleteFrom('faq_entries').where('tenant_id', '=', officer.tenantId).where('id', '=', id).returning(['id', 'question']).executeTakeFirst();
    if (!row) throw faqNotFound();
    await ctx.bus.record(trx, { tenantId: officer.tenantId, actor: actorOf(officer), action: 'faq.deleted', entityId: id, details: { question: row.question } });
  });
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/** Sets the coat of arms from the uploaded bytes (typed by content), or removes it with null. */
export async function changeCoatOfArms(ctx: AppContext, officer: OperatorPrincipal, imageBase64: string | null): Promise<void> {
  let image: { bytes: Buffer; type: string; hash: string } | null = null;
  if (imageBase64 !== null) {
    const bytes = Buffer.from(imageBase64, 'base64');
    if (bytes.length > COAT_OF_ARMS_MAX_BYTES) throw fileTooLarge(COAT_OF_ARMS_MAX_BYTES);
    const detected = detectFileType(bytes);
    if (!detected || !IMAGE_TYPES.has(detected.mediaType)) throw fileTypeNotAllowed('immagini PNG, JPEG o WebP');
    // Served to every visitor: without the metadata of the camera or phone it came from.
    const clean = stripImageMetadata(bytes, detected.mediaType as ImageType);
    if (!clean) throw fileTypeNotAllowed('immagini PNG, JPEG o WebP');
    image = { bytes: clean, type: detected.mediaType, hash: createHash('sha256').update(clean).digest('hex').slice(0, 16) };
  }
  await ctx.bus.transaction(ctx.db, async (trx) => {
    if (!(await saveCoatOfArms(trx, officer.tenantId, image, ctx.clock.now()))) return;
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: actorOf(officer),
      action: 'site.coat-of-arms-changed',
      entityId: officer.tenantId,
      details: image ? { type: image.type, bytes: image.bytes.length, hash: image.hash } : { removed: true },
    });
  });
}
