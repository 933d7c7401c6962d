// Case handling over HTTP. Officers (their offices' cases): the inbox, a case, and each action; the
// citizen (their own): messages, the integration, observations to a notice of rejection, withdrawal,
// and the decision's document. A change the state does not allow answers 409 with the state.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  CaseCancel,
  CaseFileUpload,
  CaseFileUploaded,
  CaseIntegrationRequest,
  CaseParams,
  CaseReasons,
  CaseStateSchema,
  CaseTake,
  CaseText,
  CaseWithdraw,
  CaseWorkload,
  CitizenCaseText,
  CitizenIntegration,
  OperatorCase,
  OperatorCaseList,
  OperatorCaseQuery,
} from '../../../contracts/cases.ts';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import { CASE_STATE_WORDS } from '../../../contracts/statuses.ts';
import { citizenOnly, requireCitizen } from '../../platform/citizens/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvDocument } from '../../platform/csv.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { contentDisposition } from '../../platform/files/safe-name.ts';
import { StoredFileMissing } from '../../platform/files/storage.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { forbidden } from '../../platform/staff/policy.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { resolveTenantBeforeValidation } from '../../platform/tenants/resolve.ts';
import { formById } from '../catalogue/index.ts';
import { type CaseChange, changeCase, type CaseActor } from './change-case.ts';
import { addCaseFile, CASE_FILES_QUOTA, caseFiles } from './case-files.ts';
import { caseEvents, type CaseViewer, findCase, inbox, inboxCounts, workload } from './case-repository.ts';
import { operatorCase, toCaseSummary } from './case-views.ts';
import { applicationNotFound } from './drafts.ts';
import { listAttachments } from './repository.ts';
import { toAttachment } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const CSV_MAX_ROWS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uploadedFiles = new WeakMap<FastifyRequest, CaseFileUploaded>();
type CitizenText = { text: string; fileIds?: string[] };
const Changed = Type.Object({ state: CaseStateSchema });
const AttachmentOfCase = Type.Intersect([CaseParams, Type.Object({ attachmentId: Type.String({ format: 'uuid' }) })]);

async function sendStored(ctx: AppContext, reply: FastifyReply, key: string | null, name: string, type: string) {
  if (!key) throw fileNotFound();
  const stream = await ctx.storage.get(key).catch((err: unknown) => {
    if (err instanceof StoredFileMissing) throw fileNotFound();
    throw err;
  });
  return reply.type(type).header('content-disposition', contentDisposition(name)).header('cache-control', 'private, no-store').send(stream);
}

