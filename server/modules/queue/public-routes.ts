// The citizen side of the queue: an office's queues, taking a number, the ticket's live page and
// leaving the line, check-in of booked citizens (kiosk and phone), the display board, and the
// office's poster QR code. Tickets are read with their secret token; boards are public.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse } from '../../../contracts/common.ts';
import { BoardView, CheckInRequest, OfficeParams, OfficeQueueInfo, TicketCreated, TicketParams, TicketRequest, TicketTokenQuery, TicketView } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { qrPng, qrSvg } from '../../platform/qr.ts';
import { loadByToken } from '../booking/index.ts';
import { checkIn, findBookingForKiosk, type CheckedIn } from './check-in.ts';
import { officeNotFound, ticketNotFound } from './errors.ts';
import { leaveTicket } from './leave-ticket.ts';
import type { QueueLiveHub } from './live-hub.ts';
import { ticketWindowNow } from './opening.ts';
import { findTicketByToken, recentCalls } from './repository.ts';
import { loadTicketCreated, loadTicketView } from './ticket-lookup.ts';
import { takeTicket, type QueueTenant } from './take-ticket.ts';
import { boardView, officeQueueInfo } from './views.ts';
import { arrivalUrl } from '../booking/index.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const ManageParams = Type.Object({
  tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }),
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});
const CheckInResponse = Type.Object({ bookingId: Type.String(), ticket: Type.Union([TicketCreated, Type.Null()]) });

