// Officer login and logout. The credentials (password, then the TOTP code when enrolled) and the
// throttling of failed attempts are checked in login.ts; a successful login always issues a new session id.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, TenantParams } from '../../../contracts/common.ts';
import { LoginRequest, SessionResponse } from '../../../contracts/operator.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashSecret } from '../../platform/security/tokens.ts';
import { officerOnly, SESSION_COOKIE, sessionCookieOptions } from '../../platform/staff/auth.ts';
import { checkCredentials } from './login.ts';
import { createSession, deleteSession, findPrincipal, type OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

function me(op: OperatorPrincipal) {
  return {
    id: op.id,
    username: op.username,
    displayName: op.displayName,
    role: op.role,
    officeIds: op.officeIds,
    mustChangePassword: op.mustChangePassword,
    totpEnabled: op.totpEnabled,
  };
}

export function sessionRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/:tenant/operator/session',
      {
        config: rateLimited(ctx.config, 'officerLogin'),
        schema: {
          tags: ['operator'],
          summary: 'Sign in: sets the session cookie and returns the CSRF token for writes (401 TOTP_REQUIRED: send again with totpCode)',
          description:
            'Wrong usernames, passwords and codes answer 401 alike. After repeated failures the client address waits (429 LOGIN_THROTTLED with Retry-After) for that username, or for all after more; the right password with a valid TOTP code still gets in.',
          params: TenantParams,
          body: LoginRequest,
          response: { 200: SessionResponse, 401: ErrorResponse, 429: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const now = ctx.clock.now();
        const operatorId = await checkCredentials(ctx, {
          tenantId: req.tenant.id,
          username: req.body.username,
          password: req.body.password,
          totpCode: req.body.totpCode,
          ip: req.ip,
        }).catch((err: unknown) => {
          if (err instanceof AppError && err.code === 'LOGIN_THROTTLED') reply.header('retry-after', String(err.extra.retryAfter));
          throw err;
        });
        // Whatever session this browser had is dropped: a login always issues a new id (no fixation).
        const previous = req.cookies[SESSION_COOKIE];
        if (previous && previous.length <= 200) await deleteSession(ctx.db, hashSecret(previous));
        const session = await createSession(ctx.db, req.tenant.id, operatorId, now);
        reply.setCookie(SESSION_COOKIE, session.sessionId, sessionCookieOptions(ctx, req.tenant.slug, session.expiresAt));
        const principal = (await findPrincipal(ctx.db, req.tenant.id, session.sessionId, now, ctx.config.operatorIdleMinutes))!;
        return { csrfToken: session.csrfToken, operator: me(principal), tenant: { slug: req.tenant.slug, name: req.tenant.name } };
      },
    );

    await app.register(async (authed) => {
      officerOnly(authed, ctx);

      authed.get(
        '/api/v1/:tenant/operator/session',
        {
          config: { beforePasswordChange: true },
          schema: { tags: ['operator'], summary: 'The signed-in officer and the CSRF token', params: TenantParams, response: { 200: SessionResponse, 401: ErrorResponse } },
        },
        async (req) => ({ csrfToken: req.operator.csrfToken, operator: me(req.operator), tenant: { slug: req.tenant.slug, name: req.tenant.name } }),
      );

      authed.delete(
        '/api/v1/:tenant/operator/session',
        {
          config: { beforePasswordChange: true },
          schema: { tags: ['operator'], summary: 'Sign out', params: TenantParams, response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse } },
        },
        async (req, reply) => {
          await deleteSession(ctx.db, req.operator.sessionHash);
          await ctx.bus.record(ctx.db, { actor: { type: 'operator', id: req.operator.id }, tenantId: req.tenant.id, action: 'operator.logged-out' });
          reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx, req.tenant.slug));
          return reply.status(204).send(null);
        },
      );
    });
  };
}
