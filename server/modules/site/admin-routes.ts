// The console's "Sito del Comune" (admins): the site settings, the FAQ, and the page ratings' results.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { CoatOfArmsInput, FaqEntry, FaqIdParams, FaqInput, FaqList, PageRatingQuery, PageRatingSummary, SiteProfile } from '../../../contracts/site.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { changeCoatOfArms, createFaq, deleteFaq, updateFaq, updateSiteProfile } from './edit-site.ts';
import { groupFaq } from './faq-view.ts';
import { findFaq, listFaq, ratingSummary, siteProfile } from './repository.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const DAY_MS = 86_400_000;

export function adminSiteRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/admin';
    const faqById = async (tenantId: string, id: string) => {
      const row = await findFaq(ctx.db, tenantId, id);
      if (!row) throw appError('NOT_FOUND', { variant: 'faq' });
      return row;
    };

    app.get(
      `${base}/site`,
      { schema: { tags: ['site'], summary: "The site shell's settings (admins)", params: TenantParams, response: { 200: SiteProfile, ...authErrors, ...errorResponses } } },
      async (req) => {
        assertAdmin(req.operator);
        return siteProfile(ctx.db, req.tenant.id);
      },
    );
    app.put(
      `${base}/site`,
      {
        schema: {
          tags: ['site'],
          summary: "Change the site shell's settings: contacts, the institutional site's pages, social links, statements (admins)",
          params: TenantParams,
          body: SiteProfile,
          response: { 200: SiteProfile, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        await updateSiteProfile(ctx, req.operator, req.body);
        return siteProfile(ctx.db, req.tenant.id);
      },
    );

    app.put(
      `${base}/site/coat-of-arms`,
      {
        schema: {
          tags: ['site'],
          summary: "Upload the comune's coat of arms (admins): a PNG, JPEG or WebP of at most 128 KB, typed by its bytes",
          params: TenantParams,
          body: CoatOfArmsInput,
          response: { 204: Type.Null(), 413: ErrorResponse, 415: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        await changeCoatOfArms(ctx, req.operator, req.body.imageBase64);
        return reply.status(204).send(null);
      },
    );
    app.delete(
      `${base}/site/coat-of-arms`,
      {
        schema: {
          tags: ['site'],
          summary: 'Remove the coat of arms: the neutral emblem again (admins)',
          params: TenantParams,
          response: { 204: Type.Null(), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        await changeCoatOfArms(ctx, req.operator, null);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/faq`,
      { schema: { tags: ['site'], summary: 'Every FAQ entry, published or not (admins)', params: TenantParams, response: { 200: FaqList, ...authErrors, ...errorResponses } } },
      async (req) => {
        assertAdmin(req.operator);
        return groupFaq(await listFaq(ctx.db, req.tenant.id, { publishedOnly: false }));
      },
    );
    app.post(
      `${base}/faq`,
      { schema: { tags: ['site'], summary: 'Add a FAQ entry (admins)', params: TenantParams, body: FaqInput, response: { 201: FaqEntry, ...authErrors, ...errorResponses } } },
      async (req, reply) => {
        assertAdmin(req.operator);
        const id = await createFaq(ctx, req.operator, req.body);
        return reply.status(201).send(await faqById(req.tenant.id, id));
      },
    );
    app.put(
      `${base}/faq/:id`,
      { schema: { tags: ['site'], summary: 'Change a FAQ entry (admins)', params: FaqIdParams, body: FaqInput, response: { 200: FaqEntry, ...authErrors, ...errorResponses } } },
      async (req) => {
        assertAdmin(req.operator);
        await updateFaq(ctx, req.operator, req.params.id, req.body);
        return faqById(req.tenant.id, req.params.id);
      },
    );
    app.delete(
      `${base}/faq/:id`,
      { schema: { tags: ['site'], summary: 'Delete a FAQ entry (admins)', params: FaqIdParams, response: { 204: Type.Null(), ...authErrors, ...errorResponses } } },
      async (req, reply) => {
        assertAdmin(req.operator);
        await deleteFaq(ctx, req.operator, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/page-ratings`,
      {
        schema: {
          tags: ['site'],
          summary: 'How citizens rated the clarity of each page over the last `days` (admins)',
          params: TenantParams,
          querystring: PageRatingQuery,
          response: { 200: PageRatingSummary, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const days = req.query.days ?? 90;
        return { days, pages: await ratingSummary(ctx.db, req.tenant.id, new Date(ctx.clock.now().getTime() - days * DAY_MS)) };
      },
    );
  };
}
