// "Richiesta d'assistenza": anyone sends one (a logged-in citizen under their identity); officers
// list theirs and answer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { NewAssistanceRequest, OperatorRequest, OperatorRequestList, RequestAnswer, RequestListQuery, RequestParams, RequestReceipt } from '../../../contracts/requests.ts';
import { optionalCitizen } from '../../platform/citizens/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { answerRequest } from './answer-request.ts';
import { fileAssistanceRequest } from './file-request.ts';
import { findRequest, listRequests, type RequestRow, requestNumber } from './repository.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

function toOperatorRequest(r: RequestRow): OperatorRequest {
  return {
    id: r.id,
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
  };
}

function publicRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
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
  };
}

function officerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/assistance-requests';
    app.get(
      base,
      {
        schema: {
          tags: ['requests'],
          summary: "Requests for assistance of the officer's offices and of no office, newest first",
          params: TenantParams,
          querystring: RequestListQuery,
          response: { 200: OperatorRequestList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ requests: (await listRequests(ctx.db, req.operator, { status: req.query.status })).map(toOperatorRequest) }),
    );
    app.post(
      `${base}/:id/answer`,
      {
        schema: {
          tags: ['requests'],
          summary: 'Answer a request (once): emailed to whoever wrote',
          params: RequestParams,
          body: RequestAnswer,
          response: { 200: OperatorRequest, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await answerRequest(ctx, req.tenant, req.operator, req.params.id, req.body.text);
        const row = await findRequest(ctx.db, req.operator, req.params.id);
        if (!row) throw appError('NOT_FOUND', { variant: 'request' });
        return toOperatorRequest(row);
      },
    );
  };
}

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(publicRoutes(ctx));
    await app.register(officerRoutes(ctx));
  };
}
