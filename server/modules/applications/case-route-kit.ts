// What the case routes share: the error answers, a stored file sent back, the documents both sides
// download (filed PDF, decision, case files), and one route per case action.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type CaseFileUploaded, CaseParams, CaseStateSchema } from '../../../contracts/cases.ts';
import { ErrorResponse, errorResponses, FileResponse } from '../../../contracts/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { contentDisposition } from '../../platform/files/safe-name.ts';
import { StoredFileMissing } from '../../platform/files/storage.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { type CaseChange, changeCase, type CaseActor } from './change-case.ts';
import { caseFiles } from './case-files.ts';
import { type CaseViewer, findCase } from './case-repository.ts';
import { applicationNotFound } from './drafts.ts';

export const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
export const CSV_MAX_ROWS = 10_000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uploadedFiles = new WeakMap<FastifyRequest, CaseFileUploaded>();
export type CitizenText = { text: string; fileIds?: string[] };
export const Changed = Type.Object({ state: CaseStateSchema });
export const AttachmentOfCase = Type.Intersect([CaseParams, Type.Object({ attachmentId: Type.String({ format: 'uuid' }) })]);

export async function sendStored(ctx: AppContext, reply: FastifyReply, key: string | null, name: string, type: string) {
  if (!key) throw fileNotFound();
  const stream = await ctx.storage.get(key).catch((err: unknown) => {
    if (err instanceof StoredFileMissing) throw fileNotFound();
    throw err;
  });
  return reply.type(type).header('content-disposition', contentDisposition(name)).header('cache-control', 'private, no-store').send(stream);
}

/** The filed PDF and the decision's document, for whoever may see the case. */
export function documentRoutes(ctx: AppContext, base: string, viewerOf: (req: { citizen?: unknown; operator?: unknown }) => CaseViewer): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${base}/:id/summary`,
      {
        schema: {
          tags: ['applications'],
          summary: 'The PDF of what was filed',
          params: CaseParams,
          response: { 200: FileResponse('The filed application', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findCase(ctx.db, req.tenant.id, viewerOf(req as never), req.params.id);
        if (!row) throw applicationNotFound();
        return sendStored(ctx, reply, row.summary_key, `domanda-${row.card_slug}.pdf`, 'application/pdf');
      },
    );
    app.get(
      `${base}/:id/files/:fileId`,
      {
        schema: {
          tags: ['applications'],
          summary: 'A file the citizen sent during the case (with an integration, observations or a message)',
          params: Type.Intersect([CaseParams, Type.Object({ fileId: Type.String({ format: 'uuid' }) })]),
          response: { 200: FileResponse('The file', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findCase(ctx.db, req.tenant.id, viewerOf(req as never), req.params.id);
        const file = row && (await caseFiles(ctx.db, row.id)).find((f) => f.id === req.params.fileId);
        if (!file) throw fileNotFound();
        return sendStored(ctx, reply, file.storage_key, file.name, file.media_type);
      },
    );
    app.get(
      `${base}/:id/response`,
      {
        schema: {
          tags: ['applications'],
          summary: "The office's decision (PDF, registered in the protocol as outgoing)",
          params: CaseParams,
          response: { 200: FileResponse('The decision', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findCase(ctx.db, req.tenant.id, viewerOf(req as never), req.params.id);
        if (!row) throw applicationNotFound();
        return sendStored(ctx, reply, row.response_key, `provvedimento-${row.card_slug}.pdf`, 'application/pdf');
      },
    );
  };
}

export function action<B>(ctx: AppContext, summary: string, body: B, toChange: (b: never) => CaseChange, actorOf: (req: never) => CaseActor) {
  return {
    schema: { tags: ['applications'], summary, params: CaseParams, body, response: { 200: Changed, 409: ErrorResponse, ...authErrors, ...errorResponses } },
    handler: async (req: { tenant: Tenant; params: { id: string }; body: unknown }) =>
      changeCase(ctx, req.tenant, actorOf(req as never), req.params.id, toChange(req.body as never)),
  };
}
