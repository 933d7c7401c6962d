// Files the citizen sends during a case (the integration's documents, observations' evidence, a
// message's attachment): uploaded one at a time while the case is open (typed by content, size and
// quota checked under the case's lock), then attached to the history entry they are sent with, and
// from then on unchangeable. The office downloads them from the case; the citizen from their page.
import { randomUUID } from 'node:crypto';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FileKind } from '../../../contracts/forms/definition.ts';
import { ACCEPTED_LABELS, detectFileType, FILE_TYPES } from '../../platform/files/content-type.ts';
import { fileTypeNotAllowed } from '../../platform/files/errors.ts';
import { safeFileName } from '../../platform/files/safe-name.ts';
import { storeUpload } from '../../platform/files/store-upload.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import type { Kysely, Transaction } from 'kysely';
import { lockCase } from './case-repository.ts';
import { acceptsMessages, isDecided } from './domain/lifecycle.ts';
import { applicationNotFound } from './drafts.ts';

/** Per case, what the citizen's files during handling may add up to (the filed ones aside). */
export const CASE_FILES_QUOTA = { files: 20, bytes: 50 * 1024 * 1024 };
export const MAX_FILES_PER_ENTRY = 10;

type Db = Kysely<DB> | Transaction<DB>;

export async function addCaseFile(ctx: AppContext, c: CitizenPrincipal, tenantId: string, applicationId: string, upload: { filename: string; file: NodeJS.ReadableStream }) {
  const id = randomUUID();
  const key = `${tenantId}/applications/${id}`;
  const max = Math.min(ctx.config.uploadMaxBytes, CASE_FILES_QUOTA.bytes);
  const stored = await storeUpload(ctx.storage, key, upload.file, max);
  try {
    const type = detectFileType(stored.head);
    if (!type) throw fileTypeNotAllowed(ACCEPTED_LABELS);
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      const row = await lockCase(trx, tenantId, { citizenId: c.citizen.id }, applicationId);
      if (!row) throw applicationNotFound();
      if (!acceptsMessages(row.state) || isDecided(row.state)) throw appError('CASE_STATE_CONFLICT', { params: { state: row.state } });
      const usage = await trx
        .selectFrom('application_case_files')
        .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.coalesce(eb.fn.sum<string>('size'), eb.val('0')).as('bytes')])
        .where('application_id', '=', applicationId)
        .executeTakeFirstOrThrow();
      if (Number(usage.n) + 1 > CASE_FILES_QUOTA.files || Number(usage.bytes) + stored.size > CASE_FILES_QUOTA.bytes) {
        throw appError('QUOTA_EXCEEDED', { variant: 'application', params: { mb: CASE_FILES_QUOTA.bytes / 1024 / 1024, files: CASE_FILES_QUOTA.files } });
      }
      return trx
        .insertInto('application_case_files')
        .values({
          id,
          tenant_id: tenantId,
          application_id: applicationId,
          uploaded_by: c.citizen.id,
          name: safeFileName(upload.filename, type),
          media_type: type.mediaType,
          size: stored.size,
          sha256: stored.sha256,
          storage_key: key,
          created_at: ctx.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  } catch (err) {
    await ctx.storage.remove(key).catch(() => undefined);
    throw err;
  }
}

/** Attaches the citizen's uploaded, not yet sent files to a history entry; all of them or none. */
export async function attachCaseFiles(trx: Transaction<DB>, applicationId: string, uploader: string, eventId: string, fileIds: string[]): Promise<void> {
  if (!fileIds.length) return;
  const unique = [...new Set(fileIds)];
  const attached = await trx
    .updateTable('application_case_files')
    .set({ event_id: eventId })
    .where('application_id', '=', applicationId)
    .where('uploaded_by', '=', uploader)
    .where('event_id', 'is', null)
    .where('id', 'in', unique)
    .returning('id')
    .execute();
  if (attached.length !== unique.length) throw invalidField('fileIds', 'file non trovato o già inviato: caricalo di nuovo');
}

export async function caseFiles(db: Db, applicationId: string) {
  return db.selectFrom('application_case_files').selectAll().where('application_id', '=', applicationId).where('event_id', 'is not', null).orderBy('created_at').execute();
}
export type CaseFileRow = Awaited<ReturnType<typeof caseFiles>>[number];

/** Each file named by a form's file field is of a kind that field accepts. */
export async function assertFileKinds(trx: Transaction<DB>, applicationId: string, named: Array<{ id: string; accept: readonly FileKind[] }>): Promise<void> {
  const rows = await trx
    .selectFrom('application_case_files')
    .select(['id', 'media_type'])
    .where('application_id', '=', applicationId)
    .where(
      'id',
      'in',
      named.map((n) => n.id),
    )
    .execute();
  const type = new Map(rows.map((r) => [r.id, r.media_type]));
  for (const n of named) {
    const kinds = n.accept.map((k) => FILE_TYPES[k].mediaType);
    if (!kinds.includes(type.get(n.id) ?? '')) throw fileTypeNotAllowed(n.accept.map((k) => FILE_TYPES[k].label).join(', '));
  }
}
