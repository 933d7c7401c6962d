// The simulator's checkout page API (AMBIENTE DI PROVA): the page (web/src/citizen/payments/
// SimulatorCheckout) reads a cart and runs a test card on it; the answer is the address pagoPA's
// checkout would send the citizen back to. Only carts the simulator opened exist here: a comune
// connected to pagoPA never creates one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses } from '../../../../contracts/common.ts';
import { SimCart, SimCartParams, SimPay, SimRedirect } from '../../../../contracts/payments.ts';
import type { AppContext } from '../../../platform/context.ts';
import { rateLimited } from '../../../platform/http/rate-limit.ts';
import { paySimCart, simCart } from './sim-checkout.ts';

export function simulatorRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/pagopa-simulator/carts/:cartId';
    app.get(
      base,
      {
        config: rateLimited(ctx.config, 'publicReads'),
        schema: {
          tags: ['payments'],
          summary: 'pagoPA simulator (AMBIENTE DI PROVA): a checkout cart as its page shows it',
          params: SimCartParams,
          response: { 200: SimCart, ...errorResponses },
        },
      },
      async (req) => simCart(ctx.db, req.params.cartId),
    );
    app.post(
      `${base}/pay`,
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['payments'],
          summary: 'pagoPA simulator: run a test card (paid, failed, cancelled, paid with a late receipt, paid with a duplicated receipt)',
          params: SimCartParams,
          body: SimPay,
          response: { 200: SimRedirect, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req) => ({ redirectUrl: await paySimCart(ctx.db, ctx.clock, req.params.cartId, req.body.outcome) }),
    );
  };
}
