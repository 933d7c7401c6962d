// Serves the built web client (web/dist): hashed assets with long caching, and index.html for
// every page path (/bari, /bari/prenota-appuntamento, …) and operatore.html for /{tenant}/operatore/… so the client router takes over.
// The build wrote .br and .gz copies of every text file (scripts/build.mjs): @fastify/static picks
// one by Accept-Encoding (Vary: Accept-Encoding) and sends the file itself to clients that take neither.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { citizenPageTenant } from '../../../contracts/citizen-pages.ts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appError, sendAppError } from './errors.ts';

// The project's root is the nearest folder with package.json above this file: the same answer from
// the sources (server/platform/http, run by tsx) and from the build (dist/server/platform/http).
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

// SPORTELLO_WEB_DIST serves a client built elsewhere (vite build --outDir …), e.g. to try a change
// without touching web/dist.
export const WEB_DIST = process.env.SPORTELLO_WEB_DIST ? path.resolve(process.env.SPORTELLO_WEB_DIST) : path.join(projectRoot(), 'web', 'dist');

// Vite names everything under assets/ by its content hash, so a cached copy can never be stale;
// anything else (the HTML entries) is revalidated on every use (ETag/Last-Modified make that a 304).
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export async function registerWebClient(
  app: FastifyInstance,
  opts: {
    devPages: boolean;
    notFound?: (req: FastifyRequest, reply: FastifyReply) => FastifyReply;
    /** Whether a comune has this slug: a citizen page of an unknown comune is a 404. */
    tenantExists?: (slug: string) => Promise<boolean>;
  },
): Promise<boolean> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The compressed copies are chosen by negotiation, never addressed by their own names.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders(reply, filePath) {
      const hashed = path.relative(WEB_DIST, filePath).startsWith(`assets${path.sep}`);
      reply.header('cache-control', hashed ? IMMUTABLE : REVALIDATE);
    },
  });
  // The officer console is its own entry page, so citizens never download its code.
  const operatorPage = fs.existsSync(path.join(WEB_DIST, 'operatore.html')) ? 'operatore.html' : 'index.html';
  return Boolean(
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const url = req.url.split('?')[0]!;
      // The development mailbox page does not exist in production, like its API.
      // The embedded test identity provider's paths are its own (absent in production): never the app.
      if (url.startsWith('/api/') || url.startsWith('/oidc-test') || path.extname(url) || (!opts.devPages && url.startsWith('/dev/'))) {
        // An API path known for another method is a 405, not a page.
        return opts.notFound ? opts.notFound(req, reply) : sendAppError(req, reply, appError('NOT_FOUND'));
      }
      // sendFile negotiates the compressed copy and sets the headers above, like any static file.
      if (/^\/[a-z][a-z0-9-]*\/operatore(\/|$)/.test(url)) return reply.sendFile(operatorPage);
      // The same page for an address that leads nowhere, with the status that says so: the client
      // shows "Pagina non trovata" with a search and the way home.
      const tenant = url.startsWith('/dev/') ? '' : citizenPageTenant(url);
      const found = tenant === '' || (tenant !== null && (await (opts.tenantExists?.(tenant) ?? true)));
      if (!found) reply.status(404);
      return reply.sendFile('index.html');
    }),
  );
}
