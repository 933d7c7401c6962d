// The console's side: officers list the requests and reports of their offices (and those of no office
// yet: the front desk triages them), assign a report to an office and officer, answer and close,
// see a report's photos and the statistics per category.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse, TenantParams, Uuid } from '../../../contracts/common.ts';
import {
  type OperatorRequest,
  OperatorRequestList,
  OperatorRequest as OperatorRequestSchema,
  REPORT_PHOTOS,
  ReportAssign,
  ReportAssignees,
  ReportListQuery,
  ReportStats,
  ReportStatsQuery,
  RequestAnswer,
  RequestListQuery,
  RequestParams,
} from '../../../contracts/requests.ts';
import type { AppContext } from '../../platform/context.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { StoredFileMissing } from '../../platform/files/storage.ts';
import { appError } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { answerRequest, assignReport } from './handle-request.ts';
import { assignableOfficers, findRequest, listRequests, type PhotoRow, photosOf, type RequestWithAssignee, reportStats, requestNumber } from './repository.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const DAY_MS = 86_400_000;

function toOperatorRequest(tenantSlug: string, r: RequestWithAssignee, photos: PhotoRow[]): OperatorRequest {
  const base = `/api/v1/${tenantSlug}/operator/inefficiency-reports/${r.id}/photos`;
  return {
    id: r.id,
    kind: r.kind,
    number: requestNumber(r),
    category: r.category,
    service: r.service_slug ? { slug: r.service_slug, title: r.service_title ?? r.service_slug } : null,
    officeId: r.office_id,
    description: r.description,
    requester: { name: r.name, surname: r.surname, email: r.email, phone: r.phone, loggedIn: r.fiscal_code !== null },
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    place: r.address ? { address: r.address, latitude: r.latitude, longitude: r.longitude } : null,
    assignee: r.assigned_to ? { id: r.assigned_to, name: r.assignee_name ?? '' } : null,
    photos: photos.filter((p) => p.request_id === r.id).map((p) => ({ id: p.id, mediaType: p.media_type, size: p.size, url: `${base}/${p.id}` })),
  };
}

async function withPhotos(ctx: AppContext, tenantSlug: string, rows: RequestWithAssignee[]): Promise<OperatorRequest[]> {
  const photos = await photosOf(
    ctx.db,
    rows.filter((r) => r.kind === 'inefficiency').map((r) => r.id),
  );
  return rows.map((r) => toOperatorRequest(tenantSlug, r, photos));
}

async function one(ctx: AppContext, tenantSlug: string, officer: OperatorPrincipal, id: string): Promise<OperatorRequest> {
  const row = await findRequest(ctx.db, officer, id);
  if (!row) throw appError('NOT_FOUND', { variant: 'request' });
  return (await withPhotos(ctx, tenantSlug, [row]))[0]!;
}

export function officerRequestRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const assistance = '/api/v1/:tenant/operator/assistance-requests';
    const reports = '/api/v1/:tenant/operator/inefficiency-reports';

    app.get(
      assistance,
      {
        schema: {
          tags: ['requests'],
          summary: "Requests for assistance of the officer's offices and of no office, newest first",
          params: TenantParams,
          querystring: RequestListQuery,
          response: { 200: OperatorRequestList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ requests: await withPhotos(ctx, req.tenant.slug, await listRequests(ctx.db, req.operator, { kind: 'assistance', status: req.query.status })) }),
    );
    app.get(
      reports,
      {
        schema: {
          tags: ['requests'],
          summary: "Inefficiency reports of the officer's offices and those not yet assigned to an office, newest first",
          params: TenantParams,
          querystring: ReportListQuery,
          response: { 200: OperatorRequestList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({
        requests: await withPhotos(
          ctx,
          req.tenant.slug,
          await listRequests(ctx.db, req.operator, { kind: 'inefficiency', status: req.query.status, category: req.query.category }),
        ),
      }),
    );
    app.get(
      `${reports}/stats`,
      {
        schema: {
          tags: ['requests'],
          summary: 'Reports per category over the last days (default 90): by state, and the median time to an answer',
          params: TenantParams,
          querystring: ReportStatsQuery,
          response: { 200: ReportStats, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const days = req.query.days ?? 90;
        return { days, categories: await reportStats(ctx.db, req.operator, new Date(ctx.clock.now().getTime() - days * DAY_MS)) };
      },
    );
    app.get(
      `${reports}/assignees`,
      {
        schema: {
          tags: ['requests'],
          summary: 'The offices a report may be assigned to, with their officers',
          params: TenantParams,
          response: { 200: ReportAssignees, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ offices: await assignableOfficers(ctx.db, req.tenant.id) }),
    );
    app.get(
      `${reports}/:id/photos/:photoId`,
      {
        schema: {
          tags: ['requests'],
          summary: "One of a report's photos (metadata removed)",
          params: Type.Object({ ...RequestParams.properties, photoId: Uuid }),
          response: { 200: FileResponse('The photo', REPORT_PHOTOS.types), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findRequest(ctx.db, req.operator, req.params.id);
        const photo = row && (await photosOf(ctx.db, [row.id])).find((p) => p.id === req.params.photoId);
        if (!photo) throw fileNotFound();
        const stream = await ctx.storage.get(photo.storage_key).catch((err: unknown) => {
          if (err instanceof StoredFileMissing) throw fileNotFound();
          throw err;
        });
        return reply.type(photo.media_type).header('content-length', String(photo.size)).header('cache-control', 'private, no-store').send(stream);
      },
    );
    app.post(
      `${reports}/:id/assign`,
      {
        schema: {
          tags: ['requests'],
          summary: 'Assign a report to an office and, optionally, one of its officers (state in_progress; the citizen is told the first time)',
          params: RequestParams,
          body: ReportAssign,
          response: { 200: OperatorRequestSchema, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await assignReport(ctx, req.tenant, req.operator, req.params.id, req.body);
        // The officer may have passed the report to an office they do not see: answer with what they sent.
        const row = await findRequest(ctx.db, req.operator, req.params.id);
        if (row) return (await withPhotos(ctx, req.tenant.slug, [row]))[0]!;
        return one(ctx, req.tenant.slug, { ...req.operator, officeIds: null }, req.params.id);
      },
    );
    for (const [path, summary] of [
      [assistance, 'Answer a request (once): emailed to whoever wrote'],
      [reports, 'Answer and close a report (once): emailed to whoever wrote, and in their personal area'],
    ] as const) {
      app.post(
        `${path}/:id/answer`,
        {
          schema: {
            tags: ['requests'],
            summary,
            params: RequestParams,
            body: RequestAnswer,
            response: { 200: OperatorRequestSchema, 409: ErrorResponse, ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          await answerRequest(ctx, req.tenant, req.operator, req.params.id, req.body.text);
          return one(ctx, req.tenant.slug, req.operator, req.params.id);
        },
      );
    }
  };
}
