// The development mailbox: every email the system would send, readable at /api/dev/outbox (JSON)
// and /dev/mailbox (a page). Not registered in production mode.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Line } from '../../../contracts/common.ts';
import { appError, sendAppError } from '../../platform/http/errors.ts';
import type { AppContext } from '../../platform/context.ts';

const OutboxEntry = Type.Object({
  id: Type.String(),
  tenant: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  text: Type.String(),
  /** The HTML part (null for messages queued before emails had one). */
  html: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
  attachments: Type.Array(Type.Object({ filename: Type.String(), contentType: Type.String(), content: Type.Optional(Type.String()) })),
});

export function devMailRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/dev/outbox',
      {
        schema: {
          tags: ['platform'],
          summary: 'Development mailbox: emails newest first (absent in production)',
          querystring: Type.Object({
            to: Type.Optional(Line({ maxLength: 254 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            withContent: Type.Optional(Type.Boolean()),
          }),
          response: { 200: Type.Object({ messages: Type.Array(OutboxEntry) }) },
        },
      },
      async (req) => {
        let q = ctx.db
          .selectFrom('mail_outbox as m')
          .innerJoin('tenants as t', 't.id', 'm.tenant_id')
          .select(['m.id', 't.slug', 'm.to_address', 'm.subject', 'm.text_body', 'm.html_body', 'm.state', 'm.created_at', 'm.sent_at', 'm.attachments'])
          .orderBy('m.created_at', 'desc')
          .orderBy('m.id', 'desc')
          .limit(req.query.limit ?? 100);
        if (req.query.to) q = q.where('m.to_address', '=', req.query.to);
        const rows = await q.execute();
        return {
          messages: rows.map((r) => ({
            id: r.id,
            tenant: r.slug,
            to: r.to_address,
            subject: r.subject,
            text: r.text_body,
            html: r.html_body,
            state: r.state,
            createdAt: r.created_at.toISOString(),
            sentAt: r.sent_at ? r.sent_at.toISOString() : null,
            attachments: r.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              ...(req.query.withContent ? { content: Buffer.from(a.content, 'base64').toString('utf8') } : {}),
            })),
          })),
        };
      },
    );

    app.get(
      '/api/dev/outbox/:id/attachments/:index',
      {
        schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), index: Type.Integer({ minimum: 0, maximum: 20 }) }) },
      },
      async (req, reply) => {
        const row = await ctx.db.selectFrom('mail_outbox').select('attachments').where('id', '=', req.params.id).executeTakeFirst();
        const a = row?.attachments[req.params.index];
        if (!a) return sendAppError(req, reply, appError('NOT_FOUND', { variant: 'attachment' }));
        return reply
          .type(a.contentType)
          .header('content-disposition', `attachment; filename="${a.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
          .send(Buffer.from(a.content, 'base64'));
      },
    );
  };
}
