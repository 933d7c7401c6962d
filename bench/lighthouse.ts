// Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated) on the pages citizens judge
// Sportello by: the comune's home, the services list, a service card, the booking's start (and with
// the service already chosen, where the calendar loads), the personal area's login, the FAQ. Its
// performance and accessibility scores, and the metrics behind them. Run once per page on the
// built web client (npm run build:web) with the system Chromium; the database engine does not matter
// to these pages' loading, so PostgreSQL skips it.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { WEB_DIST } from '../server/platform/http/web-client.ts';
import { findChromium } from '../e2e/support/browser.ts';
import type { Harness } from '../test/support/harness.ts';
import type { Row } from './stats.ts';

const PAGES: Array<[string, string]> = [
  ['home', '/bari'],
  ['services', '/bari/servizi'],
  ['service card', '/bari/servizi/carta-di-identita-elettronica'],
  ['booking step 1', '/bari/prenota-appuntamento'],
  ['booking, service chosen', '/bari/prenota-appuntamento?servizio=cie'],
  ['personal area login', '/bari/accedi'],
  ['FAQ', '/bari/faq'],
];

export async function lighthousePages(h: Harness): Promise<Row[]> {
  if (h.ctx.config.databaseUrl) return [];
  if (!fs.existsSync(`${WEB_DIST}/index.html`)) return [{ figure: 'lighthouse', value: 'web/dist missing: run npm run build:web', goal: 'runs', met: false }];
  const chromePath = findChromium();
  if (!chromePath) return [{ figure: 'lighthouse', value: 'no Chromium (CHROMIUM_PATH)', goal: 'runs', met: false }];
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}`;
  // The CIE service's id, for the booking page that opens on the calendar.
  const cie = await h.ctx.db
    .selectFrom('services')
    .innerJoin('tenants', 'tenants.id', 'services.tenant_id')
    .select('services.id')
    .where('tenants.slug', '=', 'bari')
    .where('services.name', 'like', 'Carta%')
    .executeTakeFirst();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'] });
  const rows: Row[] = [];
  try {
    for (const [name, path] of PAGES) {
      const url = base + path.replace('servizio=cie', `servizio=${cie?.id ?? ''}`);
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const lhr = result?.lhr;
      if (!lhr) {
        rows.push({ figure: `lighthouse ${name}`, value: 'no result', goal: 'runs', met: false });
        continue;
      }
      const perf = Math.round((lhr.categories.performance?.score ?? 0) * 100);
      const a11y = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const kb = Math.round(audit('total-byte-weight') / 1024);
      rows.push({ figure: `lighthouse ${name}: performance`, value: String(perf), goal: '≥ 90', met: perf >= 90 });
      rows.push({ figure: `lighthouse ${name}: accessibility`, value: String(a11y), goal: '100', met: a11y === 100 });
      rows.push({
        figure: `lighthouse ${name}: FCP / LCP / TBT / CLS / bytes`,
        value: `${(audit('first-contentful-paint') / 1000).toFixed(1)} s / ${(audit('largest-contentful-paint') / 1000).toFixed(1)} s / ${Math.round(audit('total-blocking-time'))} ms / ${audit('cumulative-layout-shift').toFixed(3)} / ${kb} KB`,
        goal: 'CLS ≤ 0.1',
        met: audit('cumulative-layout-shift') <= 0.1,
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}
