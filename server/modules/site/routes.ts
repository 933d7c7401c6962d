// The site shell's public face: the comune (with its site settings, read by every page's header and
// footer), the FAQ, and the anonymous page rating.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TenantInfo } from '../../../contracts/catalogue.ts';
import { errorResponses, TenantParams } from '../../../contracts/common.ts';
import { FaqList, FaqQuery, PageRatingInput } from '../../../contracts/site.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { groupFaq } from './faq-view.ts';
import { insertRating, listFaq, siteProfile } from './repository.ts';

export function publicSiteRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/:tenant',
      {
        schema: { tags: ['site'], summary: 'The comune, with its site settings (header, footer)', params: TenantParams, response: { 200: TenantInfo, ...errorResponses } },
      },
      async (req) => ({
        slug: req.tenant.slug,
        name: req.tenant.name,
        timeZone: req.tenant.time_zone,
        branding: req.tenant.branding ?? {},
        site: await siteProfile(ctx.db, req.tenant.id),
      }),
    );

    app.get(
      '/api/v1/:tenant/faq',
      {
        schema: {
          tags: ['site'],
          summary: "The comune's frequently asked questions, by topic; `q` searches them (Italian stemming)",
          params: TenantParams,
          querystring: FaqQuery,
          response: { 200: FaqList, ...errorResponses },
        },
      },
      async (req) => groupFaq(await listFaq(ctx.db, req.tenant.id, { q: req.query.q?.trim() || undefined, publishedOnly: true })),
    );

    app.post(
      '/api/v1/:tenant/page-ratings',
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['site'],
          summary: "Rate how clear one of the comune's pages is (anonymous: no session, no address kept)",
          params: TenantParams,
          body: PageRatingInput,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const { page, rating, aspect, comment } = req.body;
        const own = `/${req.tenant.slug}`;
        if (page !== own && !page.startsWith(`${own}/`)) throw appError('VALIDATION', { variant: 'ratedPage' });
        await insertRating(ctx.db, { tenant_id: req.tenant.id, page, rating, aspect: aspect ?? null, comment: comment?.trim() || null });
        return reply.status(204).send(null);
      },
    );
  };
}
