// The site shell's public face: the comune (with its site settings, read by every page's header and
// footer), the FAQ, and the anonymous page rating.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TenantInfo } from '../../../contracts/catalogue.ts';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import { FaqList, FaqQuery, MAP_ZOOM, PageRatingInput } from '../../../contracts/site.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import { groupFaq } from './faq-view.ts';
import { createTileSource } from './map-tiles.ts';
import { coatOfArms, coatOfArmsHash, insertRating, listFaq, siteProfile } from './repository.ts';

export function publicSiteRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/:tenant',
      {
        schema: { tags: ['site'], summary: 'The comune, with its site settings (header, footer)', params: TenantParams, response: { 200: TenantInfo, ...errorResponses } },
      },
      async (req) => {
        // The tile server's address stays on the server (it may carry a key): pages get ours.
        const { map, ...site } = await siteProfile(ctx.db, req.tenant.id);
        return {
          slug: req.tenant.slug,
          name: req.tenant.name,
          timeZone: req.tenant.time_zone,
          branding: req.tenant.branding ?? {},
          site,
          map: map
            ? { tilesUrl: `/api/v1/${req.tenant.slug}/map-tiles/{z}/{x}/{y}`, attribution: map.attribution, latitude: map.latitude, longitude: map.longitude, zoom: map.zoom }
            : null,
          coatOfArmsUrl: await coatOfArmsHash(ctx.db, req.tenant.id).then((hash) => (hash ? `/api/v1/${req.tenant.slug}/coat-of-arms?v=${hash}` : null)),
        };
      },
    );

    const tiles = createTileSource();
    app.get(
      '/api/v1/:tenant/map-tiles/:z/:x/:y',
      {
        config: rateLimited(ctx.config, 'mapTiles'),
        schema: {
          tags: ['site'],
          summary: "A tile of the comune's map (around the comune only), fetched from the tile server the comune configured",
          params: Type.Object({
            ...TenantParams.properties,
            z: Type.Integer({ minimum: MAP_ZOOM.min, maximum: MAP_ZOOM.max }),
            x: Type.Integer({ minimum: 0, maximum: 2 ** MAP_ZOOM.max - 1 }),
            y: Type.Integer({ minimum: 0, maximum: 2 ** MAP_ZOOM.max - 1 }),
          }),
          response: { 200: FileResponse('The tile', ['image/png', 'image/jpeg', 'image/webp']), 502: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { map } = await siteProfile(ctx.db, req.tenant.id);
        if (!map) throw appError('NOT_FOUND', { variant: 'mapTile' });
        const tile = await tiles(req.tenant.id, map, req.params.z, req.params.x, req.params.y, ctx.clock.now().getTime());
        return reply.type(tile.type).header('cache-control', 'public, max-age=86400').send(tile.bytes);
      },
    );

    app.get(
      '/api/v1/:tenant/coat-of-arms',
      {
        schema: {
          tags: ['site'],
          summary: "The comune's coat of arms (PNG, JPEG or WebP); under its `?v=` address it is cached for a year",
          params: TenantParams,
          querystring: Type.Object({ v: Type.Optional(Type.String({ pattern: '^[0-9a-f]{16}$' })) }),
          response: { 200: FileResponse('The image', ['image/png', 'image/jpeg', 'image/webp']), ...errorResponses },
        },
      },
      async (req, reply) => {
        const image = await coatOfArms(ctx.db, req.tenant.id);
        if (!image) throw appError('NOT_FOUND', { variant: 'coatOfArms' });
        return reply
          .type(image.type)
          .header('etag', `"${image.hash}"`)
          .header('cache-control', req.query.v === image.hash ? 'public, max-age=31536000, immutable' : 'no-cache')
          .send(image.bytes);
      },
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
