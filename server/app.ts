// Builds the Fastify application: platform plugins first (security headers, cookies, rate limits,
// OpenAPI, health and metrics), then every module of the registry: its routes under the comune's
// scope (or outside it), its OpenAPI tag, its event subscribers on this node.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { Type } from 'typebox';
import { ErrorResponse } from '../contracts/common.ts';
import { MODULES } from './modules/registry.ts';
import { registerWebClient } from './platform/http/web-client.ts';
import type { AppContext } from './platform/context.ts';
import { ping } from './platform/db/database.ts';
import { sendError } from './platform/http/errors.ts';
import { registerMetricsRoute } from './platform/http/metrics.ts';
import { documentRoute, securitySchemes } from './platform/http/openapi.ts';
import { clientErrorHandler, guardRequestSurface, MAX_SEGMENT_LENGTH } from './platform/http/surface.ts';
import { requestValidatorFactory } from './platform/http/validation.ts';
import { enabledModules, type SportelloModule } from './platform/module.ts';
import { platformSubscribers } from './platform/subscribers.ts';
import { findTenantBySlug, listTenants } from './platform/tenants/repository.ts';
import { tenantResolver } from './platform/tenants/resolve.ts';

/** TRUST_PROXY as a hop count: believe that many proxies in front (X-Forwarded-For, right to left). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** `onRoute`: sees every route as it is registered (the route fuzzer's list, test/fuzz-routes.test.ts). */
export async function buildApp(ctx: AppContext, modules: readonly SportelloModule[] = MODULES, opts: { onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const active = enabledModules(modules, ctx.config);
  // pino's Logger and Fastify's base logger type differ only in typing; the instance is the same.
  // Its request serializer (platform/logging.ts) keeps manage tokens out of the request logs.
  const loggerInstance = ctx.log as unknown as FastifyBaseLogger;
  const app = Fastify({
    loggerInstance,
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    bodyLimit: 256 * 1024,
    // A parameter longer than any of ours is a 400 (its schema), one absurdly long a 414 (platform/http/surface.ts).
    routerOptions: { maxParamLength: MAX_SEGMENT_LENGTH },
    // What Node refuses before routing (headers over 16 KB, timeouts) in the error shape too.
    clientErrorHandler,
    // Bodies are validated without coercion, the URL's parts with it (platform/http/validation.ts).
    schemaController: { compilersFactory: { buildValidator: requestValidatorFactory() } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorResponse);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  const surface = guardRequestSurface(app);
  app.setNotFoundHandler((req, reply) => surface.notFound(req, reply));

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        mediaSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: ctx.config.mode === 'production' ? [] : null,
      },
    },
    hsts: ctx.config.mode === 'production',
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // Signalling messages are small (SDP, ICE candidates, chat); anything bigger is not ours.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  const tags = new Map<string, string>();
  for (const m of active) if (m.tag && !tags.has(m.tag.name)) tags.set(m.tag.name, m.tag.description);
  tags.set('platform', 'Health and metrics');
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sportello API', version: '1', description: 'Public and officer API of Sportello. Errors: JSON with a stable `code` and a human `message`.' },
      tags: [...tags].map(([name, description]) => ({ name, description })),
      components: { securitySchemes },
    },
    // Security, operationId and the answers every route may give (platform/http/openapi.ts).
    transform: documentRoute as never,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  // Everything under /api/v1/:tenant resolves the comune first; an unknown slug is a 404.
  const resolveTenant = tenantResolver(ctx);

  // Events of every node reach this node's subscribers: caches, live screens.
  for (const s of platformSubscribers(ctx, resolveTenant)) ctx.bus.subscribe(s);
  for (const m of active) for (const s of m.subscribers?.(ctx) ?? []) ctx.bus.subscribe(s);
  await ctx.bus.start();
  app.addHook('onClose', async () => ctx.bus.stop());

  app.get('/healthz', { schema: { tags: ['platform'], hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['platform'], hide: true } }, async (_req, reply) => {
    const listener = ctx.database.listenerState();
    try {
      await ping(ctx.db);
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.engine, listener });
    }
    // A node that cannot hear the others would miss video signalling and live screens' updates.
    if (listener === 'reconnecting' || listener === 'closed') return reply.status(503).send({ status: 'degraded', database: ctx.database.engine, listener });
    return { status: 'ready', database: ctx.database.engine, listener };
  });
  // Not public: a port of its own or a bearer token (platform/http/metrics.ts).
  registerMetricsRoute(app, ctx);
  ctx.metrics.probes.httpConnections = () => new Promise((resolve) => app.server.getConnections((err, n) => resolve(err ? 0 : n)));
  ctx.metrics.probes.webSockets = () => app.websocketServer?.clients.size ?? 0;

  app.get(
    '/api/v1/tenants',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The comuni served by this installation',
        response: { 200: Type.Object({ tenants: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })) }) },
      },
    },
    async () => ({ tenants: (await listTenants(ctx.db)).map((t) => ({ slug: t.slug, name: t.name })) }),
  );

  await app.register(async (tenantScoped) => {
    tenantScoped.addHook('preHandler', async (req) => {
      if ((req.params as { tenant?: string }).tenant !== undefined) await resolveTenant(req);
    });
    for (const m of active) if (m.tenantRoutes) await tenantScoped.register(withTag(m, m.tenantRoutes(ctx)));
  });
  for (const m of active) if (m.globalRoutes) await app.register(withTag(m, m.globalRoutes(ctx)));

  if (
    !(await registerWebClient(app, {
      devPages: ctx.config.mode !== 'production',
      notFound: surface.notFound,
      tenantExists: async (slug) => /^[a-z][a-z0-9-]{1,40}$/.test(slug) && Boolean(await findTenantBySlug(ctx.db, slug)),
    }))
  )
    ctx.log.warn('web/dist not found: run "npm run build:web" to serve the web client');

  return app;
}

/** A module's routes appear under the module's own section of the OpenAPI document. */
function withTag(m: SportelloModule, plugin: ReturnType<NonNullable<SportelloModule['tenantRoutes']>>) {
  return async (scope: FastifyInstance) => {
    if (m.tag) {
      const tag = m.tag.name;
      scope.addHook('onRoute', (route) => {
        if (route.schema && !route.schema.hide) route.schema = { ...route.schema, tags: [tag] };
      });
    }
    await scope.register(plugin);
  };
}
