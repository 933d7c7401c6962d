// The console's payments: create a position for a citizen (a fee for a service done at the desk),
// the comune's list with filters and CSV, a position with its receipts and history, its notice and
// receipt, "segna come pagato", cancel, and the receipts that need an admin's eye.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import {
  AnomalyParams,
  CancelPayment,
  MarkPaid,
  OfficerPaymentDetail,
  OfficerPaymentList,
  OfficerPaymentQuery,
  PaymentAnomalies,
  PaymentCreate,
  PaymentCreated,
  PaymentParams,
  PaymentSettingsView,
  ReviewAnomaly,
} from '../../../contracts/payments.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvDocument } from '../../platform/csv.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { isValidDate, localDate } from '../../platform/time/zoned-time.ts';
import { anomalies, paymentHistory, receiptsOfPosition, reviewAnomaly } from './anomalies.ts';
import { cancelPosition, markPaid } from './change-payment.ts';
import { createPosition } from './create-position.ts';
import { findCreditor } from './creditor.ts';
import { noticeFileName, noticePdf, receiptFileName, receiptPdf } from './documents.ts';
import { STATE_WORDS } from './domain/lifecycle.ts';
import { findPosition, officerPositions } from './repository.ts';
import { sendPdf } from './routes.ts';
import { officerBase, toOfficerPayment } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const PAGE_SIZE = 50;
const CSV_MAX_ROWS = 10_000;
const notFound = () => appError('NOT_FOUND', { variant: 'payment' });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' })) });

/** The list's date filters, checked as calendar days (the schema only checks their shape). */
function checkDates(q: { from?: string | undefined; to?: string | undefined }): void {
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (v !== undefined && !isValidDate(v)) throw invalidField(field, 'data non valida');
  }
}

