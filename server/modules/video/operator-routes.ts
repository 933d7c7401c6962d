// Officer side of video: open an immediate room, enter a booking's room, today's video appointments,
// and the documents of a booking. Session cookie + CSRF like the rest of the console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse, IsoDate, TenantParams, Uuid } from '../../../contracts/common.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { ImmediateRoomCreated, ImmediateRoomRequest, OfficerRoomLink, RoomFileList, VideoAppointmentList } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { loadVisibleBooking } from '../booking/index.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { isValidDate, localDate } from '../../platform/time/zoned-time.ts';
import { createImmediateRoom } from './immediate-rooms.ts';
import { officerLinkForBooking, officerLinkForRoom } from './officer-links.ts';
import { listBookingFiles, openStoredFile, sendStoredFile, toRoomFile } from '../documents/index.ts';
import { listVideoAppointments } from './video-appointments.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const BookingParams = Type.Intersect([TenantParams, Type.Object({ bookingId: Uuid })]);

export function videoOperatorRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);

    app.post(
      '/api/v1/:tenant/operator/rooms',
      {
        schema: {
          tags: ['video'],
          summary: 'Open an immediate room (citizen on the phone or at a kiosk); the citizen link is emailed when an address is given',
          params: TenantParams,
          body: ImmediateRoomRequest,
          response: { 201: ImmediateRoomCreated, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => reply.status(201).send(await createImmediateRoom(ctx, req.tenant, req.operator, req.body)),
    );

    app.post(
      '/api/v1/:tenant/operator/rooms/:roomId/link',
      {
        schema: {
          tags: ['video'],
          summary: 'A fresh officer link to a room',
          params: Type.Intersect([TenantParams, Type.Object({ roomId: Uuid })]),
          response: { 200: OfficerRoomLink, ...authErrors, ...errorResponses },
        },
      },
      async (req) => officerLinkForRoom(ctx, req.tenant, req.operator, req.params.roomId),
    );

    app.post(
      '/api/v1/:tenant/operator/bookings/:bookingId/room',
      {
        schema: {
          tags: ['video'],
          summary: "An officer link to a video booking's room",
          params: BookingParams,
          response: { 200: OfficerRoomLink, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => officerLinkForBooking(ctx, req.tenant, req.operator, req.params.bookingId),
    );

    app.get(
      '/api/v1/:tenant/operator/video/appointments',
      {
        schema: {
          tags: ['video'],
          summary: "A day's video appointments and open immediate rooms, with who is connected",
          params: TenantParams,
          querystring: Type.Object({ date: Type.Optional(IsoDate) }),
          response: { 200: VideoAppointmentList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const date = req.query.date ?? localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        if (!isValidDate(date)) throw appError('VALIDATION', { variant: 'date' });
        return { date, timeZone: req.tenant.time_zone, appointments: await listVideoAppointments(ctx, req.tenant, req.operator, date) };
      },
    );

    app.get(
      '/api/v1/:tenant/operator/bookings/:bookingId/files',
      {
        schema: { tags: ['video'], summary: 'Documents attached to a booking', params: BookingParams, response: { 200: RoomFileList, ...authErrors, ...errorResponses } },
      },
      async (req) => {
        const b = await loadVisibleBooking(ctx, req.operator, req.params.bookingId);
        return { files: (await listBookingFiles(ctx.db, req.tenant.id, b.id)).map(toRoomFile) };
      },
    );

    app.get(
      '/api/v1/:tenant/operator/bookings/:bookingId/files/:fileId',
      {
        schema: {
          tags: ['video'],
          summary: 'Download a document of a booking',
          params: Type.Intersect([BookingParams, Type.Object({ fileId: Uuid })]),
          response: { 200: FileResponse('The document, as uploaded', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const b = await loadVisibleBooking(ctx, req.operator, req.params.bookingId);
        const file = await openStoredFile(ctx, req.tenant.id, req.params.fileId, (f) => f.booking_id === b.id);
        await ctx.bus.record(ctx.db, {
          actor: { type: 'operator', id: req.operator.id },
          tenantId: req.tenant.id,
          action: 'file.downloaded',
          entityType: 'booking',
          entityId: b.id,
          details: { fileId: file.row.id, name: file.row.name },
        });
        return sendStoredFile(reply, file);
      },
    );
  };
}