/** The filed PDF and the decision's document, for whoever may see the case. */
function documentRoutes(ctx: AppContext, base: string, viewerOf: (req: { citizen?: unknown; operator?: unknown }) => CaseViewer): FastifyPluginAsyncTypebox {
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

function action<B>(ctx: AppContext, summary: string, body: B, toChange: (b: never) => CaseChange, actorOf: (req: never) => CaseActor) {
  return {
    schema: { tags: ['applications'], summary, params: CaseParams, body, response: { 200: Changed, 409: ErrorResponse, ...authErrors, ...errorResponses } },
    handler: async (req: { tenant: Tenant; params: { id: string }; body: unknown }) =>
      changeCase(ctx, req.tenant, actorOf(req as never), req.params.id, toChange(req.body as never)),
  };
}

function officerCaseRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/applications';
    app.get(
      base,
      {
        schema: {
          tags: ['applications'],
          summary: "The office's cases: filtered by state, service, assignee, term (near or past) and words; the most urgent first; with counters per state",
          params: TenantParams,
          querystring: OperatorCaseQuery,
          response: { 200: OperatorCaseList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        const q = req.query;
        const assignee = q.assignee === 'me' ? req.operator.id : q.assignee;
        const [{ rows, total }, counts] = await Promise.all([
          inbox(ctx.db, req.tenant.id, req.operator, { ...q, assignee, today, offset: q.offset ?? 0, limit: q.limit ?? 50 }),
          inboxCounts(ctx.db, req.tenant.id, req.operator),
        ]);
        return { cases: rows.map((r) => toCaseSummary(r, req.tenant.time_zone, today)), total, counts };
      },
    );
    app.get(
      `${base}.csv`,
      {
        schema: {
          tags: ['applications'],
          summary: 'The inbox as CSV: every case the filters find (at most 10,000), in the same order; the export is audited',
          params: TenantParams,
          querystring: Type.Omit(OperatorCaseQuery, ['offset', 'limit']),
          response: { 200: FileResponse('Cases (CSV)', ['text/csv'], Type.String()), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        const q = req.query;
        const assignee = q.assignee === 'me' ? req.operator.id : q.assignee;
        const { rows, total } = await inbox(ctx.db, req.tenant.id, req.operator, { ...q, assignee, today, offset: 0, limit: CSV_MAX_ROWS });
        await ctx.bus.record(ctx.db, {
          tenantId: req.tenant.id,
          actor: { type: 'operator', id: req.operator.id },
          action: 'case.list-exported',
          details: { filters: q, rows: rows.length, total },
        });
        const csv = csvDocument(
          ['Protocollo', 'Presentata il', 'Servizio', 'Richiedente', 'Codice fiscale', 'Stato', 'Assegnata a', 'Termine', 'Termine sospeso'],
          rows.map((r) => {
            const c = toCaseSummary(r, req.tenant.time_zone, today);
            return [
              c.protocol?.label ?? '',
              c.submittedAt.slice(0, 10),
              c.service.title,
              c.applicant.name,
              c.applicant.fiscalCode,
              CASE_STATE_WORDS[c.state].it,
              c.assignee?.name ?? '',
              c.dueOn,
              c.suspended ? 'sì' : 'no',
            ];
          }),
        );
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="pratiche-${today}.csv"`).send(csv);
      },
    );
    app.get(
      `${base}/workload`,
      {
        schema: {
          tags: ['applications'],
          summary: "Managers and admins: their offices' open cases per officer (past term too) and the average days to a decision per service",
          params: TenantParams,
          response: { 200: CaseWorkload, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        if (req.operator.role === 'operator') throw forbidden();
        return workload(ctx.db, req.tenant.id, req.operator, localDate(ctx.clock.now().getTime(), req.tenant.time_zone));
      },
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['applications'],
          summary: 'A case: the data as filed (with its form version), attachments, protocol, term, timeline with internal notes, allowed actions',
          params: CaseParams,
          response: { 200: OperatorCase, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const row = await findCase(ctx.db, req.tenant.id, { officer: req.operator }, req.params.id);
        if (!row) throw applicationNotFound();
        const [form, attachments, events, files] = await Promise.all([
          formById(ctx.db, req.tenant.id, row.form_id),
          listAttachments(ctx.db, row.id),
          caseEvents(ctx.db, row.id, { internal: true }),
          caseFiles(ctx.db, row.id),
        ]);
        if (!form) throw applicationNotFound();
        const now = ctx.clock.now();
        const base = `/api/v1/${req.tenant.slug}/operator/applications/${row.id}`;
        return {
          ...operatorCase(req.tenant, row, events, files, now, localDate(now.getTime(), req.tenant.time_zone)),
          form: { version: form.version, definition: form.definition },
          data: row.data,
          attachments: attachments.map((a) => ({ ...toAttachment(req.tenant.slug, a), url: `${base}/attachments/${a.id}` })),
        };
      },
    );
    app.get(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags: ['applications'],
          summary: "One of the case's filed attachments",
          params: AttachmentOfCase,
          response: { 200: FileResponse('The attachment', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findCase(ctx.db, req.tenant.id, { officer: req.operator }, req.params.id);
        const file = row && (await listAttachments(ctx.db, row.id)).find((a) => a.id === req.params.attachmentId);
        if (!file) throw fileNotFound();
        return sendStored(ctx, reply, file.storage_key, file.name, file.media_type);
      },
    );
    await app.register(documentRoutes(ctx, base, (req) => ({ officer: (req as { operator: never }).operator })));

    const officer = (req: never): CaseActor => ({ officer: (req as { operator: never }).operator });
    const routes: Array<[string, ReturnType<typeof action>]> = [
      [
        'take',
        action(
          ctx,
          'Take the case in charge (oneself, or a colleague of the office: `assignee`)',
          CaseTake,
          (b: { assignee?: string }) => ({ action: 'take', assigneeId: b.assignee }),
          officer,
        ),
      ],
      ['message', action(ctx, 'Write to the citizen (email and personal area)', CaseText, (b: { text: string }) => ({ action: 'message', text: b.text }), officer)],
      ['notes', action(ctx, 'Add an internal note (never shown to the citizen)', CaseText, (b: { text: string }) => ({ action: 'note', text: b.text }), officer)],
      [
        'request-integration',
        action(
          ctx,
          'Ask the citizen for an integration by a date (suspends the term); `fields` of the form to fill in again',
          CaseIntegrationRequest,
          (b: { text: string; dueDate: string; fields?: string[] }) => ({ action: 'request_integration', text: b.text, dueOn: b.dueDate, fields: b.fields }),
          officer,
        ),
      ],
      [
        'notice-of-rejection',
        action(
          ctx,
          'Send a notice of rejection (L. 241 art. 10-bis: 10 days for observations, the term suspended)',
          CaseReasons,
          (b: { reasons: string }) => ({ action: 'notice_of_rejection', text: b.reasons }),
          officer,
        ),
      ],
      [
        'accept',
        action(
          ctx,
          'Accept: the decision as a PDF, registered as outgoing and sent to the citizen',
          CaseText,
          (b: { text: string }) => ({ action: 'accept', text: b.text }),
          officer,
        ),
      ],
      [
        'reject',
        action(
          ctx,
          'Reject (after a notice of rejection): the decision as a PDF, registered as outgoing and sent',
          CaseText,
          (b: { text: string }) => ({ action: 'reject', text: b.text }),
          officer,
        ),
      ],
      ['cancel', action(ctx, 'Cancel the case, with the reason', CaseCancel, (b: { reason: string }) => ({ action: 'cancel', text: b.reason }), officer)],
    ];
    for (const [path, r] of routes) app.post(`${base}/:id/${path}`, { schema: r.schema as never }, r.handler as never);
  };
}

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