export function officerPaymentRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/payments';

    const detail = async (tenantId: string, slug: string, id: string) => {
      const [p, creditor] = await Promise.all([findPosition(ctx.db, tenantId, id), findCreditor(ctx.db, tenantId)]);
      if (!p) throw notFound();
      const by = p.created_by ? await ctx.db.selectFrom('operators').select('display_name').where('id', '=', p.created_by).executeTakeFirst() : undefined;
      return {
        payment: toOfficerPayment(p, creditor, officerBase(slug), by?.display_name ?? null),
        receipts: await receiptsOfPosition(ctx.db, p),
        history: await paymentHistory(ctx.db, tenantId, p.id),
      };
    };

    app.get(
      `${base}/settings`,
      {
        schema: {
          tags: ['payments'],
          summary: 'Whether the comune collects with pagoPA, through which provider, and its kinds of income',
          params: TenantParams,
          response: { 200: PaymentSettingsView, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const c = await findCreditor(ctx.db, req.tenant.id);
        return { configured: c !== null, provider: c?.provider ?? null, kinds: (c?.kinds ?? []).map((k) => ({ code: k.code, label: k.label })) };
      },
    );

    app.post(
      base,
      {
        schema: {
          tags: ['payments'],
          summary: 'Create a debt position for a citizen (a fee for a service at the desk); send an Idempotency-Key so a double click makes one',
          params: TenantParams,
          headers: IdempotencyHeaders,
          body: PaymentCreate,
          response: { 201: PaymentCreated, 200: PaymentCreated, 409: ErrorResponse, 422: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const { position, created } = await createPosition(ctx, req.tenant, {
          debtor: b.debtor,
          amountCents: b.amountCents,
          description: b.description,
          dueOn: b.dueDate,
          kind: b.kind,
          origin: 'desk',
          instalments: b.instalments,
          idempotencyKey: req.headers['idempotency-key'],
          createdBy: req.operator.id,
        });
        const p = (await findPosition(ctx.db, req.tenant.id, position.id))!;
        const first = p.options[0]!;
        return reply
          .code(created ? 201 : 200)
          .send({ id: p.id, nav: first.nav, iuv: first.iuv, amountCents: p.amount_cents, status: p.status, noticeUrl: `${officerBase(req.tenant.slug)}/${p.id}/notice.pdf` });
      },
    );

    app.get(
      base,
      {
        schema: {
          tags: ['payments'],
          summary: "The comune's positions, newest first: by state, kind, creation dates, or a fiscal code, name, notice number, IUV or description",
          params: TenantParams,
          querystring: OfficerPaymentQuery,
          response: { 200: OfficerPaymentList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        checkDates(req.query);
        const page = req.query.page ?? 1;
        const [{ rows, total }, creditor] = await Promise.all([
          officerPositions(ctx.db, req.tenant.id, req.query, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
          findCreditor(ctx.db, req.tenant.id),
        ]);
        return { payments: rows.map((p) => toOfficerPayment(p, creditor, officerBase(req.tenant.slug), null)), total, page, pageSize: PAGE_SIZE };
      },
    );

    app.get(
      `${base}.csv`,
      {
        schema: {
          tags: ['payments'],
          summary: 'The positions the filters find, as CSV (at most 10,000); the export is audited',
          params: TenantParams,
          querystring: Type.Omit(OfficerPaymentQuery, ['page']),
          response: { 200: FileResponse('Positions (CSV)', ['text/csv'], Type.String()), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        checkDates(req.query);
        const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        const [{ rows, total }, creditor] = await Promise.all([
          officerPositions(ctx.db, req.tenant.id, req.query, { offset: 0, limit: CSV_MAX_ROWS }),
          findCreditor(ctx.db, req.tenant.id),
        ]);
        await ctx.bus.record(ctx.db, {
          tenantId: req.tenant.id,
          actor: { type: 'operator', id: req.operator.id },
          action: 'payment.list-exported',
          details: { filters: req.query, rows: rows.length, total },
        });
        const csv = csvDocument(
          ['Codice avviso', 'IUV', 'Creata il', 'Debitore', 'Codice fiscale', 'Causale', 'Tipo', 'Importo (euro)', 'Scadenza', 'Stato', 'Pagata il', 'Canale'],
          rows.map((p) => {
            const v = toOfficerPayment(p, creditor, '', null);
            return [
              v.nav,
              v.iuv,
              v.createdAt.slice(0, 10),
              v.debtor.name,
              v.debtor.fiscalCode,
              v.description,
              v.kindLabel,
              (v.amountCents / 100).toFixed(2).replace('.', ','),
              v.dueOn,
              STATE_WORDS[v.status].it,
              v.paidAt?.slice(0, 10) ?? '',
              v.paidVia === 'offline' ? 'ufficio' : (v.paidVia ?? ''),
            ];
          }),
        );
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="pagamenti-${today}.csv"`).send(csv);
      },
    );

    app.get(
      `${base}/anomalies`,
      {
        schema: {
          tags: ['payments'],
          summary: 'Receipts that did not simply pay a notice (unknown notice, paid twice, amount differs, position cancelled), not yet reviewed',
          params: TenantParams,
          response: { 200: PaymentAnomalies, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ anomalies: await anomalies(ctx.db, req.tenant.id) }),
    );
    app.post(
      `${base}/anomalies/:receiptId/review`,
      {
        schema: {
          tags: ['payments'],
          summary: 'An admin records what was done about an anomalous receipt (a refund, a manual match); audited',
          params: AnomalyParams,
          body: ReviewAnomaly,
          response: { 204: Type.Null(), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        await reviewAnomaly(ctx, req.tenant.id, req.operator, req.params.receiptId, req.body.note);
        return reply.code(204).send(null);
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['payments'],
          summary: 'A position with its notices, receipts and history',
          params: PaymentParams,
          response: { 200: OfficerPaymentDetail, ...authErrors, ...errorResponses },
        },
      },
      async (req) => detail(req.tenant.id, req.tenant.slug, req.params.id),
    );
    app.get(
      `${base}/:id/notice.pdf`,
      {
        schema: {
          tags: ['payments'],
          summary: 'The payment notice as PDF',
          params: PaymentParams,
          response: { 200: FileResponse('The notice', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const [p, creditor] = await Promise.all([findPosition(ctx.db, req.tenant.id, req.params.id), findCreditor(ctx.db, req.tenant.id)]);
        if (!p || !creditor) throw notFound();
        return sendPdf(reply, await noticePdf(p, creditor, ctx.clock.now()), noticeFileName(p));
      },
    );
    app.get(
      `${base}/:id/receipt.pdf`,
      {
        schema: {
          tags: ['payments'],
          summary: 'The receipt as PDF (404 while nothing is paid)',
          params: PaymentParams,
          response: { 200: FileResponse('The receipt', ['application/pdf']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const [p, creditor] = await Promise.all([findPosition(ctx.db, req.tenant.id, req.params.id), findCreditor(ctx.db, req.tenant.id)]);
        const pdf = p && creditor ? await receiptPdf(ctx.db, p, creditor, ctx.clock.now()) : null;
        if (!p || !pdf) throw notFound();
        return sendPdf(reply, pdf, receiptFileName(p));
      },
    );
    app.post(
      `${base}/:id/mark-paid`,
      {
        schema: {
          tags: ['payments'],
          summary: '"Segna come pagato": the citizen paid outside the online flow (bank, post office, tabaccheria); audited, told to pagoPA',
          params: PaymentParams,
          body: MarkPaid,
          response: { 200: OfficerPaymentDetail, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await markPaid(ctx, req.tenant, req.operator, req.params.id, req.body);
        return detail(req.tenant.id, req.tenant.slug, req.params.id);
      },
    );
    app.post(
      `${base}/:id/cancel`,
      {
        schema: {
          tags: ['payments'],
          summary: 'Cancel a position with a reason: its notices can no longer be paid; the citizen is told',
          params: PaymentParams,
          body: CancelPayment,
          response: { 200: OfficerPaymentDetail, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await cancelPosition(ctx, req.tenant, req.operator, req.params.id, req.body.reason);
        return detail(req.tenant.id, req.tenant.slug, req.params.id);
      },
    );
  };
}
