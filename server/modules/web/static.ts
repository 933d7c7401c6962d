// Serves the built web client (web/dist): hashed assets with long caching, and index.html for
// every page path (/bari, /bari/prenota-appuntamento, …) and operatore.html for /{tenant}/operatore/… so the client router takes over.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// SPORTELLO_WEB_DIST serves a client built elsewhere (vite build --outDir …), e.g. to try a change
// without touching web/dist.
export const WEB_DIST = process.env.SPORTELLO_WEB_DIST
  ? path.resolve(process.env.SPORTELLO_WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function registerWebClient(app: FastifyInstance, opts: { devPages: boolean }): Promise<boolean> {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const html = fs.readFileSync(index);
  // The officer console is its own entry page, so citizens never download its code.
  const operatorFile = path.join(WEB_DIST, 'operatore.html');
  const operatorHtml = fs.existsSync(operatorFile) ? fs.readFileSync(operatorFile) : html;
  return Boolean(
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const url = req.url.split('?')[0]!;
      // The development mailbox page does not exist in production, like its API.
      // The embedded test identity provider's paths are its own (absent in production): never the app.
      if (url.startsWith('/api/') || url.startsWith('/oidc-test') || path.extname(url) || (!opts.devPages && url.startsWith('/dev/'))) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'Pagina non trovata.', messages: { it: 'Pagina non trovata.', en: 'Not found.' } });
      }
      const page = /^\/[a-z][a-z0-9-]*\/operatore(\/|$)/.test(url) ? operatorHtml : html;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
    }),
  );
}
