// Payments module: pagoPA debt positions for what the comune asks of citizens (desk fees, application
// fees), their payment notices, the checkout, receipts applied once, reconciliation and the officers'
// console; the local pagoPA simulator (AMBIENTE DI PROVA) is the default provider.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { SportelloModule } from '../../platform/module.ts';
import { syncPosition, publishPosition } from './sync.ts';
import { PUBLISH_JOB } from './create-position.ts';
import { SYNC_JOB } from './change-payment.ts';
import { adminPaymentRoutes } from './admin-routes.ts';
import { officerPaymentRoutes } from './officer-routes.ts';
import { reconcileAll, reconcileRecent } from './reconcile.ts';
import { citizenPaymentRoutes } from './routes.ts';
import { simulatorRoutes } from './simulator/sim-routes.ts';

export { createPosition, type NewPosition } from './create-position.ts';
export { applyReceipt, withdrawApplicationFee } from './change-payment.ts';
export { saveCreditor, findCreditor, type Creditor } from './creditor.ts';
export { simForeignReceipt, paySimCart } from './simulator/sim-checkout.ts';
export { reconcileAll, reconcileRecent } from './reconcile.ts';
export { gpdBodyById } from './sync.ts';
export { cartRequest } from './gpd-requests.ts';
export { PagoPaProvider, xmlField } from './pagopa/pagopa-provider.ts';
export { ProviderUnavailable } from './provider.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const paymentsModule: SportelloModule = {
  name: 'payments',
  tag: { name: 'payments', description: 'pagoPA payments: debt positions, notices, checkout, receipts, reconciliation' },
  tenantRoutes:
    (ctx: AppContext): FastifyPluginAsync =>
    async (app) => {
      await app.register(citizenPaymentRoutes(ctx));
      await app.register(officerPaymentRoutes(ctx));
      await app.register(adminPaymentRoutes(ctx));
    },
  globalRoutes: (ctx) => simulatorRoutes(ctx),
  jobs: (ctx) => ({
    [PUBLISH_JOB]: async (payload) => publishPosition(ctx, str(payload.tenantId), str(payload.positionId)),
    [SYNC_JOB]: async (payload) => syncPosition(ctx, str(payload.tenantId), str(payload.positionId), payload.op === 'invalidate' ? 'invalidate' : 'paid-elsewhere'),
  }),
  schedules: [
    { name: 'payments.reconcile-recent', everyMs: 60_000, run: reconcileRecent, logLevel: 'debug' },
    { name: 'payments.reconcile-all', everyMs: 3_600_000, run: reconcileAll },
  ],
};
export { applicationFee } from './application-fee.ts';
export { configureCreditor, CreditorFileError } from './configure.ts';

/** Where pagoPA's OpenAPI document `name` (gpd, gpd-receipts, checkout-carts) is kept: the tests validate requests against it. */
export const pagopaOpenApiDocument = (name: 'gpd' | 'gpd-receipts' | 'checkout-carts') => new URL(`./pagopa/openapi/${name}.json`, import.meta.url);
