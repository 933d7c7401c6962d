// The SQL of online applications: the citizen's applications (always filtered by comune and
// citizen: one citizen never reads another's), their attachments, and the purge of forgotten drafts.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

const APPLICATION_COLUMNS = [
  'a.id',
  'a.status',
  'a.card_id',
  'a.form_id',
  'a.citizen_id',
  'a.data',
  'a.created_at',
  'a.updated_at',
  'a.expires_at',
  'a.submitted_at',
  'a.protocol_entry_id',
  'a.summary_key',
  'a.summary_sha256',
  'a.summary_size',
  'c.slug as card_slug',
  'c.title as card_title',
  'c.office_id',
  'c.max_days as card_max_days',
  'a.state',
  'c.active as card_active',
  'c.published as card_published',
  'a.protocol_year',
  'a.protocol_number',
  'a.protocol_registered_at',
] as const;

function applications(db: Db, tenantId: string, citizenId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('service_cards as c', 'c.id', 'a.card_id')
    .select(APPLICATION_COLUMNS)
    .where('a.tenant_id', '=', tenantId)
    .where('a.citizen_id', '=', citizenId);
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function findApplication(db: Db, tenantId: string, citizenId: string, id: string) {
  return applications(db, tenantId, citizenId).where('a.id', '=', id).executeTakeFirst();
}

export async function listApplications(db: Db, tenantId: string, citizenId: string) {
  return applications(db, tenantId, citizenId).orderBy('a.updated_at', 'desc').limit(200).execute();
}

/** The citizen's application, locked for a change; only a draft (else undefined status is returned to say why). */
export async function lockApplication(trx: Transaction<DB>, tenantId: string, citizenId: string, id: string) {
  return trx
    .selectFrom('applications')
    .select(['id', 'status', 'form_id', 'card_id'])
    .where('tenant_id', '=', tenantId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listAttachments(db: Db, applicationId: string) {
  return db.selectFrom('application_attachments').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
}

export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export async function attachmentUsage(db: Db, applicationId: string): Promise<{ files: number; bytes: number }> {
  const r = await db
    .selectFrom('application_attachments')
    .select([(eb) => eb.fn.countAll<number>().as('files'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.val(0)).as('bytes')])
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return { files: Number(r.files), bytes: Number(r.bytes) };
}

/** Drafts nobody touched until their expiry, at most `limit`; returns their attachments' storage keys. */
export async function deleteExpiredDrafts(db: Kysely<DB>, now: Date, limit: number): Promise<{ deleted: number; keys: string[] }> {
  return db.transaction().execute(async (trx) => {
    const ids = await trx
      .selectFrom('applications as a')
      .select('a.id')
      .where('a.status', '=', 'draft')
      .where('a.expires_at', '<', now)
      // A draft with a fee on its way (a notice the citizen may still pay) is not a forgotten one.
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('payment_positions as p').select('p.id').whereRef('p.application_id', '=', 'a.id').where('p.status', '<>', 'cancelled'))),
      )
      .limit(limit)
      .forUpdate('a')
      .skipLocked()
      .execute();
    if (!ids.length) return { deleted: 0, keys: [] };
    const keys = await trx
      .selectFrom('application_attachments')
      .select('storage_key')
      .where(
        'application_id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    await trx
      .deleteFrom('applications')
      .where(
        'id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    return { deleted: ids.length, keys: keys.map((k) => k.storage_key) };
  });
}
