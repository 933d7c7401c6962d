// Authentication of officer requests: the session cookie, and CSRF on every unsafe method.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { appError } from '../http/errors.ts';
import { safeEqual } from '../security/tokens.ts';
import { findPrincipal, type OperatorPrincipal } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    operator: OperatorPrincipal;
  }
  interface FastifyContextConfig {
    /** Reachable by an officer who still has to replace a temporary password (session, own password). */
    beforePasswordChange?: boolean;
  }
}

export const SESSION_COOKIE = 'sportello_op';

export const unauthenticated = () => appError('UNAUTHENTICATED');
const passwordChangeRequired = () => appError('PASSWORD_CHANGE_REQUIRED');
const csrfFailed = () => appError('CSRF');

export function cookiePath(tenantSlug: string): string {
  return `/api/v1/${tenantSlug}/operator`;
}

// maxAge (relative), not Expires (absolute): a browser whose clock is off must not drop the cookie.
export function sessionCookieOptions(ctx: AppContext, tenantSlug: string, expires?: Date) {
  return {
    path: cookiePath(tenantSlug),
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.mode === 'production',
    ...(expires ? { maxAge: Math.max(0, Math.round((expires.getTime() - ctx.clock.now().getTime()) / 1000)) } : {}),
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireOperator(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    // Already checked for this request (a route that authenticates before reading an upload).
    if (req.operator) return;
    const sessionId = req.cookies[SESSION_COOKIE];
    if (!sessionId || sessionId.length > 200) throw unauthenticated();
    const principal = await findPrincipal(ctx.db, req.tenant.id, sessionId, ctx.clock.now(), ctx.config.operatorIdleMinutes);
    if (!principal) throw unauthenticated();
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, principal.csrfToken)) throw csrfFailed();
    }
    if (principal.mustChangePassword && !req.routeOptions.config.beforePasswordChange) throw passwordChangeRequired();
    req.operator = principal;
  };
}

/** Every route registered after this in the scope needs an officer's session (and says so in OpenAPI). */
export function officerOnly(scope: FastifyInstance, ctx: AppContext): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, auth: 'officer' };
  });
  scope.addHook('preHandler', requireOperator(ctx));
}
