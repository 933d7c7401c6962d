// Public booking API (fixed paths, relied upon by integrators and by our web client).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AvailabilityQuery,
  AvailabilityResponse,
  BookingCreated,
  BookingRequest,
  CancelRequest,
  HoldRequest,
  HoldResponse,
  ManagedBooking,
  ManageTokenParams,
  RescheduleRequest,
  SlotTakenResponse,
} from '../../../contracts/booking.ts';
import { ErrorResponse, errorResponses, FileResponse, TenantParams, Uuid } from '../../../contracts/common.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import type { AppContext } from '../../platform/context.ts';
import { optionalCitizen } from '../../platform/citizens/auth.ts';
import { appError } from '../../platform/http/errors.ts';
import { computeServiceAvailability, toSlotViews, validateRange } from './availability.ts';
import { createBooking } from './create-booking.ts';
import { serviceNotFound } from './errors.ts';
import { createHold, releaseHold } from './holds.ts';
import { cachedService } from './schedule-cache.ts';
import { icsFor } from './emails.ts';
import { listBookingFiles, openStoredFile, sendStoredFile, toRoomFile } from '../documents/index.ts';
import { cancelByToken, loadByToken, rescheduleByToken, toManaged } from './manage-booking.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const conflict = { 409: SlotTakenResponse };

