// A real HTTP server on a free port with the built web client, on a fresh database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL), its clock fixed at the tests' Monday morning. The browser's
// clock is fixed to the same instant so "today" agrees on both sides.
import net from 'node:net';
import fs from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { ListenerTuning } from '../../server/platform/db/listener.ts';
import { WEB_DIST } from '../../server/platform/http/web-client.ts';
import { DEFAULT_NOW, startHarness, type Harness } from '../../test/support/harness.ts';

export interface Portal extends Harness {
  url: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** `sharedUrl`: join the database of another portal (a second server node); `env`: more settings. */
export async function startPortal(
  opts: { url?: string; sharedUrl?: string; now?: string; env?: Record<string, string>; listener?: Partial<ListenerTuning> } = {},
): Promise<Portal> {
  if (!fs.existsSync(`${WEB_DIST}/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` (npm test does it first)');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const h = await startHarness({ url: opts.url, sharedUrl: opts.sharedUrl, now: opts.now ?? DEFAULT_NOW, env: { PUBLIC_URL: url, ...opts.env }, listener: opts.listener });
  await h.app.listen({ port, host: '127.0.0.1' });
  return { ...h, url };
}

export async function fixBrowserClock(context: BrowserContext, now = DEFAULT_NOW): Promise<void> {
  await context.clock.setFixedTime(new Date(now));
}

/** A browser context as an Italian citizen's: Italian, in Rome's time zone, on the tests' fixed clock. */
export async function italianContext(browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', ...opts });
  context.setDefaultTimeout(10_000);
  await fixBrowserClock(context);
  return context;
}
