// The audit log for the comune's admins: browse with filters (newest first, paged), and verify the
// hash chain (itself audited, with its outcome).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { AuditPage, AuditQuery, ChainVerification } from '../../../contracts/officers.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { addDays, formatInstant, isValidDate, localToInstant } from '../../platform/time/zoned-time.ts';
import { browseAudit } from './repository.ts';
import { verifyChain } from './verify.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

function dayStart(day: string, tz: string, field: string): Date {
  const t = isValidDate(day) ? localToInstant(day, 0, tz) : null;
  if (t === null) throw appError('INVALID_DATE', { variant: 'plain', extra: { fields: [{ field, message: 'data non valida' }] } });
  return new Date(t);
}

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/admin/audit';

    app.get(
      base,
      {
        schema: {
          tags: ['admin'],
          summary: "The comune's audit log, newest first (admins)",
          params: TenantParams,
          querystring: AuditQuery,
          response: { 200: AuditPage, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const tz = req.tenant.time_zone;
        const q = req.query;
        const limit = q.limit ?? 50;
        const rows = await browseAudit(ctx.db, {
          tenantId: req.tenant.id,
          from: q.from ? dayStart(q.from, tz, 'from') : undefined,
          // "to" is a whole day: everything before the next midnight
          to: q.to ? dayStart(isValidDate(q.to) ? addDays(q.to, 1) : q.to, tz, 'to') : undefined,
          actorType: q.actorType,
          actorId: q.actorId,
          action: q.action,
          entityType: q.entityType,
          entityId: q.entityId,
          q: q.q,
          before: q.before,
          limit: limit + 1,
        });
        const page = rows.slice(0, limit);
        return {
          entries: page.map((r) => ({
            id: r.id,
            at: formatInstant(r.at.getTime(), tz),
            actorType: r.actor_type,
            actorId: r.actor_id,
            actorName: r.actor_name ? `${r.actor_name} (${r.actor_username})` : null,
            action: r.action,
            entityType: r.entity_type,
            entityId: r.entity_id,
            details: r.details,
            sealed: r.sealed,
          })),
          nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
        };
      },
    );

    app.post(
      `${base}/verify`,
      {
        config: rateLimited(ctx.config, 'auditVerify'),
        schema: {
          tags: ['admin'],
          summary: "Recompute the comune's hash chain and report the first broken link (admins)",
          params: TenantParams,
          response: { 200: ChainVerification, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const result = await verifyChain(ctx.db, req.tenant.id, ctx.clock.now(), req.tenant.time_zone);
        await ctx.bus.record(ctx.db, {
          actor: { type: 'operator', id: req.operator.id },
          tenantId: req.tenant.id,
          action: 'audit.verified',
          details: {
            ok: result.ok,
            checked: result.checked,
            headSeq: result.head?.seq ?? null,
            ...(result.firstBroken ? { brokenAt: result.firstBroken.chainSeq, problem: result.firstBroken.problem } : {}),
          },
        });
        return result;
      },
    );
  };
}
