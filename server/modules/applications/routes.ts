// The citizen's online applications (session cookie + CSRF header on writes): start, save, attach,
// submit, list, read, and the receipt. One citizen never reads or changes another's: every query is
// filtered by the session's citizen, and a foreign id is "not found".
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ApplicationAttachment,
  ApplicationCreated,
  FeeStarted,
  ApplicationDetail,
  ApplicationList,
  ApplicationParams,
  ApplicationPatch,
  AttachmentParams,
  AttachmentUpload,
  NewApplication,
  SubmittedApplication,
} from '../../../contracts/applications.ts';
import { CitizenCaseFields } from '../../../contracts/cases.ts';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import { citizenOnly, requireCitizen } from '../../platform/citizens/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { contentDisposition } from '../../platform/files/safe-name.ts';
import { StoredFileMissing } from '../../platform/files/storage.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { resolveTenantBeforeValidation } from '../../platform/tenants/resolve.ts';
import { formById } from '../catalogue/index.ts';
import { applicationFee } from '../payments/index.ts';
import { protocolLabel } from '../protocol/index.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { addAttachment, readAttachmentUpload, removeAttachment } from './attachments.ts';
import { caseFiles } from './case-files.ts';
import { caseEvents, findCase } from './case-repository.ts';
import { citizenCaseFields } from './case-views.ts';
import { receiptPdf } from './documents.ts';
import { applicationNotFound, deleteDraft, saveDraft, startApplication } from './drafts.ts';
import { startFee } from './fee.ts';
import { findApplication, listApplications, listAttachments } from './repository.ts';
import { submitApplication } from './submit.ts';
import { applicationUrl, toAttachment, toSummary, usedAttachments } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const CitizenApplication = Type.Object({ ...ApplicationDetail.properties, ...CitizenCaseFields });
const DRAFT_CASE = {
  state: 'draft' as const,
  stateWords: 'bozza',
  term: null,
  expectedBy: null,
  timeline: [],
  messages: [],
  documents: [],
  outcome: null,
  integration: null,
  actions: [],
};
const uploaded = new WeakMap<FastifyRequest, ReturnType<typeof toAttachment>>();

