// Where /metrics is served. The figures tell traffic, backlog and load of the whole installation, so
// they are never public:
// - METRICS_PORT: a listener of its own on METRICS_HOST (127.0.0.1 by default), on every role (a
//   worker-only node has its job counters too); the main port does not serve /metrics then, unless
// - METRICS_TOKEN: `Authorization: Bearer <token>` is required wherever /metrics is served (on the
//   main port, and on the metrics port too when both are set); a wrong or missing one gets 401;
// - neither: off in production (404), open to loopback clients only in demo and test modes.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { appError, sendError } from './errors.ts';

type Access = 'token' | 'loopback' | 'open';

/** How the main port serves /metrics, or null when it does not. */
function mainPortAccess(ctx: AppContext): Access | null {
  if (ctx.config.metrics.token) return 'token';
  if (ctx.config.metrics.port !== undefined || ctx.config.mode === 'production') return null;
  return 'loopback';
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return timingSafeEqual(digest(m?.[1] ?? ''), digest(token)) && m !== null;
}

const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');

function metricsHandler(ctx: AppContext, access: Access) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (access === 'token' && !tokenMatches(req.headers.authorization, ctx.config.metrics.token!)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw appError('METRICS_UNAUTHORIZED');
    }
    // req.ip is the client behind a trusted proxy (TRUST_PROXY), not the proxy on this host.
    if (access === 'loopback' && !isLoopback(req.ip)) {
      throw appError('METRICS_LOOPBACK_ONLY');
    }
    return reply
      .header('cache-control', 'no-store')
      .type(ctx.metrics.contentType)
      .send(await ctx.metrics.render());
  };
}

/** The main port's /metrics: the figures when the configuration serves them there, else a plain 404 (never the web client's page). */
export function registerMetricsRoute(app: FastifyInstance, ctx: AppContext): void {
  const access = mainPortAccess(ctx);
  app.get('/metrics', { schema: { hide: true } }, access ? metricsHandler(ctx, access) : async (_req, reply) => reply.callNotFound());
}

/** The listener of its own (METRICS_PORT); returns its port and how to close it. */
export async function startMetricsServer(ctx: AppContext): Promise<{ port: number; close: () => Promise<void> }> {
  const { port, host, token } = ctx.config.metrics;
  if (port === undefined) throw new Error('METRICS_PORT is not set');
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, req, reply) => sendError(req, reply, err));
  app.setNotFoundHandler((_req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: 'Pagina non trovata.', messages: { it: 'Pagina non trovata.', en: 'Not found.' } }));
  app.get('/metrics', metricsHandler(ctx, token ? 'token' : 'open'));
  await app.listen({ port, host });
  const address = app.server.address();
  return { port: typeof address === 'object' && address ? address.port : port, close: () => app.close() };
}
