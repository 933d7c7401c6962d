// Answers about the request itself rather than a route, in the app's error shape: 414 for a URL
// (or one of its segments) too long to be ours, 405 with Allow for a known path asked with another
// method (Fastify's router says 404 for both), 400 for a WebSocket upgrade of a route that is not a
// socket (@fastify/websocket would accept it and close it at once).

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A WebSocket route (set from the route's `websocket` option). */
    socket?: boolean;
  }
}
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';
import { errorMessages } from '../../../contracts/errors.ts';
import { appError, sendAppError } from './errors.ts';

/** Longer URLs are refused before routing; no URL of the API or the web client comes close. */
export const MAX_URL_LENGTH = 8 * 1024;
/** No path segment of ours (slugs, ids, tokens, file names) is longer. */
export const MAX_SEGMENT_LENGTH = 512;

/** Call before any route is registered: it watches them all. */
export function guardRequestSurface(app: FastifyInstance): { notFound: (req: FastifyRequest, reply: FastifyReply) => FastifyReply } {
  // A router of the API's own paths (not the web client's catch-all), to tell a wrong method from a wrong path.
  const known = FindMyWay({ ignoreTrailingSlash: false, maxParamLength: MAX_SEGMENT_LENGTH, defaultRoute: () => undefined });
  const methods = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.websocket || route.wsHandler) route.config = { ...route.config, socket: true };
    if (route.url.includes('*') || (!route.url.startsWith('/api/') && !route.url.startsWith('/healthz') && !route.url.startsWith('/readyz'))) return;
    for (const method of [route.method].flat()) {
      methods.add(method);
      if (!known.hasRoute(method as never, route.url)) known.on(method as never, route.url, () => undefined);
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.url.length > MAX_URL_LENGTH || path.split('/').some((segment) => segment.length > MAX_SEGMENT_LENGTH)) throw appError('URI_TOO_LONG');
    if (String(req.headers.upgrade ?? '').toLowerCase() === 'websocket' && !req.routeOptions.config?.socket) {
      // The connection is closed after the answer (it was offered for a socket): the client must not reuse it.
      reply.header('connection', 'close');
      // An upgrade's socket is not the HTTP server's any more: nothing else would close it.
      const socket = req.raw.socket;
      reply.raw.once('finish', () => socket?.end?.());
      throw appError('BAD_REQUEST');
    }
  });

  return {
    notFound(req, reply) {
      const path = req.url.split('?')[0]!;
      const allowed = [...methods].filter((m) => known.find(m as never, path)).sort();
      if (allowed.length > 0 && !allowed.includes(req.method)) {
        reply.header('allow', allowed.join(', '));
        return sendAppError(req, reply, appError('METHOD_NOT_ALLOWED', { params: { method: req.method } }));
      }
      return sendAppError(req, reply, appError('NOT_FOUND'));
    },
  };
}

/**
 * Fastify's clientErrorHandler: what Node refuses before Fastify sees a request (headers over Node's
 * 16 KB, which a URL over that size is too; a request that never finishes; bytes that are not
 * HTTP) is answered in the app's error shape as well. Italian first: no Accept-Language was read.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE' as const]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT' as const]
        : [400, 'BAD_REQUEST' as const];
  const { it, en } = errorMessages(code);
  const body = JSON.stringify({ code, message: it, messages: { it, en } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
