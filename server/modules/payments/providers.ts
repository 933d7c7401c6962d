// Which provider carries a comune's positions: the simulator unless its creditor row says pagoPA.
import type { AppContext } from '../../platform/context.ts';
import type { Creditor } from './creditor.ts';
import { PAGOPA_DEFAULT_ENDPOINTS, PagoPaProvider } from './pagopa/pagopa-provider.ts';
import type { PaymentProvider } from './provider.ts';
import { SimulatorProvider } from './simulator/sim-provider.ts';

export function providerFor(ctx: AppContext, creditor: Creditor): PaymentProvider {
  if (creditor.provider === 'simulator') return new SimulatorProvider(ctx.db, ctx.clock, creditor.fiscalCode, ctx.config.publicUrl);
  const c = creditor.providerConfig;
  return new PagoPaProvider({
    organization: creditor.fiscalCode,
    endpoints: {
      gpdUrl: c.gpdUrl ?? PAGOPA_DEFAULT_ENDPOINTS.gpdUrl,
      receiptsUrl: c.receiptsUrl ?? PAGOPA_DEFAULT_ENDPOINTS.receiptsUrl,
      checkoutUrl: c.checkoutUrl ?? PAGOPA_DEFAULT_ENDPOINTS.checkoutUrl,
    },
    keys: { gpd: ctx.config.pagopaKeys[`${creditor.fiscalCode}/gpd`], receipts: ctx.config.pagopaKeys[`${creditor.fiscalCode}/receipts`] },
  });
}
