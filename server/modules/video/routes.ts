// Public room API, keyed by a party's credential in the path: the room's view, its signalling
// WebSocket, documents, and (officer) the end of the meeting.
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse, Line, Uuid } from '../../../contracts/common.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { EndRoomRequest, EndRoomResponse, RoomFile, RoomFileList, RoomTokenParams, RoomView } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { endRoom } from './end-room.ts';
import { assertOpen, resolveRoomAccess, type RoomAccess } from './room-access.ts';
import { listRoomFiles, openStoredFile, sendStoredFile, toRoomFile } from '../documents/index.ts';
import { uploadRoomFile } from './room-files.ts';
import { toRoomView } from './room-view.ts';
import type { SignallingHub } from './signalling-hub.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const FileParams = Type.Intersect([RoomTokenParams, Type.Object({ fileId: Uuid })]);
const roomErrors = { 403: ErrorResponse, ...errorResponses };
// Tokens are 256-bit: limits here are against floods, not guessing.

declare module 'fastify' {
  interface FastifyRequest {
    roomAccess: RoomAccess;
  }
}

export function videoRoutes(ctx: AppContext, hub: SignallingHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    const readLimit = rateLimited(ctx.config, 'publicReads');
    const writeLimit = rateLimited(ctx.config, 'publicWrites');
    app.get(
      '/api/v1/:tenant/video/:token',
      {
        config: readLimit,
        schema: {
          tags: ['video'],
          summary: 'The room seen by one of its parties: phase, window and, while open, how to connect',
          params: RoomTokenParams,
          response: { 200: RoomView, ...errorResponses },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        return toRoomView(ctx, await resolveRoomAccess(ctx, req.tenant, req.params.token), req.params.token);
      },
    );

    // The signalling socket. Checked before the upgrade: an unknown credential gets a 404 and a
    // room outside its window a 403, so no socket is ever opened for them.
    app.get(
      '/api/v1/:tenant/video/:token/signal',
      {
        websocket: true,
        config: readLimit,
        schema: { tags: ['video'], summary: 'Signalling WebSocket (protocol: ClientMessage / ServerMessage in contracts/video.ts)', params: RoomTokenParams },
        preHandler: async (req) => {
          const { token } = req.params as { token: string };
          const access = await resolveRoomAccess(ctx, req.tenant, token);
          assertOpen(access);
          req.roomAccess = access;
        },
      },
      (socket, req) => {
        void hub.join(req.roomAccess, socket);
      },
    );

    app.get(
      '/api/v1/:tenant/video/:token/files',
      {
        config: readLimit,
        schema: { tags: ['video'], summary: 'Documents exchanged in the room', params: RoomTokenParams, response: { 200: RoomFileList, ...roomErrors } },
      },
      async (req) => {
        const access = await resolveRoomAccess(ctx, req.tenant, req.params.token);
        assertOpen(access);
        return { files: (await listRoomFiles(ctx.db, req.tenant.id, access.room.id)).map(toRoomFile) };
      },
    );

    app.get(
      '/api/v1/:tenant/video/:token/files/:fileId',
      {
        config: readLimit,
        schema: {
          tags: ['video'],
          summary: 'Download a document of the room',
          params: FileParams,
          response: { 200: FileResponse('The document, as uploaded', DOCUMENT_MEDIA_TYPES), ...roomErrors },
        },
      },
      async (req, reply) => {
        const access = await resolveRoomAccess(ctx, req.tenant, req.params.token);
        assertOpen(access);
        return sendStoredFile(reply, await openStoredFile(ctx, req.tenant.id, req.params.fileId, (f) => f.room_id === access.room.id));
      },
    );

    app.post(
      '/api/v1/:tenant/video/:token/end',
      {
        config: writeLimit,
        schema: {
          tags: ['video'],
          summary: 'End the meeting (officer): closes the room and marks the appointment done with the note',
          params: RoomTokenParams,
          body: Type.Union([EndRoomRequest, Type.Null()]),
          response: { 200: EndRoomResponse, ...roomErrors },
        },
      },
      async (req) => endRoom(ctx, await resolveRoomAccess(ctx, req.tenant, req.params.token), req.body?.note),
    );

    // Uploads take the raw file as the body, whatever Content-Type the browser claims: the type is
    // decided from the content. Encapsulated so this parser applies to this route only.
    await app.register(async (plugin) => {
      const uploads = plugin.withTypeProvider<TypeBoxTypeProvider>();
      uploads.removeAllContentTypeParsers();
      uploads.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
      uploads.post(
        '/api/v1/:tenant/video/:token/files',
        {
          config: writeLimit,
          schema: {
            tags: ['video'],
            summary: 'Upload a document (raw body; file name in ?name=); 200 with the existing document when the same content is already there',
            description: `The body is the file itself. Accepted by content: PDF, JPEG, PNG, WebP, TIFF, Office and OpenDocument files, signed .p7m. Limit: UPLOAD_MAX_MB (${Math.round(ctx.config.uploadMaxBytes / 1048576)} MB here) per file; the room's documents together UPLOAD_ROOM_QUOTA_MB and UPLOAD_ROOM_MAX_FILES, an appointment's UPLOAD_BOOKING_QUOTA_MB (413 or 409 QUOTA_EXCEEDED).`,
            params: RoomTokenParams,
            querystring: Type.Object({ name: Line({ minLength: 1, maxLength: 255 }) }),
            response: { 200: RoomFile, 201: RoomFile, 409: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, ...roomErrors },
          },
        },
        async (req, reply) => {
          const access = await resolveRoomAccess(ctx, req.tenant, req.params.token);
          const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length']);
          const body = (req.body ?? req.raw) as Readable;
          try {
            const stored = await uploadRoomFile(ctx, access, req.query.name, body, Number.isFinite(length) ? length : undefined);
            // 200: the same content was already among the room's documents, answered as it is.
            return reply.status(stored.created ? 201 : 200).send(stored.file);
          } catch (err) {
            // The rest of a refused body is not read: close the connection instead of draining it.
            reply.header('connection', 'close');
            throw err;
          }
        },
      );
    });
  };
}
