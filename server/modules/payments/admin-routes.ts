// Admins' pagoPA settings in the console: read them (with whether the server holds the comune's
// subscription keys: those stay in PAGOPA_KEYS, never in the database or a page) and change them,
// checked as the installer's file is.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { CreditorFile, CreditorSettings } from '../../../contracts/payments.ts';
import type { AppContext } from '../../platform/context.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { configureFromConsole, creditorFileOf } from './configure.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function adminPaymentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const path = '/api/v1/:tenant/operator/admin/payments';
    const view = async (tenant: Tenant) => {
      const settings = await creditorFileOf(ctx, tenant.id);
      const fc = settings?.fiscalCode ?? '';
      return { settings, keys: { gpd: Boolean(ctx.config.pagopaKeys[`${fc}/gpd`]), receipts: Boolean(ctx.config.pagopaKeys[`${fc}/receipts`]) } };
    };
    app.get(
      path,
      {
        schema: {
          tags: ['payments'],
          summary: "The comune's pagoPA settings (admins): creditor data, IBANs, kinds of income, provider; whether the server holds its keys",
          params: TenantParams,
          response: { 200: CreditorSettings, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        return view(req.tenant);
      },
    );
    app.put(
      path,
      {
        schema: {
          tags: ['payments'],
          summary: "Change the comune's pagoPA settings (admins; IBAN check digits, taxonomy codes and keys checked; audited)",
          params: TenantParams,
          body: CreditorFile,
          response: { 200: CreditorSettings, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        await configureFromConsole(ctx, req.tenant, req.operator, req.body);
        return view(req.tenant);
      },
    );
  };
}
