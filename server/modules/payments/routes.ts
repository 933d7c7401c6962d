// The citizen's payments over HTTP: "Pagamenti" in the personal area (every position whose debtor is
// the logged-in citizen), the notice and receipt PDFs, the checkout (up to five at once) and the way
// back from it. Another citizen's position answers 404, like one that does not exist.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import { CheckoutCreated, CheckoutParams, CheckoutRequest, CheckoutReturn, CheckoutView, PaymentList, PaymentParams } from '../../../contracts/payments.ts';
import { citizenOnly } from '../../platform/citizens/auth.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { checkoutStatus, startCheckout } from './checkout.ts';
import { type Creditor, findCreditor } from './creditor.ts';
import { noticeFileName, noticePdf, receiptFileName, receiptPdf } from './documents.ts';
import { citizenPositions, findPosition, type PositionWithOptions } from './repository.ts';
import { citizenBase, toPayment } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const notFound = () => appError('NOT_FOUND', { variant: 'payment' });

export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): FastifyReply {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').send(pdf);
}

async function ownPosition(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal, id: string): Promise<{ p: PositionWithOptions; creditor: Creditor }> {
  const [p, creditor] = await Promise.all([findPosition(ctx.db, tenant.id, id), findCreditor(ctx.db, tenant.id)]);
  if (!p || !creditor || p.debtor_fiscal_code !== citizen.citizen.fiscal_code) throw notFound();
  return { p, creditor };
}

export function citizenPaymentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    citizenOnly(app, ctx);
    const base = '/api/v1/:tenant/me/payments';

    app.get(
      base,
      {
        schema: {
          tags: ['payments'],
          summary: "The logged-in citizen's pagoPA positions: to pay, paid, overdue, cancelled (newest first)",
          params: TenantParams,
          response: { 200: PaymentList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const creditor = await findCreditor(ctx.db, req.tenant.id);
        const rows = await citizenPositions(ctx.db, req.tenant.id, req.citizen!.citizen.fiscal_code);
        return { payments: rows.map((p) => toPayment(p, creditor, citizenBase(req.tenant.slug))), simulator: creditor?.provider === 'simulator' };
      },
    );

    app.get(
      `${base}/:id/notice.pdf`,
      {
        schema: {
          tags: ['payments'],
          summary: 'The payment notice (avviso di pagamento pagoPA) as PDF, with its QR codes',
          params: PaymentParams,
          response: { 200: FileResponse('The notice', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { p, creditor } = await ownPosition(ctx, req.tenant, req.citizen!, req.params.id);
        return sendPdf(reply, await noticePdf(p, creditor, ctx.clock.now()), noticeFileName(p));
      },
    );

    app.get(
      `${base}/:id/receipt.pdf`,
      {
        schema: {
          tags: ['payments'],
          summary: 'The receipt of a paid position as PDF (404 while nothing is paid)',
          params: PaymentParams,
          response: { 200: FileResponse('The receipt', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { p, creditor } = await ownPosition(ctx, req.tenant, req.citizen!, req.params.id);
        const pdf = await receiptPdf(ctx.db, p, creditor, ctx.clock.now());
        if (!pdf) throw notFound();
        return sendPdf(reply, pdf, receiptFileName(p));
      },
    );

    app.post(
      `${base}/checkout`,
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['payments'],
          summary: 'Pay up to five positions with pagoPA: opens a Checkout cart and returns the page to go to',
          params: TenantParams,
          body: CheckoutRequest,
          response: { 201: CheckoutCreated, 409: ErrorResponse, 503: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const created = await startCheckout(ctx, req.tenant, req.citizen!, req.body.paymentIds);
        return reply.code(201).send(created);
      },
    );

    const view = async (tenant: Tenant, citizen: CitizenPrincipal, id: string, outcome?: 'ok' | 'cancelled' | 'error') => {
      const [{ state, positions }, creditor] = await Promise.all([checkoutStatus(ctx, tenant, citizen, id, outcome), findCreditor(ctx.db, tenant.id)]);
      return { id, state, payments: positions.map((p) => toPayment(p, creditor, citizenBase(tenant.slug))) };
    };
    app.get(
      `${base}/checkouts/:checkoutId`,
      {
        config: rateLimited(ctx.config, 'publicReads'),
        schema: {
          tags: ['payments'],
          summary: 'Where a checkout stands (paid, waiting for the receipt, cancelled, failed); asks pagoPA for receipts while waiting',
          params: CheckoutParams,
          response: { 200: CheckoutView, ...authErrors, ...errorResponses },
        },
      },
      async (req) => view(req.tenant, req.citizen!, req.params.checkoutId),
    );
    app.post(
      `${base}/checkouts/:checkoutId/return`,
      {
        config: rateLimited(ctx.config, 'publicWrites'),
        schema: {
          tags: ['payments'],
          summary: 'The citizen is back from the checkout with this outcome (from the return address)',
          params: CheckoutParams,
          body: CheckoutReturn,
          response: { 200: CheckoutView, ...authErrors, ...errorResponses },
        },
      },
      async (req) => view(req.tenant, req.citizen!, req.params.checkoutId, req.body.outcome),
    );
  };
}
