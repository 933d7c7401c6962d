// Builds the Fastify application: platform plugins first (security headers, cookies, rate limits,
// OpenAPI, health and metrics), then each module's routes.
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { adminRoutes } from './modules/admin/routes.ts';
import { agendaRoutes } from './modules/agenda/routes.ts';
import { bookingRoutes } from './modules/booking/routes.ts';
import { sessionRoutes } from './modules/operators/session-routes.ts';
import { officerRoutes } from './modules/operators/officer-routes.ts';
import { profileRoutes } from './modules/operators/profile-routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { devMailRoutes } from './modules/devmail/routes.ts';
import { catalogueRoutes } from './modules/scheduling/catalogue-routes.ts';
import { videoOperatorRoutes } from './modules/video/operator-routes.ts';
import { videoRoutes } from './modules/video/routes.ts';
import { SignallingHub } from './modules/video/signalling-hub.ts';
import { QueueLiveHub } from './modules/queue/live-hub.ts';
import { queueOperatorRoutes } from './modules/queue/operator-routes.ts';
import { queuePublicRoutes } from './modules/queue/public-routes.ts';
import { areaRoutes } from './modules/identity/area-routes.ts';
import { authRoutes } from './modules/identity/auth-routes.ts';
import { privacyRoutes } from './modules/identity/privacy.ts';
import { providerAdminRoutes } from './modules/identity/provider-admin-routes.ts';
import { registerTestProvider } from './modules/identity/test-provider/routes.ts';
import { registerWebClient } from './modules/web/static.ts';
import { EVENTS_CHANNEL } from './platform/events.ts';
import { listTenants } from './modules/tenants/repository.ts';
import { tenantResolver } from './modules/tenants/resolve.ts';
import { Type } from 'typebox';
import type { AppContext } from './platform/context.ts';
import { ping } from './platform/db/database.ts';
import { sendError } from './platform/http/errors.ts';
import { ErrorResponse } from '../contracts/common.ts';

/** TRUST_PROXY as a hop count: believe that many proxies in front (X-Forwarded-For, right to left). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  // pino's Logger and Fastify's base logger type differ only in typing; the instance is the same.
  // Its request serializer (platform/logging.ts) keeps manage tokens out of the request logs.
  const loggerInstance = ctx.log as unknown as FastifyBaseLogger;
  const app = Fastify({
    loggerInstance,
    trustProxy: typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorResponse);
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: 'Pagina non trovata.', messages: { it: 'Pagina non trovata.', en: 'Not found.' } }));

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

  await app.register(swagger, {
    openapi: {
      info: { title: 'Sportello API', version: '1', description: 'Public and officer API of Sportello. Errors: JSON with a stable `code` and a human `message`.' },
      tags: [
        { name: 'catalogue', description: 'Offices and services' },
        { name: 'booking', description: 'Availability, holds and bookings' },
        { name: 'operator', description: 'Officer console' },
        { name: 'admin', description: 'Configuration of offices, services and desks' },
        { name: 'video', description: 'Video rooms: view, signalling, documents' },
        { name: 'queue', description: 'Virtual queue: tickets, check-in, display board, desks, statistics' },
        { name: 'identity', description: 'Citizens: SPID/CIE login and the personal area (Scrivania virtuale)' },
        { name: 'platform', description: 'Health and metrics' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    ctx.metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  // Any write may change availability: drop cached reads before the writer sees its answer. Writes
  // on other nodes arrive as domain events (NOTIFY at their commit).
  app.addHook('onSend', async (req, _reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') ctx.readCache.clear();
    return payload;
  });
  const unlisten = await ctx.database.listen(EVENTS_CHANNEL, () => ctx.readCache.clear()).catch(() => undefined);
  app.addHook('onClose', async () => {
    await unlisten?.().catch(() => undefined);
  });

  const hub = new SignallingHub(ctx);
  await hub.start();
  app.addHook('onClose', async () => hub.stop());
  const queueHub = new QueueLiveHub(ctx);
  await queueHub.start();
  app.addHook('onClose', async () => queueHub.stop());
  // Configuration and desk sign-ins change what the queue screens show: this node reads offices'
  // set-ups again at once (other nodes are told by the queue's notice, or see it within seconds).

  app.get('/healthz', { schema: { tags: ['platform'], hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['platform'], hide: true } }, async (_req, reply) => {
    try {
      await ping(ctx.db);
      return { status: 'ready', database: ctx.database.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: ctx.database.engine });
    }
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => reply.type('text/plain; version=0.0.4').send(ctx.metrics.render()));

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

  // Everything under /api/v1/:tenant resolves the comune first; an unknown slug is a 404.
  const resolveTenant = tenantResolver(ctx);
  // Configuration and desk sign-ins change what the queue screens show and what a comune accepts:
  // this node reads them again at once (other nodes hear the queue's notice, or see it in seconds).
  app.addHook('onSend', async (req, _reply, payload) => {
    if (req.method !== 'GET' && /\/operator\/(admin\/|desks\/[^/]+\/session)/.test(req.url)) {
      queueHub.forgetSetups();
      resolveTenant.forget();
    }
    return payload;
  });
  await app.register(async (tenantScoped) => {
    tenantScoped.addHook('preHandler', async (req) => {
      if ((req.params as { tenant?: string }).tenant !== undefined) await resolveTenant(req);
    });
    await tenantScoped.register(catalogueRoutes(ctx));
    await tenantScoped.register(bookingRoutes(ctx));
    await tenantScoped.register(sessionRoutes(ctx));
    await tenantScoped.register(profileRoutes(ctx));
    await tenantScoped.register(officerRoutes(ctx));
    await tenantScoped.register(auditRoutes(ctx));
    await tenantScoped.register(agendaRoutes(ctx));
    await tenantScoped.register(adminRoutes(ctx));
    await tenantScoped.register(videoRoutes(ctx, hub));
    await tenantScoped.register(videoOperatorRoutes(ctx));
    await tenantScoped.register(queuePublicRoutes(ctx, queueHub));
    await tenantScoped.register(queueOperatorRoutes(ctx, queueHub));
    await tenantScoped.register(authRoutes(ctx));
    await tenantScoped.register(areaRoutes(ctx));
    await tenantScoped.register(privacyRoutes(ctx));
    await tenantScoped.register(providerAdminRoutes(ctx));
  });

  // Test identities for SPID/CIE login where no gateway is configured; never in production.
  if (ctx.config.mode !== 'production') await registerTestProvider(app, ctx);

  // The development mailbox shows every email; production sends them and never exposes them.
  if (ctx.config.mode !== 'production') await app.register(devMailRoutes(ctx));

  if (!(await registerWebClient(app, { devPages: ctx.config.mode !== 'production' }))) ctx.log.warn('web/dist not found: run "npm run build:web" to serve the web client');

  return app;
}
