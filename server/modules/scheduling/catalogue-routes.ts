import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OfficeList, ServiceList } from '../../../contracts/catalogue.ts';
import { errorResponses, TenantParams, Uuid } from '../../../contracts/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { findOffice, listOffices, listServices } from './catalogue-repository.ts';
import { toOffice, toService } from './catalogue-mappers.ts';

export function catalogueRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/:tenant/offices',
      {
        schema: { tags: ['catalogue'], summary: 'Offices of the comune', params: TenantParams, response: { 200: OfficeList, ...errorResponses } },
      },
      async (req) => ({ offices: (await listOffices(ctx.db, req.tenant.id)).map(toOffice) }),
    );

    app.get(
      '/api/v1/:tenant/offices/:officeId/services',
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Services of an office that can be booked',
          params: Type.Intersect([TenantParams, Type.Object({ officeId: Uuid })]),
          response: { 200: ServiceList, ...errorResponses },
        },
      },
      async (req) => {
        const office = await findOffice(ctx.db, req.tenant.id, req.params.officeId);
        if (!office) throw appError('NOT_FOUND', { variant: 'office' });
        const services = await listServices(ctx.db, req.tenant.id, office.id);
        return { office: toOffice(office), services: services.map(toService) };
      },
    );
  };
}