export function bookingRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Public writes are rate-limited per client address (per node: see platform/http/rate-limit.ts).
    const writeLimit = rateLimited(ctx.config, 'publicWrites');
    const manageLimit = rateLimited(ctx.config, 'manageLinks');
    app.get(
      '/api/v1/:tenant/services/:serviceId/availability',
      {
        schema: {
          tags: ['booking'],
          summary: 'Free slots of a service between two dates (inclusive, local dates)',
          params: Type.Intersect([TenantParams, Type.Object({ serviceId: Uuid })]),
          querystring: AvailabilityQuery,
          response: { 200: AvailabilityResponse, ...errorResponses },
        },
      },
      async (req) => {
        validateRange(req.query.from, req.query.to);
        const now = ctx.clock.now();
        // Minute resolution: the minimum notice moves with the clock, so a new minute is a new entry.
        const key = `availability:${req.tenant.id}:${req.params.serviceId}:${req.query.from}:${req.query.to}:${Math.floor(now.getTime() / 60_000)}`;
        const cached = ctx.readCache.get<AvailabilityResponse>(key);
        if (cached) return cached;
        const service = await cachedService(ctx, req.tenant.id, req.params.serviceId);
        if (!service) throw serviceNotFound();
        const days = await computeServiceAvailability(ctx, req.tenant, service, req.query.from, req.query.to, now);
        const body: AvailabilityResponse = { serviceId: service.id, timeZone: req.tenant.time_zone, days: toSlotViews(days, req.tenant.time_zone) };
        ctx.readCache.set(key, body);
        return body;
      },
    );

    app.post(
      '/api/v1/:tenant/holds',
      {
        config: writeLimit,
        schema: {
          tags: ['booking'],
          summary: 'Hold a slot for a few minutes while the form is filled in',
          params: TenantParams,
          body: HoldRequest,
          response: { 201: HoldResponse, ...errorResponses, ...conflict },
        },
      },
      async (req, reply) => reply.status(201).send(await createHold(ctx, req.tenant, req.body)),
    );

    app.delete(
      '/api/v1/:tenant/holds/:holdId',
      {
        config: writeLimit,
        schema: {
          tags: ['booking'],
          summary: 'Release a hold',
          params: Type.Intersect([TenantParams, Type.Object({ holdId: Uuid })]),
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        await releaseHold(ctx, req.tenant, req.params.holdId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/:tenant/bookings',
      {
        config: { ...writeLimit, auth: 'citizen-optional' },
        schema: {
          tags: ['booking'],
          summary: 'Book a slot',
          description: 'Send an `Idempotency-Key` header to make retries safe: the same key returns the same booking.',
          params: TenantParams,
          headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })) }),
          body: BookingRequest,
          response: { 201: BookingCreated, 422: ErrorResponse, ...errorResponses, ...conflict },
        },
        preHandler: optionalCitizen(ctx),
      },
      async (req, reply) => {
        // Logged in with SPID or CIE: the identity fills who the applicant is (never asked again, never
        // taken from the form), and the booking belongs to the fiscal code.
        const c = req.citizen?.citizen;
        const input = c
          ? { ...req.body, applicant: { ...req.body.applicant, name: c.given_name, surname: c.family_name, address: c.residence_address ?? req.body.applicant.address } }
          : req.body;
        const { booking, replayed } = await createBooking(ctx, req.tenant, input, {
          idempotencyKey: req.headers['idempotency-key'],
          channel: 'web',
          ...(c ? { fiscalCode: c.fiscal_code, citizenId: c.id } : {}),
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(booking);
      },
    );

    app.get(
      '/api/v1/:tenant/bookings/manage/:token',
      {
        config: manageLimit,
        schema: { tags: ['booking'], summary: 'A booking seen through its manage link', params: ManageTokenParams, response: { 200: ManagedBooking, ...errorResponses } },
      },
      async (req) => {
        const b = await loadByToken(ctx, req.tenant, req.params.token);
        const files = b.service_mode === 'video' ? (await listBookingFiles(ctx.db, req.tenant.id, b.id)).map(toRoomFile) : [];
        return { ...toManaged(ctx, b, req.params.token, ctx.clock.now()), files };
      },
    );

    // Documents exchanged in the video room stay the citizen's to download after the call.
    app.get(
      '/api/v1/:tenant/bookings/manage/:token/files/:fileId',
      {
        config: manageLimit,
        schema: {
          tags: ['booking'],
          summary: 'Download a document of the booking',
          params: Type.Intersect([ManageTokenParams, Type.Object({ fileId: Uuid })]),
          response: { 200: FileResponse('The document, as uploaded', DOCUMENT_MEDIA_TYPES), ...errorResponses },
        },
      },
      async (req, reply) => {
        const b = await loadByToken(ctx, req.tenant, req.params.token);
        return sendStoredFile(reply, await openStoredFile(ctx, req.tenant.id, req.params.fileId, (f) => f.booking_id === b.id));
      },
    );

    // "Aggiungi al tuo calendario" on the confirmation and manage pages: the same event (UID,
    // SEQUENCE) as the email's attachment, so calendars update one entry instead of adding another.
    app.get(
      '/api/v1/:tenant/bookings/manage/:token/calendar.ics',
      {
        config: manageLimit,
        schema: {
          tags: ['booking'],
          summary: 'The booking as an iCalendar file',
          params: ManageTokenParams,
          response: { 200: FileResponse('The event (RFC 5545)', ['text/calendar'], Type.String()), ...errorResponses },
        },
      },
      async (req, reply) => {
        const b = await loadByToken(ctx, req.tenant, req.params.token);
        const ics = icsFor(b, ctx.config, b.status === 'cancelled' ? 'CANCEL' : 'REQUEST', ctx.clock.now(), req.params.token);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="appuntamento-${b.reference}.ics"`)
          .header('cache-control', 'no-store')
          .send(ics);
      },
    );

    app.post(
      '/api/v1/:tenant/bookings/manage/:token/reschedule',
      {
        config: writeLimit,
        schema: {
          tags: ['booking'],
          summary: 'Move the booking to another free slot (until the cut-off)',
          params: ManageTokenParams,
          body: RescheduleRequest,
          response: { 200: ManagedBooking, ...errorResponses, ...conflict },
        },
      },
      async (req) => rescheduleByToken(ctx, req.tenant, req.params.token, req.body.start),
    );

    app.post(
      '/api/v1/:tenant/bookings/manage/:token/cancel',
      {
        config: writeLimit,
        schema: {
          tags: ['booking'],
          summary: 'Cancel the booking (until the cut-off)',
          params: ManageTokenParams,
          body: Type.Union([CancelRequest, Type.Null()]),
          response: { 200: ManagedBooking, 409: ErrorResponse, ...errorResponses },
        },
      },
      async (req) => {
        const body = req.body ?? {};
        if (typeof body !== 'object') throw appError('VALIDATION', { variant: 'request' });
        return cancelByToken(ctx, req.tenant, req.params.token, body.reason);
      },
    );
  };
}
