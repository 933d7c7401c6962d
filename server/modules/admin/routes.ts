// Configuration of offices, services, desks, weekly hours and date exceptions. Admins configure the
// whole comune; managers their own offices. Every change is audited in its transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, TenantParams, Uuid } from '../../../contracts/common.ts';
import {
  DeskInput,
  DeskPatch,
  ExceptionInput,
  ExceptionView,
  OfficeInput,
  OfficePatch,
  OperatorOffice,
  ServiceInput,
  ServicePatch,
  WeeklyHours,
} from '../../../contracts/operator.ts';
import type { AppContext } from '../../platform/context.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin, assertCanConfigureOffice, assertOffice } from '../../platform/staff/policy.ts';
import * as config from './config-service.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const OfficeParams = Type.Intersect([TenantParams, Type.Object({ officeId: Uuid })]);
const ServiceParams = Type.Intersect([TenantParams, Type.Object({ serviceId: Uuid })]);
const DeskParams = Type.Intersect([TenantParams, Type.Object({ deskId: Uuid })]);
const ExceptionParams = Type.Intersect([TenantParams, Type.Object({ exceptionId: Uuid })]);

export function adminRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/admin';

    app.post(
      `${base}/offices`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an office (admins)',
          params: TenantParams,
          body: OfficeInput,
          response: { 201: OperatorOffice, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        return reply.status(201).send(await config.createOffice(ctx, req.operator, req.body));
      },
    );

    app.patch(
      `${base}/offices/:officeId`,
      {
        schema: { tags: ['admin'], summary: 'Change an office', params: OfficeParams, body: OfficePatch, response: { 200: OperatorOffice, ...authErrors, ...errorResponses } },
      },
      async (req) => {
        const { officeId } = req.params;
        assertOffice(req.operator, officeId);
        assertCanConfigureOffice(req.operator, officeId);
        return config.updateOffice(ctx, req.operator, officeId, req.body);
      },
    );

    app.post(
      `${base}/services`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a service in an office',
          params: TenantParams,
          body: ServiceInput,
          response: { 201: OperatorOffice, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertOffice(req.operator, req.body.officeId);
        assertCanConfigureOffice(req.operator, req.body.officeId);
        return reply.status(201).send(await config.createService(ctx, req.operator, req.body));
      },
    );

    app.patch(
      `${base}/services/:serviceId`,
      {
        schema: { tags: ['admin'], summary: 'Change a service', params: ServiceParams, body: ServicePatch, response: { 200: OperatorOffice, ...authErrors, ...errorResponses } },
      },
      async (req) => config.updateService(ctx, req.operator, req.params.serviceId, req.body),
    );

    app.post(
      `${base}/desks`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a desk (sportello) with the services it serves',
          params: TenantParams,
          body: DeskInput,
          response: { 201: OperatorOffice, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertOffice(req.operator, req.body.officeId);
        assertCanConfigureOffice(req.operator, req.body.officeId);
        return reply.status(201).send(await config.createDesk(ctx, req.operator, req.body));
      },
    );

    app.patch(
      `${base}/desks/:deskId`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Rename, (de)activate a desk or change its services',
          params: DeskParams,
          body: DeskPatch,
          response: { 200: OperatorOffice, ...authErrors, ...errorResponses },
        },
      },
      async (req) => config.updateDesk(ctx, req.operator, req.params.deskId, req.body),
    );

    app.get(
      `${base}/desks/:deskId/hours`,
      {
        schema: { tags: ['admin'], summary: "A desk's weekly hours", params: DeskParams, response: { 200: WeeklyHours, ...authErrors, ...errorResponses } },
      },
      async (req) => config.getHours(ctx, req.operator, req.params.deskId),
    );

    app.put(
      `${base}/desks/:deskId/hours`,
      {
        schema: {
          tags: ['admin'],
          summary: "Replace a desk's weekly hours (breaks are gaps between intervals)",
          params: DeskParams,
          body: WeeklyHours,
          response: { 200: WeeklyHours, ...authErrors, ...errorResponses },
        },
      },
      async (req) => config.putHours(ctx, req.operator, req.params.deskId, req.body),
    );

    app.get(
      `${base}/exceptions`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Closures and extra openings of an office',
          params: TenantParams,
          querystring: Type.Object({ officeId: Uuid }),
          response: { 200: Type.Object({ exceptions: Type.Array(ExceptionView) }), ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertOffice(req.operator, req.query.officeId);
        return { exceptions: await config.listExceptions(ctx, req.operator, req.query.officeId) };
      },
    );

    app.post(
      `${base}/exceptions`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Add a closure (whole day or hours, office or desk) or an extra opening',
          params: TenantParams,
          body: ExceptionInput,
          response: { 201: ExceptionView, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertOffice(req.operator, req.body.officeId);
        assertCanConfigureOffice(req.operator, req.body.officeId);
        return reply.status(201).send(await config.createException(ctx, req.operator, req.body));
      },
    );

    app.delete(
      `${base}/exceptions/:exceptionId`,
      {
        schema: { tags: ['admin'], summary: 'Remove a closure or extra opening', params: ExceptionParams, response: { 204: Type.Null(), ...authErrors, ...errorResponses } },
      },
      async (req, reply) => {
        await config.deleteException(ctx, req.operator, req.params.exceptionId);
        return reply.status(204).send(null);
      },
    );
  };
}
