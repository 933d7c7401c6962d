// What anyone may do: send a "Richiesta d'assistenza" or a "Segnalazione disservizio" (a logged-in
// citizen under their identity), add the report's photos with its secret, read the open reports
// (without personal data); a citizen lists their own requests.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import {
  MyRequestList,
  NewAssistanceRequest,
  NewInefficiencyReport,
  PublicReportList,
  PublicReportQuery,
  REPORT_PHOTOS,
  ReportPhotoAdded,
  ReportPhotoUpload,
  ReportReceipt,
  RequestParams,
  RequestReceipt,
} from '../../../contracts/requests.ts';
import { citizenOnly, optionalCitizen } from '../../platform/citizens/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { resolveTenantBeforeValidation } from '../../platform/tenants/resolve.ts';
import { officerRequestRoutes } from './officer-routes.ts';
import { fileAssistanceRequest, fileInefficiencyReport } from './file-request.ts';
import { addReportPhoto, readPhotoUpload } from './report-photos.ts';
import { listOwnRequests, listPublicReports, requestNumber } from './repository.ts';

const PUBLIC_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/:tenant/assistance-requests',
      {
        preHandler: optionalCitizen(ctx),
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['requests'],
          summary: 'Send a request for assistance to the comune (anyone; a logged-in citizen writes under their identity): answered by email',
          params: TenantParams,
          body: NewAssistanceRequest,
          response: { 201: RequestReceipt, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await fileAssistanceRequest(ctx, req.tenant, req.citizen ?? null, req.body)),
    );

    app.post(
      '/api/v1/:tenant/inefficiency-reports',
      {
        preHandler: optionalCitizen(ctx),
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['requests'],
          summary: 'Report a problem in the city (anyone; a logged-in citizen under their identity): the number, and the secret for adding photos',
          params: TenantParams,
          body: NewInefficiencyReport,
          response: { 201: ReportReceipt, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await fileInefficiencyReport(ctx, req.tenant, req.citizen ?? null, req.body)),
    );

    app.get(
      '/api/v1/:tenant/inefficiency-reports',
      {
        schema: {
          tags: ['requests'],
          summary: 'The reports not yet answered, newest first: number, category, place, date and state (no personal data)',
          params: TenantParams,
          querystring: PublicReportQuery,
          response: { 200: PublicReportList, ...errorResponses },
        },
      },
      async (req) => {
        const { rows, total } = await listPublicReports(ctx.db, req.tenant.id, { category: req.query.category, offset: req.query.offset ?? 0, limit: PUBLIC_PAGE });
        const reports = rows.map((r) => ({ number: requestNumber(r), category: r.category, address: r.address ?? '', createdAt: iso(r.created_at)!, status: r.status }));
        return { reports, total };
      },
    );

    await app.register(photoRoutes(ctx));
    await app.register(ownRoutes(ctx));
    await app.register(officerRequestRoutes(ctx));
  };
}

function ownRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    citizenOnly(app, ctx);
    app.get(
      '/api/v1/:tenant/me/requests',
      {
        schema: {
          tags: ['requests'],
          summary: "The citizen's requests for assistance and reports sent while logged in, with their state and answer",
          params: TenantParams,
          response: { 200: MyRequestList, 401: ErrorResponse, ...errorResponses },
        },
      },
      async (req) => ({
        requests: (await listOwnRequests(ctx.db, req.tenant.id, req.citizen!.citizen.fiscal_code)).map((r) => ({
          id: r.id,
          kind: r.kind,
          number: requestNumber(r),
          category: r.category,
          subject: r.kind === 'inefficiency' ? r.address : r.service_title,
          description: r.description,
          status: r.status,
          answer: r.answer,
          answeredAt: iso(r.answered_at),
          createdAt: iso(r.created_at)!,
        })),
      }),
    );
  };
}

const added = new WeakMap<FastifyRequest, ReportPhotoAdded>();

function photoRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const maxBytes = Math.min(REPORT_PHOTOS.maxBytes, ctx.config.uploadMaxBytes);
    await app.register(multipart, { limits: { fileSize: maxBytes + 1, files: 1, fields: 1, fieldSize: 200, parts: 2 } });
    app.post(
      '/api/v1/:tenant/inefficiency-reports/:id/photos',
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        // The upload is read once the comune is known; the secret then goes to the schema.
        preValidation: async (req) => {
          if (!req.isMultipart()) throw appError('UNSUPPORTED_MEDIA_TYPE');
          await resolveTenantBeforeValidation(ctx, req);
          const id = (req.params as { id: string }).id;
          const upload = await readPhotoUpload(req, maxBytes);
          if (!UUID.test(id)) throw appError('REPORT_PHOTOS_CLOSED');
          const { photo, count } = await addReportPhoto(ctx, req.tenant, id, upload);
          added.set(req, { id: photo.id, mediaType: photo.media_type, size: photo.size, photos: count });
          req.body = { token: upload.token };
        },
        schema: {
          tags: ['requests'],
          summary: 'Add a photo to a report just sent (multipart: `token`, the secret given with the number, then `file`)',
          description: `JPEG, PNG or WebP by content, at most ${REPORT_PHOTOS.maxBytes / 1024 / 1024} MB each, ${REPORT_PHOTOS.max} per report, within an hour of sending it; location and camera metadata are removed.`,
          params: RequestParams,
          body: { content: { 'multipart/form-data': { schema: ReportPhotoUpload } } },
          response: { 201: ReportPhotoAdded, 403: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const photo = added.get(req);
        if (!photo) throw appError('UNSUPPORTED_MEDIA_TYPE');
        return reply.status(201).send(photo);
      },
    );
  };
}