export function queuePublicRoutes(ctx: AppContext, hub: QueueLiveHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    const writeLimit = rateLimited(ctx.config, 'publicWrites');
    const readLimit = rateLimited(ctx.config, 'publicReads');
    const created = (tenant: QueueTenant, officeId: string, id: string, token: string) => loadTicketCreated(ctx, hub, tenant, officeId, id, token);

    async function checkedInResponse(tenant: QueueTenant, officeId: string, r: CheckedIn) {
      return { bookingId: r.bookingId, ticket: r.ticket ? await created(tenant, officeId, r.ticket.id, r.ticket.token) : null };
    }

    app.get(
      '/api/v1/:tenant/offices/:officeId/queue',
      {
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: "An office's queues: services, people waiting, estimated wait, whether numbers can be taken now",
          params: OfficeParams,
          response: { 200: OfficeQueueInfo, ...errorResponses },
        },
      },
      async (req) => {
        const snap = await hub.snapshot(req.tenant, req.params.officeId);
        if (!snap) throw officeNotFound();
        const window = await ticketWindowNow(
          ctx,
          req.tenant,
          snap.office,
          snap.queues.filter((q) => q.active).map((q) => q.id),
        );
        return officeQueueInfo(snap, window, ctx.config);
      },
    );

    app.post(
      '/api/v1/:tenant/offices/:officeId/tickets',
      {
        config: writeLimit,
        schema: {
          tags: ['queue'],
          summary: 'Take a number (web, the poster QR code, the kiosk)',
          params: OfficeParams,
          body: TicketRequest,
          response: { 201: TicketCreated, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { id, token } = await takeTicket(ctx, req.tenant, req.params.officeId, req.body);
        return reply.status(201).send(await created(req.tenant, req.params.officeId, id, token));
      },
    );

    app.get(
      '/api/v1/:tenant/tickets/:id',
      {
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: "The citizen's ticket: position, estimated wait, the desk once called",
          params: TicketParams,
          querystring: TicketTokenQuery,
          response: { 200: TicketView, ...errorResponses },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const t = await findTicketByToken(ctx.db, req.tenant.id, req.params.id, req.query.token);
        if (!t) throw ticketNotFound();
        return loadTicketView(ctx, hub, req.tenant, t.office_id, t.id, req.query.token);
      },
    );

    app.post(
      '/api/v1/:tenant/tickets/:id/leave',
      {
        config: writeLimit,
        schema: {
          tags: ['queue'],
          summary: 'Leave the line',
          params: TicketParams,
          querystring: TicketTokenQuery,
          response: { 200: TicketView, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req) => {
        const officeId = await leaveTicket(ctx, req.tenant, req.params.id, req.query.token);
        return loadTicketView(ctx, hub, req.tenant, officeId, req.params.id, req.query.token);
      },
    );

    app.get(
      '/api/v1/:tenant/tickets/:id/live',
      {
        websocket: true,
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: 'Live channel of a ticket (WebSocket): { type: "ticket", ticket } at every change',
          params: TicketParams,
          querystring: TicketTokenQuery,
        },
        preHandler: async (req) => {
          const { id } = req.params as { id: string };
          const { token } = req.query as { token: string };
          const t = await findTicketByToken(ctx.db, req.tenant.id, id, token);
          if (!t) throw ticketNotFound();
          (req as unknown as { ticketOffice: string }).ticketOffice = t.office_id;
        },
      },
      (socket, req) => {
        const { id } = req.params as { id: string };
        const { token } = req.query as { token: string };
        hub.attach(req.tenant, (req as unknown as { ticketOffice: string }).ticketOffice, { kind: 'ticket', socket, ticketId: id, token });
      },
    );

    app.get(
      '/api/v1/:tenant/offices/:officeId/board',
      {
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: 'The display board: latest calls (number → desk) and people waiting per queue',
          params: OfficeParams,
          response: { 200: BoardView, ...errorResponses },
        },
      },
      async (req) => {
        const snap = await hub.snapshot(req.tenant, req.params.officeId);
        if (!snap) throw officeNotFound();
        return boardView(snap, await recentCalls(ctx.db, snap.office.id, snap.day, 8));
      },
    );

    app.get(
      '/api/v1/:tenant/offices/:officeId/board/live',
      {
        websocket: true,
        config: readLimit,
        schema: { tags: ['queue'], summary: 'Live channel of the display board (WebSocket): { type: "board", board } at every call', params: OfficeParams },
        preHandler: async (req) => {
          const { officeId } = req.params as { officeId: string };
          const office = await ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', req.tenant.id).where('id', '=', officeId).executeTakeFirst();
          if (!office) throw officeNotFound();
        },
      },
      (socket, req) => {
        hub.attach(req.tenant, (req.params as { officeId: string }).officeId, { kind: 'board', socket });
      },
    );

    app.get(
      '/api/v1/:tenant/offices/:officeId/poster-qr.svg',
      {
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: "QR code of the office's take-a-number page, for the printed poster",
          params: OfficeParams,
          response: { 200: FileResponse('The QR code (SVG)', ['image/svg+xml'], Type.String()), ...errorResponses },
        },
      },
      async (req, reply) => {
        const office = await ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', req.tenant.id).where('id', '=', req.params.officeId).executeTakeFirst();
        if (!office) throw officeNotFound();
        const url = `${ctx.config.publicUrl}/${req.tenant.slug}/uffici/${office.id}/coda?origine=qr`;
        return reply
          .type('image/svg+xml')
          .header('cache-control', 'public, max-age=3600')
          .send(await qrSvg(url));
      },
    );

    app.post(
      '/api/v1/:tenant/offices/:officeId/check-in',
      {
        config: writeLimit,
        schema: {
          tags: ['queue'],
          summary: "Kiosk check-in of a booked citizen: the booking reference, or the confirmation email's QR code",
          params: OfficeParams,
          body: CheckInRequest,
          response: { 201: CheckInResponse, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { booking, byToken } = await findBookingForKiosk(ctx, req.tenant.id, req.params.officeId, req.body);
        return reply.status(201).send(await checkedInResponse(req.tenant, booking.office_id, await checkIn(ctx, booking, 'kiosk', byToken)));
      },
    );

    app.post(
      '/api/v1/:tenant/bookings/manage/:token/check-in',
      {
        config: writeLimit,
        schema: {
          tags: ['queue'],
          summary: '"I have arrived": check-in from the phone, from an hour before the appointment',
          params: ManageParams,
          response: { 201: CheckInResponse, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const booking = await loadByToken(ctx, req.tenant, req.params.token);
        return reply.status(201).send(await checkedInResponse(req.tenant, booking.office_id, await checkIn(ctx, booking, 'citizen')));
      },
    );

    app.get(
      '/api/v1/:tenant/bookings/manage/:token/arrival-qr.png',
      {
        config: readLimit,
        schema: {
          tags: ['queue'],
          summary: 'The QR code to show at the kiosk on arrival (PNG)',
          params: ManageParams,
          response: { 200: FileResponse('The QR code (PNG)', ['image/png']), ...errorResponses },
        },
      },
      async (req, reply) => {
        await loadByToken(ctx, req.tenant, req.params.token);
        return reply
          .type('image/png')
          .header('cache-control', 'no-store')
          .send(await qrPng(arrivalUrl(ctx.config, req.tenant.slug, req.params.token)));
      },
    );
  };
}
