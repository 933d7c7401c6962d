// A registration by hand may come as multipart/form-data: the text fields, the main document
// (`document`) and its attachments (`attachments`, repeated). This hook runs before the body is
// validated, after the officer is authenticated (nothing is stored for a stranger): each file is
// streamed to the storage under the upload limit, typed by its content and digested (SHA-256); the
// text fields become the body the route's schema then checks. Files of a request that does not end
// in a registration are removed when its answer has gone.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { RegisteredDocument } from '../../platform/db/schema-protocol.ts';
import { ACCEPTED_LABELS, detectFileType } from '../../platform/files/content-type.ts';
import { fileTypeNotAllowed } from '../../platform/files/errors.ts';
import { safeFileName } from '../../platform/files/safe-name.ts';
import { storeUpload } from '../../platform/files/store-upload.ts';
import { appError } from '../../platform/http/errors.ts';
import { requireOperator } from '../../platform/staff/auth.ts';
import { resolveTenantBeforeValidation } from '../../platform/tenants/resolve.ts';

export const MAX_FILES = 10;
const FILE_FIELDS = new Set(['document', 'attachments']);

interface Staged extends RegisteredDocument {
  main: boolean;
}

const stagedFiles = new WeakMap<FastifyRequest, Staged[]>();

/** The multipart limits: one more byte per file than the storage takes, so the storage's own check decides. */
export function multipartLimits(ctx: AppContext) {
  return { fileSize: ctx.config.uploadMaxBytes + 1, files: MAX_FILES, fields: 10, fieldSize: 4096, parts: MAX_FILES + 10, headerPairs: 100 };
}

const invalid = (field: string, message: string) => appError('VALIDATION', { params: { fields: field }, extra: { fields: [{ field, message }] } });

function multipartError(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return appError('TOO_MANY_FILES', { params: { max: MAX_FILES } });
  if (code === 'FST_REQ_FILE_TOO_LARGE') return err;
  if (typeof code === 'string' && code.startsWith('FST_')) return appError('BAD_REQUEST');
  return err;
}

export function readUpload(ctx: AppContext) {
  const authenticate = requireOperator(ctx);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!req.isMultipart()) return;
    // This hook runs before the comune and the officer are resolved for the other routes (preHandler).
    await resolveTenantBeforeValidation(ctx, req);
    await authenticate(req, reply);
    const fields: Record<string, string> = {};
    const files: Staged[] = [];
    stagedFiles.set(req, files);
    const max = ctx.config.uploadMaxBytes;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (typeof part.value !== 'string' || part.valueTruncated) throw invalid(part.fieldname, 'valore troppo lungo');
          if (Object.hasOwn(fields, part.fieldname)) throw invalid(part.fieldname, 'campo ripetuto');
          fields[part.fieldname] = part.value;
          continue;
        }
        if (!FILE_FIELDS.has(part.fieldname)) throw invalid(part.fieldname, 'campo non previsto');
        const main = part.fieldname === 'document';
        if (main && files.some((f) => f.main)) throw invalid('document', 'un solo documento principale');
        const storageKey = `${req.operator.tenantId}/protocol/${randomUUID()}`;
        const stored = await storeUpload(ctx.storage, storageKey, part.file, max);
        const staged: Staged = { main, name: '', mediaType: '', size: stored.size, sha256: stored.sha256, storageKey };
        files.push(staged);
        const type = detectFileType(stored.head);
        if (!type) throw fileTypeNotAllowed(ACCEPTED_LABELS);
        staged.name = safeFileName(part.filename ?? '', type);
        staged.mediaType = type.mediaType;
      }
    } catch (err) {
      throw multipartError(err);
    }
    if (files.length > 0 && !files.some((f) => f.main)) throw invalid('document', 'gli allegati richiedono il documento principale');
    req.body = fields;
  };
}

/** The request's documents, the main one first; they belong to the registration from now on. */
export function takeStagedDocuments(req: FastifyRequest): RegisteredDocument[] {
  const files = stagedFiles.get(req) ?? [];
  return [...files.filter((f) => f.main), ...files.filter((f) => !f.main)].map(({ main: _main, ...doc }) => doc);
}

/** After a request's answer: the files it staged without a registration are removed. */
export function discardUnregistered(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<void> => {
    const files = stagedFiles.get(req);
    stagedFiles.delete(req);
    for (const f of files ?? [])
      await ctx.storage.remove(f.storageKey).catch((err: unknown) => ctx.log.warn({ err, storageKey: f.storageKey }, 'staged protocol document not removed'));
  };
}

/** Marks the request's files as registered, so the cleanup after the answer leaves them. */
export function keepStaged(req: FastifyRequest): void {
  stagedFiles.delete(req);
}
