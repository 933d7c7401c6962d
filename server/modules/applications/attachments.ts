// A citizen attaches a file to a draft, for one file field of its form (multipart: `field` first,
// then `file`). The file is streamed to the storage under the field's size limit, typed by content
// (the field's accepted kinds), digested, and told signed or not: a CAdES envelope (.p7m) is signed,
// a PDF is signed when it carries a signature dictionary (/ByteRange). The application's lock holds
// its quota (files and bytes) against concurrent uploads.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { fieldAt } from '../../../contracts/forms/check.ts';
import type { FileKind } from '../../../contracts/forms/definition.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { FILE_TYPES, detectFileType } from '../../platform/files/content-type.ts';
import { fileTypeNotAllowed } from '../../platform/files/errors.ts';
import { safeFileName } from '../../platform/files/safe-name.ts';
import type { FileStorage } from '../../platform/files/storage.ts';
import { storeUpload } from '../../platform/files/store-upload.ts';
import { appError } from '../../platform/http/errors.ts';
import { applicationNotFound } from './drafts.ts';
import { formById } from '../catalogue/index.ts';
import { attachmentUsage, lockApplication, type AttachmentRow } from './repository.ts';

/** Per application: what all its files may add up to. */
export const APPLICATION_QUOTA = { files: 30, bytes: 100 * 1024 * 1024 };
const DEFAULT_FIELD_MB = 10;

const KIND_LABELS: Record<FileKind, string> = { pdf: 'PDF', jpeg: 'JPEG', png: 'PNG', p7m: 'file firmati .p7m', docx: 'Word (.docx)', odt: 'OpenDocument (.odt)' };

async function pdfHasSignature(storage: FileStorage, key: string): Promise<boolean> {
  const needle = Buffer.from('/ByteRange');
  let tail = Buffer.alloc(0);
  for await (const chunk of await storage.get(key)) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    if (window.includes(needle)) return true;
    tail = window.subarray(Math.max(0, window.length - needle.length));
  }
  return false;
}

/** The file field a path names ("step.field", "step.group.field"), from the application's form. */
function fileField(def: Parameters<typeof fieldAt>[0], path: string) {
  const { field } = fieldAt(def, path);
  return field?.type === 'file' ? field : undefined;
}

export async function addAttachment(
  ctx: AppContext,
  c: CitizenPrincipal,
  tenantId: string,
  applicationId: string,
  upload: { field: string; filename: string; file: NodeJS.ReadableStream },
): Promise<AttachmentRow> {
  const app = await ctx.db
    .selectFrom('applications')
    .select(['status', 'form_id'])
    .where('tenant_id', '=', tenantId)
    .where('citizen_id', '=', c.citizen.id)
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!app) throw applicationNotFound();
  if (app.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
  const form = await formById(ctx.db, tenantId, app.form_id);
  const field = form && fileField(form.definition, upload.field);
  if (!field) throw appError('VALIDATION', { params: { fields: 'field' }, extra: { fields: [{ field: 'field', message: 'non è un campo per allegati di questo modulo' }] } });
  const max = Math.min((field.maxMb ?? DEFAULT_FIELD_MB) * 1024 * 1024, ctx.config.uploadMaxBytes);
  const id = randomUUID();
  const key = `${tenantId}/applications/${id}`;
  const stored = await storeUpload(ctx.storage, key, upload.file, max);
  try {
    const type = detectFileType(stored.head);
    const kind = (Object.keys(FILE_TYPES) as Array<keyof typeof FILE_TYPES>).find((k) => FILE_TYPES[k] === type) as FileKind | undefined;
    if (!type || !kind || !field.accept.includes(kind)) throw fileTypeNotAllowed(field.accept.map((k) => KIND_LABELS[k]).join(', '));
    const signed = kind === 'p7m' || (kind === 'pdf' && (await pdfHasSignature(ctx.storage, key)));
    if (field.signed && !signed) throw appError('ATTACHMENT_NOT_ACCEPTED', { params: { reason: 'serve un documento firmato digitalmente (PDF firmato o .p7m).' } });
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      const locked = await lockApplication(trx, tenantId, c.citizen.id, applicationId);
      if (!locked) throw applicationNotFound();
      if (locked.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
      const usage = await attachmentUsage(trx, applicationId);
      if (usage.files + 1 > APPLICATION_QUOTA.files || usage.bytes + stored.size > APPLICATION_QUOTA.bytes) {
        throw appError('QUOTA_EXCEEDED', { variant: 'application', params: { mb: APPLICATION_QUOTA.bytes / 1024 / 1024, files: APPLICATION_QUOTA.files } });
      }
      return trx
        .insertInto('application_attachments')
        .values({
          id,
          tenant_id: tenantId,
          application_id: applicationId,
          field: upload.field,
          name: safeFileName(upload.filename, type),
          media_type: type.mediaType,
          size: stored.size,
          sha256: stored.sha256,
          storage_key: key,
          signed,
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

/** Reads a multipart upload: the `field` part first, then the `file`. */
export async function readAttachmentUpload(req: FastifyRequest): Promise<{ field: string; filename: string; file: NodeJS.ReadableStream }> {
  let field: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'field' || typeof part.value !== 'string' || field !== undefined) throw appError('BAD_REQUEST');
      field = part.value.trim();
      continue;
    }
    if (part.fieldname !== 'file' || field === undefined || !/^[a-z][a-zA-Z0-9]{0,39}(\.[a-z][a-zA-Z0-9]{0,39}){1,2}$/.test(field)) {
      part.file.resume();
      throw appError('VALIDATION', { params: { fields: 'field' }, extra: { fields: [{ field: 'field', message: 'indica prima il campo del modulo, poi il file' }] } });
    }
    // The rest of the request is this file: the caller streams it to the storage.
    return { field, filename: part.filename ?? '', file: part.file };
  }
  throw appError('VALIDATION', { params: { fields: 'file' }, extra: { fields: [{ field: 'file', message: 'campo obbligatorio' }] } });
}

/** Removes an attachment from a draft, under the application's lock; returns its storage key. */
export async function removeAttachment(ctx: AppContext, c: CitizenPrincipal, tenantId: string, applicationId: string, attachmentId: string): Promise<string | null> {
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const app = await lockApplication(trx, tenantId, c.citizen.id, applicationId);
    if (!app) throw applicationNotFound();
    if (app.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
    const removed = await trx
      .deleteFrom('application_attachments')
      .where('application_id', '=', applicationId)
      .where('id', '=', attachmentId)
      .returning('storage_key')
      .executeTakeFirst();
    return removed?.storage_key ?? null;
  });
}
