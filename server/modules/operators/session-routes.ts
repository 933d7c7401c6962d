// Officer login and logout. Failed attempts count per account; five in a row lock it for 15 minutes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { LoginRequest, SessionResponse } from '../../../contracts/operator.ts';
import { audit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { requireOperator, SESSION_COOKIE, sessionCookieOptions } from './auth.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, findPrincipal, type OperatorPrincipal } from './sessions.ts';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Nome utente o password non corretti.', 'Wrong username or password.');
const locked = () => new AppError(423, 'ACCOUNT_LOCKED', `Troppi tentativi non riusciti: account bloccato per ${LOCK_MINUTES} minuti.`, `Too many failed attempts: account locked for ${LOCK_MINUTES} minutes.`);

function me(op: OperatorPrincipal) {
  return { id: op.id, username: op.username, displayName: op.displayName, role: op.role, officeIds: op.officeIds };
}

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/v1/:tenant/operator/session', {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['operator'],
        summary: 'Sign in: sets the session cookie and returns the CSRF token for writes',
        params: TenantParams,
        body: LoginRequest,
        response: { 200: SessionResponse, 401: ErrorResponse, 423: ErrorResponse, ...errorResponses },
      },
    }, async (req, reply) => {
      const now = ctx.clock.now();
      const username = req.body.username.trim().toLowerCase();
      const op = await ctx.db.selectFrom('operators').selectAll().where('tenant_id', '=', req.tenant.id).where('username', '=', username).executeTakeFirst();
      if (!op) {
        await verifyPassword(await decoyHash(), req.body.password);
        throw badCredentials();
      }
      if (op.locked_until && op.locked_until > now) throw locked();
      const ok = op.active && (await verifyPassword(op.password_hash, req.body.password));
      if (!ok) {
        const failures = op.failed_attempts + 1;
        await ctx.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('operators')
            .set({ failed_attempts: failures >= MAX_FAILURES ? 0 : failures, locked_until: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null })
            .where('id', '=', op.id)
            .execute();
          await audit(trx, { tenantId: req.tenant.id, actorType: 'operator', actorId: op.id, action: failures >= MAX_FAILURES ? 'operator.locked' : 'operator.login_failed', details: { ip: req.ip } });
        });
        if (failures >= MAX_FAILURES) throw locked();
        throw badCredentials();
      }
      // Any previous session of this browser is dropped: a login always issues a new id.
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) {
        const old = await findPrincipal(ctx.db, req.tenant.id, previous, now);
        if (old) await deleteSession(ctx.db, old.sessionHash);
      }
      const session = await createSession(ctx.db, req.tenant.id, op.id, now);
      await ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('operators').set({ failed_attempts: 0, locked_until: null }).where('id', '=', op.id).execute();
        await audit(trx, { tenantId: req.tenant.id, actorType: 'operator', actorId: op.id, action: 'operator.login', details: { ip: req.ip } });
      });
      reply.setCookie(SESSION_COOKIE, session.sessionId, sessionCookieOptions(ctx, req.tenant.slug, session.expiresAt));
      const principal = (await findPrincipal(ctx.db, req.tenant.id, session.sessionId, now))!;
      return { csrfToken: session.csrfToken, operator: me(principal), tenant: { slug: req.tenant.slug, name: req.tenant.name } };
    });

    await app.register(async (authed) => {
      authed.addHook('preHandler', requireOperator(ctx));

      authed.get('/api/v1/:tenant/operator/session', {
        schema: { tags: ['operator'], summary: 'The signed-in officer and the CSRF token', params: TenantParams, response: { 200: SessionResponse, 401: ErrorResponse } },
      }, async (req) => ({ csrfToken: req.operator.csrfToken, operator: me(req.operator), tenant: { slug: req.tenant.slug, name: req.tenant.name } }));

      authed.delete('/api/v1/:tenant/operator/session', {
        schema: { tags: ['operator'], summary: 'Sign out', params: TenantParams, response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } },
      }, async (req, reply) => {
        await deleteSession(ctx.db, req.operator.sessionHash);
        await audit(ctx.db, { tenantId: req.tenant.id, actorType: 'operator', actorId: req.operator.id, action: 'operator.logout' });
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx, req.tenant.slug));
        return reply.status(204).send(null);
      });
    });
  };
}
