// Officer administration API: admins list, create, change, disable and reset officers of their
// comune; managers may list the officers of their offices. Answers carrying a temporary password
// are never cached.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { Officer, OfficerCreate, OfficerList, OfficerListQuery, OfficerParams, OfficerPatch, OfficerWithPassword, PasswordResetRequest } from '../../../contracts/officers.ts';
import type { AppContext } from '../../platform/context.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { createOfficer, getOfficer, listOfficers, resetPassword, updateOfficer } from './officer-admin.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function officerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/admin/operators';

    app.get(
      base,
      {
        schema: {
          tags: ['admin'],
          summary: "The comune's officers (admins); the officers of their offices (managers)",
          params: TenantParams,
          querystring: OfficerListQuery,
          response: { 200: OfficerList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ officers: await listOfficers(ctx, req.operator, req.query) }),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an officer with a temporary password (given or generated), shown once',
          params: TenantParams,
          body: OfficerCreate,
          response: { 201: OfficerWithPassword, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const created = await createOfficer(ctx, req.operator, req.body);
        return reply.status(201).header('cache-control', 'no-store').send(created);
      },
    );

    app.get(
      `${base}/:officerId`,
      {
        schema: { tags: ['admin'], summary: 'One officer', params: OfficerParams, response: { 200: Officer, ...authErrors, ...errorResponses } },
      },
      async (req) => getOfficer(ctx, req.operator, req.params.officerId),
    );

    app.patch(
      `${base}/:officerId`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Change display name, role, offices; disable (ends its sessions) or enable',
          params: OfficerParams,
          body: OfficerPatch,
          response: { 200: Officer, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => updateOfficer(ctx, req.operator, req.params.officerId, req.body),
    );

    app.post(
      `${base}/:officerId/password-reset`,
      {
        schema: {
          tags: ['admin'],
          summary: 'New temporary password shown once; ends the sessions, clears the lockout, optionally removes TOTP',
          params: OfficerParams,
          body: PasswordResetRequest,
          response: { 200: OfficerWithPassword, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const reset = await resetPassword(ctx, req.operator, req.params.officerId, req.body ?? {});
        return reply.header('cache-control', 'no-store').send(reset);
      },
    );
  };
}
