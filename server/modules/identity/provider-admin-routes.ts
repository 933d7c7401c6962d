// Admins point their comune's SPID and CIE login at the gateway the comune contracted (Satosa,
// Keycloak, a regional hub…): issuer and client id per provider; the client secret, where the
// gateway wants one, comes from OIDC_CLIENT_SECRET, never from the database or the API. A gateway
// is saved only after its address and discovery document pass gateway-check.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { IdentityProvidersConfig, IdentityProvidersView } from '../../../contracts/identity.ts';
import type { AppContext } from '../../platform/context.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { checkGateway } from './gateway-check.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function providerAdminRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);

    app.get(
      '/api/v1/:tenant/operator/admin/identity-providers',
      {
        schema: {
          tags: ['admin'],
          summary: "Where the comune's citizens log in with SPID and CIE (admins)",
          params: TenantParams,
          response: { 200: IdentityProvidersView, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const p = req.tenant.identity_providers ?? {};
        return { spid: p.spid ?? null, cie: p.cie ?? null, testProviderAvailable: ctx.config.mode !== 'production' };
      },
    );

    app.put(
      '/api/v1/:tenant/operator/admin/identity-providers',
      {
        schema: {
          tags: ['admin'],
          summary: 'Set the SPID and CIE gateways (null: the test provider, outside production)',
          params: TenantParams,
          body: IdentityProvidersConfig,
          response: { 200: IdentityProvidersView, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        // Each gateway is checked before anything is saved: a broken one would stop the comune's logins.
        for (const name of ['spid', 'cie'] as const) {
          const p = req.body[name];
          if (p) await checkGateway(app, ctx, name, p);
        }
        const value = { ...(req.body.spid ? { spid: req.body.spid } : {}), ...(req.body.cie ? { cie: req.body.cie } : {}) };
        await ctx.bus.transaction(ctx.db, async (trx) => {
          await trx
            .updateTable('tenants')
            .set({ identity_providers: JSON.stringify(value) })
            .where('id', '=', req.tenant.id)
            .execute();
          await ctx.bus.record(trx, {
            actor: { type: 'operator', id: req.operator.id },
            tenantId: req.tenant.id,
            action: 'identity.providers-changed',
            entityType: 'tenant',
            entityId: req.tenant.id,
            details: value,
            payload: {},
          });
        });
        return { spid: value.spid ?? null, cie: value.cie ?? null, testProviderAvailable: ctx.config.mode !== 'production' };
      },
    );
  };
}
