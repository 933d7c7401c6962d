// Site module: the comune's site shell of the Modello Comuni: the comune and its site settings (the
// header's menu, the footer's contacts and links), the FAQ, and the page ratings, with the admins'
// editing in the console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import type { SportelloModule } from '../../platform/module.ts';
import { adminSiteRoutes } from './admin-routes.ts';
import { publicSiteRoutes } from './routes.ts';

/** Which slippy-map tile holds a point: for tests and tools that ask for the comune's map tiles. */
export { tileOf } from './domain/tiles.ts';

function siteRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(publicSiteRoutes(ctx));
    await app.register(adminSiteRoutes(ctx));
  };
}

export const siteModule: SportelloModule = {
  name: 'site',
  tenantRoutes: (ctx) => siteRoutes(ctx),
};
