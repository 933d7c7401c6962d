// The officer's agenda: bookings per office and desk, the booking detail with its history, the desk
// actions and bookings made on a citizen's behalf (phone bookings).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { BookingCreated, SlotTakenResponse } from '../../../contracts/booking.ts';
import { ErrorResponse, errorResponses, TenantParams, Uuid } from '../../../contracts/common.ts';
import {
  AgendaQuery,
  AgendaResponse,
  AgendaBooking,
  BookingDetail,
  NoteRequest,
  OperatorCancelRequest,
  OperatorOfficeList,
  PhoneBookingRequest,
} from '../../../contracts/operator.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { listOperatorOffices } from '../admin/index.ts';
import {
  applyOfficerAction,
  type BookingChange,
  createBooking,
  listBookingViews,
  loadVisibleBooking,
  type OfficerAction,
  serviceNotFound,
  validateRange,
} from '../booking/index.ts';
import { createCheckInTicket } from '../queue/index.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import { findService } from '../scheduling/index.ts';
import { addDays, localToInstant } from '../../platform/time/zoned-time.ts';
import { listBookingFiles, toRoomFile } from '../documents/index.ts';
import { citizensWaiting } from '../video/index.ts';
import { toAgendaBooking } from './mappers.ts';

function officerChange(name: OfficerAction, payload: { note?: string; reason?: string }): Exclude<BookingChange, { action: 'reschedule' }> {
  switch (name) {
    case 'check-in':
      return { action: 'check-in', via: 'desk' };
    case 'done':
      return { action: 'done', note: payload.note, via: 'agenda' };
    case 'cancel':
      return { action: 'cancel', reason: payload.reason };
    default:
      return { action: name };
  }
}

const BookingParams = Type.Intersect([TenantParams, Type.Object({ bookingId: Uuid })]);
const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function agendaRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);

    app.get(
      '/api/v1/:tenant/operator/offices',
      {
        schema: {
          tags: ['operator'],
          summary: 'Offices the officer may see, with desks and services',
          params: TenantParams,
          response: { 200: OperatorOfficeList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => ({ offices: await listOperatorOffices(ctx.db, req.tenant.id, req.operator.officeIds) }),
    );

    app.get(
      '/api/v1/:tenant/operator/agenda',
      {
        schema: {
          tags: ['operator'],
          summary: 'Bookings of an office (optionally one desk) between two local dates, inclusive',
          params: TenantParams,
          querystring: AgendaQuery,
          response: { 200: AgendaResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        validateRange(req.query.from, req.query.to);
        assertOffice(req.operator, req.query.officeId);
        const office = await ctx.db.selectFrom('offices').select('id').where('id', '=', req.query.officeId).where('tenant_id', '=', req.tenant.id).executeTakeFirst();
        if (!office) throw appError('NOT_FOUND', { variant: 'office' });
        const tz = req.tenant.time_zone;
        const from = new Date(localToInstant(req.query.from, 0, tz) ?? Date.parse(`${req.query.from}T00:00:00Z`));
        const to = new Date(localToInstant(addDays(req.query.to, 1), 0, tz) ?? Date.parse(`${addDays(req.query.to, 1)}T00:00:00Z`));
        const rows = await listBookingViews(ctx.db, req.tenant.id, { officeIds: [req.query.officeId], from, to, deskId: req.query.deskId });
        const waiting = await citizensWaiting(
          ctx.db,
          rows.filter((b) => b.service_mode === 'video').map((b) => b.id),
          ctx.clock.now(),
        );
        return { timeZone: tz, bookings: rows.map((b) => toAgendaBooking(b, ctx.config, b.service_mode === 'video' ? waiting.has(b.id) : undefined)) };
      },
    );

    app.get(
      '/api/v1/:tenant/operator/bookings/:bookingId',
      {
        schema: { tags: ['operator'], summary: 'Booking detail with its history', params: BookingParams, response: { 200: BookingDetail, ...authErrors, ...errorResponses } },
      },
      async (req) => {
        const b = await loadVisibleBooking(ctx, req.operator, req.params.bookingId);
        const history = await ctx.db
          .selectFrom('audit_log as a')
          .leftJoin('operators as o', (j) => j.on((eb) => eb(eb.cast('o.id', 'text'), '=', eb.ref('a.actor_id'))))
          .select(['a.at', 'a.actor_type', 'a.actor_id', 'o.display_name', 'a.action', 'a.details'])
          .where('a.tenant_id', '=', req.tenant.id)
          .where('a.entity_type', '=', 'booking')
          .where('a.entity_id', '=', b.id)
          .orderBy('a.id')
          .execute();
        return {
          ...toAgendaBooking(b, ctx.config, b.service_mode === 'video' ? (await citizensWaiting(ctx.db, [b.id], ctx.clock.now())).has(b.id) : undefined),
          files: (await listBookingFiles(ctx.db, req.tenant.id, b.id)).map(toRoomFile),
          history: history.map((h) => ({
            at: h.at.toISOString(),
            actorType: h.actor_type,
            actor: h.display_name ?? (h.actor_type === 'citizen' ? 'cittadino' : h.actor_id),
            action: h.action,
            details: h.details,
          })),
        };
      },
    );

    const action = (name: OfficerAction, path: string, summary: string, body: typeof NoteRequest | typeof OperatorCancelRequest | null) =>
      app.post(
        `/api/v1/:tenant/operator/bookings/:bookingId/${path}`,
        {
          schema: {
            tags: ['operator'],
            summary,
            params: BookingParams,
            ...(body ? { body } : {}),
            response: { 200: AgendaBooking, 409: ErrorResponse, ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          const payload = (req.body ?? {}) as { note?: string; reason?: string };
          const view = await applyOfficerAction(ctx, req.operator, req.params.bookingId, officerChange(name, payload), async (trx, r) => {
            // Checked in at the desk: the citizen joins the office's line like one checked in at the kiosk.
            if (name === 'check-in' && r.changed) await createCheckInTicket(trx, ctx, r.view, ctx.clock.now());
          });
          return toAgendaBooking(view, ctx.config);
        },
      );
    action('check-in', 'check-in', 'The citizen has arrived', null);
    action('no-show', 'no-show', 'The citizen did not come', null);
    action('done', 'done', 'The appointment took place (optional note)', NoteRequest);
    action('confirm', 'confirm', 'Approve a pending request (the citizen is emailed)', null);
    action('cancel', 'cancel', 'Cancel with a reason (the citizen is emailed)', OperatorCancelRequest);

    app.post(
      '/api/v1/:tenant/operator/bookings',
      {
        schema: {
          tags: ['operator'],
          summary: "Book on a citizen's behalf (phone bookings); the citizen gets the usual email",
          params: TenantParams,
          body: PhoneBookingRequest,
          response: { 201: BookingCreated, 409: SlotTakenResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const service = await findService(ctx.db, req.tenant.id, req.body.serviceId);
        if (!service) throw serviceNotFound();
        assertOffice(req.operator, service.office_id);
        const { booking } = await createBooking(ctx, req.tenant, req.body, { channel: 'operator', operatorId: req.operator.id });
        return reply.status(201).send(booking);
      },
    );
  };
}
