// The catalogue: public list and card (published cards only), and the admins' editing in the console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import {
  AdminServiceCard,
  AdminServiceCardList,
  CardIdParams,
  CardFormInput,
  CardFormResponse,
  CardParams,
  CatalogueList,
  CatalogueQuery,
  NewServiceCard,
  SERVICE_CATEGORIES,
  type ServiceCategory,
  ServiceCard,
  ServiceCardPatch,
  TopicList,
} from '../../../contracts/service-cards.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { createCard, saveCardForm, updateCard } from './edit-card.ts';
import { currentForms } from './forms-repository.ts';
import { topicSlug } from '../../../contracts/topics.ts';
import { categoryCounts, topicCounts, findCardById, findCardBySlug, listAllCards, listPublished, mostRequested } from './repository.ts';
import { toAdminCard, toCatalogueItem, toServiceCard } from './views.ts';

const MOST_REQUESTED = 6;
const MOST_REQUESTED_DAYS = 90;
const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const notFound = () => appError('NOT_FOUND', { variant: 'serviceCard' });

function publicRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/:tenant/catalogue',
      {
        schema: {
          tags: ['catalogue'],
          summary: "The comune's services: search (Italian stemming) and categories, with the most requested",
          params: TenantParams,
          querystring: CatalogueQuery,
          response: { 200: CatalogueList, ...errorResponses },
        },
      },
      async (req) => {
        const t = req.tenant;
        const since = new Date(ctx.clock.now().getTime() - MOST_REQUESTED_DAYS * 86_400_000);
        const [rows, counts, popular] = await Promise.all([
          listPublished(ctx.db, t.id, { q: req.query.q?.trim() || undefined, category: req.query.category, topic: req.query.topic }),
          categoryCounts(ctx.db, t.id),
          req.query.q || req.query.category || req.query.topic ? Promise.resolve([]) : mostRequested(ctx.db, t.id, since, MOST_REQUESTED),
        ]);
        const byCategory = new Map(counts.map((c) => [c.category, Number(c.count)]));
        const forms = await currentForms(
          ctx.db,
          t.id,
          rows.map((r) => r.id),
        );
        return {
          services: rows.map((r) => toCatalogueItem(t.slug, r, forms.has(r.id))),
          categories: (Object.keys(SERVICE_CATEGORIES) as ServiceCategory[])
            .filter((slug) => byCategory.has(slug))
            .map((slug) => ({ slug, name: SERVICE_CATEGORIES[slug], count: byCategory.get(slug)! })),
          mostRequested: popular,
        };
      },
    );

    app.get(
      '/api/v1/:tenant/topics',
      {
        schema: {
          tags: ['catalogue'],
          summary: "The topics of the comune's services (Modello Comuni vocabulary), with how many services each",
          params: TenantParams,
          response: { 200: TopicList, ...errorResponses },
        },
      },
      async (req) => ({ topics: (await topicCounts(ctx.db, req.tenant.id)).map((t) => ({ ...t, slug: topicSlug(t.topic) })) }),
    );

    app.get(
      '/api/v1/:tenant/catalogue/:slug',
      {
        schema: { tags: ['catalogue'], summary: 'A service card (published)', params: CardParams, response: { 200: ServiceCard, ...errorResponses } },
      },
      async (req) => {
        const card = await findCardBySlug(ctx.db, req.tenant.id, req.params.slug, true);
        if (!card) throw notFound();
        const form = (await currentForms(ctx.db, req.tenant.id, [card.id])).get(card.id);
        return toServiceCard(req.tenant.slug, req.tenant.time_zone, card, form);
      },
    );
  };
}

function adminRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/admin/service-cards';
    const view = async (tenant: { id: string; slug: string; time_zone: string }, id: string) => {
      const card = await findCardById(ctx.db, tenant.id, id);
      if (!card) throw notFound();
      return toAdminCard(tenant.slug, tenant.time_zone, card, (await currentForms(ctx.db, tenant.id, [card.id])).get(card.id));
    };

    app.get(
      base,
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Every service card, published or not (admins)',
          params: TenantParams,
          response: { 200: AdminServiceCardList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const cards = await listAllCards(ctx.db, req.tenant.id);
        const forms = await currentForms(
          ctx.db,
          req.tenant.id,
          cards.map((c) => c.id),
        );
        return { cards: cards.map((c) => toAdminCard(req.tenant.slug, req.tenant.time_zone, c, forms.get(c.id))) };
      },
    );

    app.post(
      base,
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Create a service card (admins); unpublished unless `published`',
          params: TenantParams,
          body: NewServiceCard,
          response: { 201: AdminServiceCard, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        const id = await createCard(ctx, req.operator, req.body);
        return reply.status(201).send(await view(req.tenant, id));
      },
    );

    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Change, suspend or publish a service card (admins); "last updated" moves only when something changed',
          params: CardIdParams,
          body: ServiceCardPatch,
          response: { 200: AdminServiceCard, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        await updateCard(ctx, req.operator, req.params.id, req.body);
        return view(req.tenant, req.params.id);
      },
    );
  };
}

function formRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const path = '/api/v1/:tenant/operator/admin/service-cards/:id/form';
    app.get(
      path,
      {
        schema: {
          tags: ['catalogue'],
          summary: "The card's online form, its current version (admins)",
          params: CardIdParams,
          response: { 200: CardFormResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        if (!(await findCardById(ctx.db, req.tenant.id, req.params.id))) throw notFound();
        const form = (await currentForms(ctx.db, req.tenant.id, [req.params.id])).get(req.params.id);
        return { form: form ? { version: form.version, definition: form.definition } : null };
      },
    );
    app.put(
      path,
      {
        schema: {
          tags: ['catalogue'],
          summary: 'Save the online form as a new version (admins); applications keep the version they were started with',
          params: CardIdParams,
          body: CardFormInput,
          response: { 200: CardFormResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const saved = await saveCardForm(ctx, req.operator, req.params.id, req.body.definition);
        return { form: { version: saved.version, definition: saved.definition } };
      },
    );
  };
}

export function catalogueRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(publicRoutes(ctx));
    await app.register(adminRoutes(ctx));
    await app.register(formRoutes(ctx));
  };
}