export function applicationRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    citizenOnly(app, ctx);
    await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes + 1, files: 1, fields: 2, fieldSize: 300, parts: 3 } });
    const base = '/api/v1/:tenant/me/applications';
    const authenticate = requireCitizen(ctx);

    // The case's part of the page: the state, term, timeline, messages and documents once filed.
    const caseOf = async (tenant: Tenant, citizenId: string, id: string) => {
      const row = await findCase(ctx.db, tenant.id, { citizenId }, id);
      if (!row) return DRAFT_CASE;
      const [events, files] = await Promise.all([caseEvents(ctx.db, row.id, { internal: false }), caseFiles(ctx.db, row.id)]);
      return citizenCaseFields(tenant, row, events, files, ctx.clock.now());
    };

    const detail = async (req: FastifyRequest & { tenant: { id: string; slug: string; time_zone: string } }, id: string) => {
      const c = req.citizen!;
      const a = await findApplication(ctx.db, req.tenant.id, c.citizen.id, id);
      if (!a) throw applicationNotFound();
      const [form, attachments] = await Promise.all([formById(ctx.db, req.tenant.id, a.form_id), listAttachments(ctx.db, a.id)]);
      if (!form) throw applicationNotFound();
      return {
        ...toSummary(req.tenant.slug, req.tenant.time_zone, a),
        ...(await caseOf(req.tenant as Tenant, c.citizen.id, a.id)),
        form: { version: form.version, definition: form.definition },
        data: a.data,
        attachments: attachments.map((x) => toAttachment(req.tenant.slug, x)),
        payment: await applicationFee(ctx.db, req.tenant.id, a.id),
        applicant: {
          fiscalCode: c.citizen.fiscal_code,
          givenName: c.citizen.given_name,
          familyName: c.citizen.family_name,
          email: c.citizen.email ?? c.citizen.identity_email,
          phone: c.citizen.phone,
        },
      };
    };

    app.post(
      base,
      {
        schema: {
          tags: ['applications'],
          summary: 'Start an application for an online service (a draft, saved as the citizen goes)',
          params: TenantParams,
          body: NewApplication,
          response: { 201: ApplicationCreated, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const id = await startApplication(ctx, req.citizen!, req.tenant.id, req.body.service, req.body.data ?? {});
        return reply.status(201).send({ id, status: 'draft' as const });
      },
    );

    app.get(
      base,
      {
        schema: {
          tags: ['applications'],
          summary: "The citizen's applications, drafts and submitted",
          params: TenantParams,
          response: { 200: ApplicationList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ applications: (await listApplications(ctx.db, req.tenant.id, req.citizen!.citizen.id)).map((a) => toSummary(req.tenant.slug, req.tenant.time_zone, a)) }),
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['applications'],
          summary: 'An application with its form version, data and attachments; once filed, its case: state, term, timeline, messages, documents',
          params: ApplicationParams,
          response: { 200: CitizenApplication, ...authErrors, ...errorResponses },
        },
      },
      async (req) => detail(req, req.params.id),
    );

    app.put(
      `${base}/:id`,
      {
        schema: {
          tags: ['applications'],
          summary: 'Save a draft (checked against its form version: types, options, limits)',
          params: ApplicationParams,
          body: ApplicationPatch,
          response: { 200: CitizenApplication, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await saveDraft(ctx, req.citizen!, req.tenant.id, req.params.id, req.body.data);
        return detail(req, req.params.id);
      },
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags: ['applications'],
          summary: 'Delete a draft',
          params: ApplicationParams,
          response: { 204: Type.Null(), 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const keys = await deleteDraft(ctx, req.citizen!, req.tenant.id, req.params.id);
        for (const key of keys) await ctx.storage.remove(key).catch(() => undefined);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:id/attachments`,
      {
        // The upload is read once the comune and the citizen are known; the text field then goes to the schema.
        preValidation: async (req, reply) => {
          if (!req.isMultipart()) throw appError('UNSUPPORTED_MEDIA_TYPE');
          await resolveTenantBeforeValidation(ctx, req);
          await authenticate(req, reply);
          const upload = await readAttachmentUpload(req);
          const id = (req.params as { id: string }).id;
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw applicationNotFound();
          const row = await addAttachment(ctx, req.citizen!, req.tenant.id, id, upload);
          uploaded.set(req, toAttachment(req.tenant.slug, row));
          req.body = { field: upload.field };
        },
        schema: {
          tags: ['applications'],
          summary: 'Attach a file to a draft (multipart: `field`, the form’s file field, then `file`)',
          description:
            'Typed by content against the field’s accepted kinds; size limit per field (at most UPLOAD_MAX_MB); an application holds at most 30 files and 100 MB. A signed PDF (/ByteRange) or a .p7m envelope is marked signed.',
          params: ApplicationParams,
          body: { content: { 'multipart/form-data': { schema: AttachmentUpload } } },
          response: { 201: ApplicationAttachment, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = uploaded.get(req);
        if (!row) throw appError('UNSUPPORTED_MEDIA_TYPE');
        return reply.status(201).send(row);
      },
    );

    app.get(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags: ['applications'],
          summary: 'One of the application’s attachments',
          params: AttachmentParams,
          response: { 200: FileResponse('The attachment, as uploaded', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const a = await findApplication(ctx.db, req.tenant.id, req.citizen!.citizen.id, req.params.id);
        const file = a && (await listAttachments(ctx.db, a.id)).find((x) => x.id === req.params.attachmentId);
        if (!file) throw fileNotFound();
        const stream = await ctx.storage.get(file.storage_key).catch((err: unknown) => {
          if (err instanceof StoredFileMissing) throw fileNotFound();
          throw err;
        });
        return reply
          .type(file.media_type)
          .header('content-length', String(file.size))
          .header('content-disposition', contentDisposition(file.name))
          .header('cache-control', 'private, no-store')
          .send(stream);
      },
    );

    app.delete(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags: ['applications'],
          summary: 'Remove an attachment from a draft',
          params: AttachmentParams,
          response: { 204: Type.Null(), 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const key = await removeAttachment(ctx, req.citizen!, req.tenant.id, req.params.id, req.params.attachmentId);
        if (!key) throw fileNotFound();
        await ctx.storage.remove(key).catch(() => undefined);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/:id/fee`,
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['applications'],
          summary: 'The fee of a draft ready to file, as a pagoPA position (made once); the draft is filed when it is paid. Then POST me/payments/checkout',
          params: ApplicationParams,
          response: { 201: FeeStarted, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await startFee(ctx, req.citizen!, req.tenant, req.params.id)),
    );

    app.post(
      `${base}/:id/submit`,
      {
        schema: {
          tags: ['applications'],
          summary: 'Submit: checked, filed as a PDF, registered in the protocol; the number at once (400 with `fields` by the form’s paths)',
          params: ApplicationParams,
          response: { 200: SubmittedApplication, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const out = await submitApplication(ctx, req.citizen!, req.tenant, req.params.id);
        return {
          id: out.id,
          status: 'submitted' as const,
          protocol: { ...out.protocol, registeredAt: formatInstant(out.protocol.registeredAt.getTime(), req.tenant.time_zone) },
          receiptUrl: `${applicationUrl(req.tenant.slug, out.id)}/receipt`,
        };
      },
    );

    app.get(
      `${base}/:id/receipt`,
      {
        schema: {
          tags: ['applications'],
          summary: 'The receipt of a submitted application (PDF with the protocol stamp)',
          params: ApplicationParams,
          response: { 200: FileResponse('The receipt', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const c = req.citizen!;
        const a = await findApplication(ctx.db, req.tenant.id, c.citizen.id, req.params.id);
        if (a?.status !== 'submitted' || a.protocol_number === null || a.protocol_year === null || !a.protocol_registered_at) throw applicationNotFound();
        const attachments = await listAttachments(ctx.db, a.id);
        const summary = { name: `domanda-${a.card_slug}.pdf`, sha256: a.summary_sha256 ?? '', size: a.summary_size ?? 0 };
        const pdf = await receiptPdf({
          tenantName: req.tenant.name,
          tz: req.tenant.time_zone,
          serviceTitle: a.card_title,
          applicant: { givenName: c.citizen.given_name, familyName: c.citizen.family_name, fiscalCode: c.citizen.fiscal_code },
          protocolLabel: protocolLabel(a.protocol_number, a.protocol_year),
          registeredAt: new Date(a.protocol_registered_at),
          documents: [summary, ...usedAttachments(a.data, attachments)],
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition(`ricevuta-${a.protocol_year}-${a.protocol_number}.pdf`))
          .header('cache-control', 'private, no-store')
          .send(pdf);
      },
    );
  };
}
