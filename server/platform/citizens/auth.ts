// Citizens' requests: the session cookie (HttpOnly, SameSite=Lax so the link of an email opens the
// personal area, Secure in production) and, on every write, the CSRF token echoed in x-csrf-token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { appError } from '../http/errors.ts';
import { safeEqual } from '../security/tokens.ts';
import { findCitizenPrincipal, SESSION_MAX_HOURS, type CitizenPrincipal } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    citizen: CitizenPrincipal | null;
  }
}

export const CITIZEN_COOKIE = 'sportello_cit';
/** Binds a login in progress to the browser that started it (no login CSRF). */
export const AUTH_BINDING_COOKIE = 'sportello_auth';

export const citizenUnauthenticated = () => appError('CITIZEN_UNAUTHENTICATED');
const csrfFailed = () => appError('CSRF');

export function citizenCookieOptions(ctx: AppContext, maxAgeSeconds = SESSION_MAX_HOURS * 3600) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.mode === 'production', maxAge: maxAgeSeconds };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the citizen's session if any (req.citizen, else null); writes need the CSRF token. */
export function optionalCitizen(ctx: AppContext) {
  return async (req: FastifyRequest): Promise<void> => {
    req.citizen = null;
    const sessionId = req.cookies[CITIZEN_COOKIE];
    if (!sessionId || sessionId.length > 200) return;
    const principal = await findCitizenPrincipal(ctx.db, req.tenant.id, sessionId, ctx.clock.now());
    if (!principal) return;
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, principal.csrfToken)) throw csrfFailed();
    }
    req.citizen = principal;
  };
}

export function requireCitizen(ctx: AppContext) {
  const read = optionalCitizen(ctx);
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    // Already read for this request (a route that authenticates before reading an upload).
    if (req.citizen) return;
    await read(req);
    if (!req.citizen) throw citizenUnauthenticated();
  };
}

/** Every route registered after this in the scope needs a citizen's session (and says so in OpenAPI). */
export function citizenOnly(scope: FastifyInstance, ctx: AppContext): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, auth: 'citizen' };
  });
  scope.addHook('preHandler', requireCitizen(ctx));
}
