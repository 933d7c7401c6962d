// Citizen login and logout. GET …/auth/login?provider=spid|cie&returnTo=/bari/… sends the browser
// to the comune's gateway; the gateway sends it back to …/auth/callback, where the code is exchanged
// (PKCE, state, nonce checked by openid-client), the identity mapped and checked, and a new session
// started; the browser lands where it was. Logout ends the session here and at the gateway.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, Line, TenantParams } from '../../../contracts/common.ts';
import { CitizenMe, CitizenSession, LoginQuery, LogoutResponse } from '../../../contracts/identity.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { hashSecret, newSecret, safeEqual } from '../../platform/security/tokens.ts';
import { AUTH_BINDING_COOKIE, CITIZEN_COOKIE, citizenCookieOptions, citizenOnly, optionalCitizen } from '../../platform/citizens/auth.ts';
import { createCitizenSession, deleteCitizenSession, findCitizenPrincipal } from '../../platform/citizens/sessions.ts';
import { upsertCitizen } from './citizens-repository.ts';
import { identityFromClaims } from './domain/claims.ts';
import { toCitizenMe } from './me.ts';
import { countMessages } from './area-repository.ts';
import { callbackUrl, clientConfiguration, providerSettings } from './oidc-client.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const LOGIN_MINUTES = 10;
/**
 * Personal data of the comune need level 2 at least (a username and password alone is level 1), with
 * SPID and with CIE alike: both federations state the level in `acr` with the same values.
 */
export const MIN_LEVEL = 2;
const MIN_ACR = `https://www.spid.gov.it/SpidL${MIN_LEVEL}`;

/** Only our own pages of this comune: never an open redirect. */
export function safeReturnTo(slug: string, returnTo: string | undefined): string {
  const fallback = `/${slug}/area-personale`;
  if (!returnTo || returnTo.length > 500) return fallback;
  if (!returnTo.startsWith(`/${slug}/`) && returnTo !== `/${slug}`) return fallback;
  // Printable ASCII only (it goes into a Location header as it is), no backslash, no "//".
  if (/[^\x21-\x7e]|\\|\/\/|^\/[^/]*:/.test(returnTo)) return fallback;
  return returnTo;
}

/** Where the browser goes when the login fails: the login page says why. */
const failedLogin = (slug: string, returnTo: string, code: string) => `/${slug}/accedi?${new URLSearchParams({ errore: code, returnTo })}`;

