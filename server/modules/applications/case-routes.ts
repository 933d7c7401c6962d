// Case handling over HTTP: the officers' routes (case-officer-routes.ts) and the citizen's own: files
// to send, messages, the integration, observations to a notice of rejection, withdrawal, and the
// documents. A change the state does not allow answers 409 with the state.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { CaseFileUpload, CaseFileUploaded, CaseParams, CaseWithdraw, CitizenCaseText, CitizenIntegration } from '../../../contracts/cases.ts';
import { ErrorResponse, errorResponses } from '../../../contracts/common.ts';
import { citizenOnly, requireCitizen } from '../../platform/citizens/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { resolveTenantBeforeValidation } from '../../platform/tenants/resolve.ts';
import type { CaseActor } from './change-case.ts';
import { addCaseFile, CASE_FILES_QUOTA } from './case-files.ts';
import { applicationNotFound } from './drafts.ts';
import { action, authErrors, type CitizenText, documentRoutes, UUID, uploadedFiles } from './case-route-kit.ts';
import { officerCaseRoutes } from './case-officer-routes.ts';

function citizenCaseRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    citizenOnly(app, ctx);
    const base = '/api/v1/:tenant/me/applications';
    await app.register(documentRoutes(ctx, base, (req) => ({ citizenId: (req as { citizen: { citizen: { id: string } } }).citizen.citizen.id })));
    const citizen = (req: never): CaseActor => ({ citizen: (req as { citizen: never }).citizen });
    await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes + 1, files: 1, fields: 0, parts: 1 } });
    app.post(
      `${base}/:id/files`,
      {
        // The file is read once the comune and the citizen are known (streamed to the storage).
        preValidation: async (req, reply) => {
          if (!req.isMultipart()) throw appError('UNSUPPORTED_MEDIA_TYPE');
          await resolveTenantBeforeValidation(ctx, req);
          await requireCitizen(ctx)(req, reply);
          const id = (req.params as { id: string }).id;
          if (!UUID.test(id)) throw applicationNotFound();
          const part = await req.file();
          if (part?.fieldname !== 'file') throw invalidField('file', 'campo obbligatorio');
          const row = await addCaseFile(ctx, req.citizen!, req.tenant.id, id, { filename: part.filename ?? '', file: part.file });
          uploadedFiles.set(req, { id: row.id, name: row.name, mediaType: row.media_type, size: row.size });
          req.body = {};
        },
        schema: {
          tags: ['applications'],
          summary: 'Upload a file to send with a message, an integration or observations (multipart `file`); then name it in `fileIds`',
          description: `Typed by content; at most UPLOAD_MAX_MB each; ${CASE_FILES_QUOTA.files} files and ${CASE_FILES_QUOTA.bytes / 1024 / 1024} MB per case.`,
          params: CaseParams,
          body: { content: { 'multipart/form-data': { schema: CaseFileUpload } } },
          response: { 201: CaseFileUploaded, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = uploadedFiles.get(req);
        if (!row) throw appError('UNSUPPORTED_MEDIA_TYPE');
        return reply.status(201).send(row);
      },
    );
    const routes: Array<[string, ReturnType<typeof action>]> = [
      [
        'messages',
        action(
          ctx,
          'Write to the office about the case (any time after submission), with files uploaded first',
          CitizenCaseText,
          (b: CitizenText) => ({ action: 'message', ...b }),
          citizen,
        ),
      ],
      [
        'integration',
        action(
          ctx,
          'Send the integration the office asked for, with its files and the answer to the form fields asked (the term resumes)',
          CitizenIntegration,
          (b: CitizenText & { data?: Record<string, Record<string, unknown>> }) => ({ action: 'submit_integration', ...b }),
          citizen,
        ),
      ],
      [
        'observations',
        action(
          ctx,
          'Send observations on a notice of rejection (within its 10 days), with files',
          CitizenCaseText,
          (b: CitizenText) => ({ action: 'submit_observations', ...b }),
          citizen,
        ),
      ],
      ['withdraw', action(ctx, 'Withdraw the case while it is undecided', CaseWithdraw, (b: { reason?: string }) => ({ action: 'withdraw', text: b.reason }), citizen)],
    ];
    for (const [path, r] of routes) app.post(`${base}/:id/${path}`, { schema: r.schema as never }, r.handler as never);
  };
}

export function caseRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(officerCaseRoutes(ctx));
    await app.register(citizenCaseRoutes(ctx));
  };
}
