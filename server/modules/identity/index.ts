// Identity module: citizens' SPID/CIE login (OpenID Connect relying party), the personal area
// ("Scrivania virtuale"), contacts, data export, privacy notices, each comune's gateway settings,
// and the embedded test identity provider (never in production).
import type { FastifyPluginAsync } from 'fastify';
import type { SportelloModule } from '../../platform/module.ts';
import { areaRoutes } from './area-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { privacyRoutes } from './privacy.ts';
import { providerAdminRoutes } from './provider-admin-routes.ts';
import { registerTestProvider } from './test-provider/routes.ts';

export const identityModule: SportelloModule = {
  name: 'identity',
  tag: { name: 'identity', description: 'Citizens: SPID/CIE login and the personal area (Scrivania virtuale)' },
  tenantRoutes:
    (ctx): FastifyPluginAsync =>
    async (app) => {
      await app.register(authRoutes(ctx));
      await app.register(areaRoutes(ctx));
      await app.register(privacyRoutes(ctx));
      await app.register(providerAdminRoutes(ctx));
    },
  // Test identities for SPID/CIE login where no gateway is configured; never in production.
  globalRoutes: (ctx) => async (app) => {
    if (ctx.config.mode !== 'production') await registerTestProvider(app, ctx);
  },
};