export function authRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const loginLimit = rateLimited(ctx.config, 'citizenLogin');
    app.get(
      '/api/v1/:tenant/auth/login',
      {
        config: loginLimit,
        schema: {
          tags: ['identity'],
          summary: "Start a SPID or CIE login at the comune's gateway (redirect)",
          params: TenantParams,
          querystring: LoginQuery,
          response: { 302: Type.Null(), 503: ErrorResponse, ...errorResponses },
        },
      },
      async (req, reply) => {
        const provider = req.query.provider;
        const settings = providerSettings(ctx, req.tenant, provider);
        const config = await clientConfiguration(app, ctx, settings).catch((err: unknown) => {
          // The citizen reads "try again later"; whoever runs the service needs to know which gateway failed and why.
          req.log.warn({ err, provider, issuer: settings.issuer }, 'citizen login: the gateway cannot be reached (discovery failed)');
          throw appError('IDP_UNAVAILABLE');
        });
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        const codeVerifier = oidc.randomPKCECodeVerifier();
        const binding = newSecret();
        const now = ctx.clock.now();
        await ctx.db
          .insertInto('citizen_auth_requests')
          .values({
            state_hash: hashSecret(state),
            tenant_id: req.tenant.id,
            provider,
            nonce,
            code_verifier: codeVerifier,
            binding_hash: hashSecret(binding),
            return_to: safeReturnTo(req.tenant.slug, req.query.returnTo),
            expires_at: new Date(now.getTime() + LOGIN_MINUTES * 60_000),
          })
          .execute();
        await ctx.db.deleteFrom('citizen_auth_requests').where('expires_at', '<', now).execute();
        const url = oidc.buildAuthorizationUrl(config, {
          // The gateway's own parameters first: they can never replace the security parameters below.
          ...settings.params,
          redirect_uri: callbackUrl(ctx, req.tenant.slug),
          scope: 'openid profile email',
          state,
          nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256',
          // A service may need level 3 (the citizen is sent back here to log in again at it).
          acr_values: req.query.level === 3 ? 'https://www.spid.gov.it/SpidL3' : MIN_ACR,
        });
        reply.setCookie(AUTH_BINDING_COOKIE, binding, {
          path: `/api/v1/${req.tenant.slug}/auth`,
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.mode === 'production',
          maxAge: LOGIN_MINUTES * 60,
        });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/api/v1/:tenant/auth/callback',
      {
        config: loginLimit,
        schema: {
          tags: ['identity'],
          summary: 'Where the gateway sends the citizen back (redirect to the page they came from)',
          params: TenantParams,
          querystring: Type.Object({ state: Type.Optional(Line({ maxLength: 200 })) }, { additionalProperties: true }),
          response: { 302: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const slug = req.tenant.slug;
        const now = ctx.clock.now();
        const state = req.query.state;
        const pending = state
          ? await ctx.db.deleteFrom('citizen_auth_requests').where('state_hash', '=', hashSecret(state)).where('tenant_id', '=', req.tenant.id).returningAll().executeTakeFirst()
          : undefined;
        reply.clearCookie(AUTH_BINDING_COOKIE, { path: `/api/v1/${slug}/auth` });
        if (!pending || pending.expires_at < now) return reply.redirect(failedLogin(slug, `/${slug}/area-personale`, 'scaduto'), 302);
        const returnTo = pending.return_to;
        const binding = req.cookies[AUTH_BINDING_COOKIE];
        if (!binding || !safeEqual(hashSecret(binding), pending.binding_hash)) return reply.redirect(failedLogin(slug, returnTo, 'sessione'), 302);
        if ((req.query as Record<string, string>).error) return reply.redirect(failedLogin(slug, returnTo, 'annullato'), 302);

        let claims: Record<string, unknown>;
        let idToken: string | null;
        let issuer: string | undefined;
        try {
          const settings = providerSettings(ctx, req.tenant, pending.provider);
          issuer = settings.issuer;
          const config = await clientConfiguration(app, ctx, settings);
          const tokens = await oidc.authorizationCodeGrant(config, new URL(`${ctx.config.publicUrl}${req.url}`), {
            pkceCodeVerifier: pending.code_verifier,
            expectedState: state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          });
          const idClaims = (tokens.claims() ?? {}) as Record<string, unknown>;
          const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
          // The signed ID token has the last word (the level of assurance above all).
          claims = { ...userinfo, ...idClaims, acr: idClaims.acr };
          idToken = tokens.id_token ?? null;
        } catch (err) {
          req.log.warn({ err, provider: pending.provider, issuer }, 'citizen login: token exchange failed');
          return reply.redirect(failedLogin(slug, returnTo, 'gestore'), 302);
        }
        const identity = identityFromClaims(claims, pending.provider);
        if (typeof identity === 'string') {
          req.log.warn({ problem: identity, provider: pending.provider, issuer }, 'citizen login: identity refused');
          return reply.redirect(failedLogin(slug, returnTo, identity === 'invalid_fiscal_code' ? 'codice-fiscale' : 'dati'), 302);
        }
        if ((identity.level ?? 0) < MIN_LEVEL) {
          // Not `level`: that is pino's own field (the line's severity), which it would overwrite.
          req.log.warn({ provider: pending.provider, issuer, acr: claims.acr, assuranceLevel: identity.level }, 'citizen login: level of assurance too low');
          return reply.redirect(failedLogin(slug, returnTo, 'livello'), 302);
        }

        // A login always starts a new session: an id planted before it is worthless after it.
        const previous = req.cookies[CITIZEN_COOKIE];
        if (previous) {
          const old = await findCitizenPrincipal(ctx.db, req.tenant.id, previous, now);
          if (old) await deleteCitizenSession(ctx.db, old.sessionHash);
        }
        const session = await ctx.bus.transaction(ctx.db, async (trx) => {
          const citizen = await upsertCitizen(trx, req.tenant.id, identity, pending.provider, now);
          const s = await createCitizenSession(trx, {
            tenantId: req.tenant.id,
            citizenId: citizen.id,
            provider: pending.provider,
            spidLevel: identity.spidLevel,
            level: identity.level,
            idToken,
            now,
          });
          await ctx.bus.record(trx, {
            actor: { type: 'citizen', id: citizen.id },
            tenantId: req.tenant.id,
            action: 'citizen.logged-in',
            entityType: 'citizen',
            entityId: citizen.id,
            details: { provider: pending.provider, spidLevel: identity.spidLevel },
          });
          return s;
        });
        reply.setCookie(CITIZEN_COOKIE, session.sessionId, citizenCookieOptions(ctx));
        return reply.redirect(returnTo, 302);
      },
    );

    // What every page asks first: who is logged in, if anyone. Always 200, so an anonymous visit logs
    // no error in the browser's console (GET /me stays 401 for API clients that need a session).
    app.get(
      '/api/v1/:tenant/auth/session',
      {
        preHandler: optionalCitizen(ctx),
        schema: {
          tags: ['identity'],
          summary: 'Who is logged in: the citizen with the CSRF token for writes, or null',
          params: TenantParams,
          response: { 200: CitizenSession, ...errorResponses },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const p = req.citizen;
        return { me: p ? toCitizenMe(p, (await countMessages(ctx.db, req.tenant.id, p.citizen.fiscal_code)).unread) : null };
      },
    );

    await app.register(async (authed) => {
      citizenOnly(authed, ctx);

      authed.get(
        '/api/v1/:tenant/me',
        {
          schema: { tags: ['identity'], summary: 'The logged-in citizen, and the CSRF token for writes', params: TenantParams, response: { 200: CitizenMe, 401: ErrorResponse } },
        },
        async (req, reply) => {
          reply.header('cache-control', 'no-store');
          return toCitizenMe(req.citizen!, (await countMessages(ctx.db, req.tenant.id, req.citizen!.citizen.fiscal_code)).unread);
        },
      );

      authed.post(
        '/api/v1/:tenant/auth/logout',
        {
          schema: {
            tags: ['identity'],
            summary: 'Log out here; the answer says where to end the session at the gateway too',
            params: TenantParams,
            response: { 200: LogoutResponse, 401: ErrorResponse, 403: ErrorResponse },
          },
        },
        async (req, reply) => {
          const p = req.citizen!;
          await deleteCitizenSession(ctx.db, p.sessionHash);
          await ctx.bus.record(ctx.db, {
            actor: { type: 'citizen', id: p.citizen.id },
            tenantId: req.tenant.id,
            action: 'citizen.logged-out',
            entityType: 'citizen',
            entityId: p.citizen.id,
          });
          reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
          const home = `${ctx.config.publicUrl}/${req.tenant.slug}`;
          let logoutUrl = home;
          try {
            const config = await clientConfiguration(app, ctx, providerSettings(ctx, req.tenant, p.provider));
            if (config.serverMetadata().end_session_endpoint) {
              logoutUrl = oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: home, ...(p.idToken ? { id_token_hint: p.idToken } : {}) }).href;
            }
          } catch {
            // The gateway is unreachable: the session here is over anyway.
          }
          return { logoutUrl };
        },
      );
    });
  };
}
