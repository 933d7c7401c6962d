// The official Modello Comuni checker (italia/pa-website-validator-ng, in the scope the assessment
// for PNRR measure 1.4.1 uses) against Bari and Bitonto: every criterion Sportello owns passes. Those
// that judge the deployment (certificate, domain, hosting, AgID's accessibility form) are printed but
// not asserted (README, "Deployment"). The checker drives its own Chromium through every kind of page.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { checkerAvailable, formatRows, runChecker } from '../scripts/modello-comuni.mjs';
import { browserSkipReason } from './support/browser.ts';
import { startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason() ?? (checkerAvailable() ? undefined : 'the Modello Comuni checker is not on this machine (MODELLO_COMUNI_CHECKER)');

describe('Modello Comuni conformity (official checker)', { skip }, () => {
  // One portal per comune: a second checker run against the same server now and then gets Lighthouse
  // traces without their navigation start.
  let portal: Portal | undefined;
  afterEach(async () => {
    await portal?.close();
    portal = undefined;
  });

  for (const comune of ['bari', 'bitonto']) {
    it(`passes every criterion Sportello owns on /${comune}`, { timeout: 15 * 60_000 }, async () => {
      portal = await startPortal();
      const { rows, report } = await runChecker(`${portal.url}/${comune}`);
      console.log(`# ${comune}\n${formatRows(rows)}`);
      const owned = rows.filter((r) => r.owned);
      assert.ok(owned.length >= 17, `${owned.length} criteria judged (report: ${report})`);
      const failed = owned.filter((r) => !r.pass);
      assert.deepEqual(failed, [], `report: ${report}`);
    });
  }
});
