// An embedded OpenID Connect provider with test identities, so `npm start` offers SPID and CIE login
// with nothing installed. Authorization code flow with PKCE (S256) for one public client; ES256 ID
// tokens; userinfo; end session. Demo and test mode only: it refuses to start in production, where
// each comune's SPID/CIE gateway is configured instead (tenants.identity_providers).
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SignJWT } from 'jose';
import type { AppContext } from '../../../platform/context.ts';
import { hashSecret } from '../../../platform/security/tokens.ts';
import { claimsOf, TEST_IDENTITIES } from './identities.ts';
import { signingKey } from './keys.ts';
import { loginPage, type AuthorizeParams } from './login-page.ts';

export const TEST_PROVIDER_PATH = '/oidc-test';
export const TEST_CLIENT_ID = 'sportello-demo';
const CODE_SECONDS = 60;
const TOKEN_SECONDS = 300;

export const testIssuer = (ctx: AppContext) => `${ctx.config.publicUrl}${TEST_PROVIDER_PATH}`;

type Body = Record<string, string | undefined>;

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply.status(status).header('cache-control', 'no-store').send({ error, error_description: description });
}

export async function registerTestProvider(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (ctx.config.mode === 'production') throw new Error('The embedded test identity provider cannot run in production mode: configure each comune’s SPID/CIE gateway.');
  const issuer = testIssuer(ctx);
  // Our own callbacks only: /api/v1/{tenant}/auth/callback on this installation.
  const validRedirect = (uri: string | undefined) =>
    typeof uri === 'string' && new RegExp(`^${ctx.config.publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/api/v1/[a-z][a-z0-9-]{1,40}/auth/callback$`).test(uri);

  await app.register(async (op) => {
    op.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));

    op.get(`${TEST_PROVIDER_PATH}/.well-known/openid-configuration`, { schema: { hide: true } }, async () => ({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile', 'email'],
      acr_values_supported: ['https://www.spid.gov.it/SpidL1', 'https://www.spid.gov.it/SpidL2', 'https://www.spid.gov.it/SpidL3'],
    }));

    op.get(`${TEST_PROVIDER_PATH}/jwks`, { schema: { hide: true } }, async () => ({ keys: [(await signingKey(ctx)).publicJwk] }));

    const authorizeParams = (q: Body): AuthorizeParams | string => {
      if (q.client_id !== TEST_CLIENT_ID) return 'unknown client_id';
      if (!validRedirect(q.redirect_uri)) return 'redirect_uri not registered';
      if (q.response_type !== undefined && q.response_type !== 'code') return 'only response_type=code';
      if (!q.scope?.split(' ').includes('openid')) return 'scope must include openid';
      if (!q.state || !q.nonce) return 'state and nonce are required';
      if (!q.code_challenge || q.code_challenge_method !== 'S256') return 'PKCE with S256 is required';
      return {
        client_id: q.client_id,
        redirect_uri: q.redirect_uri!,
        scope: q.scope,
        state: q.state,
        nonce: q.nonce,
        code_challenge: q.code_challenge,
        code_challenge_method: 'S256',
        provider: q.provider === 'cie' ? 'cie' : 'spid',
      };
    };

    op.get(`${TEST_PROVIDER_PATH}/authorize`, { schema: { hide: true } }, async (req, reply) => {
      const p = authorizeParams(req.query as Body);
      if (typeof p === 'string') return reply.status(400).type('text/plain; charset=utf-8').send(`Richiesta di accesso non valida: ${p}.`);
      const cancel = `${p.redirect_uri}?${new URLSearchParams({ error: 'access_denied', state: p.state, iss: issuer })}`;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(loginPage(p, cancel));
    });

    op.post(`${TEST_PROVIDER_PATH}/authorize`, { schema: { hide: true } }, async (req, reply) => {
      const body = (req.body ?? {}) as Body;
      const p = authorizeParams({ ...body, response_type: 'code' });
      if (typeof p === 'string') return reply.status(400).type('text/plain; charset=utf-8').send(`Richiesta di accesso non valida: ${p}.`);
      const person = TEST_IDENTITIES.find((t) => t.fiscalCode === body.identity);
      if (!person) return reply.status(400).type('text/plain; charset=utf-8').send('Scegli una delle identità di prova.');
      // SPID and CIE id state the level the same way (CIE: 1 password, 2 with the CieID app or an OTP, 3 the card).
      const level = Math.min(3, Math.max(1, Number(body.level) || (p.provider === 'cie' ? 3 : 2)));
      const claims = { ...claimsOf(person), sub: `test-${person.fiscalCode.toLowerCase()}`, acr: `https://www.spid.gov.it/SpidL${level}` };
      const code = randomBytes(32).toString('base64url');
      await ctx.db
        .insertInto('test_idp_grants')
        .values({
          token_hash: hashSecret(code),
          kind: 'code',
          claims: JSON.stringify(claims),
          client_id: p.client_id,
          redirect_uri: p.redirect_uri,
          code_challenge: p.code_challenge,
          nonce: p.nonce,
          expires_at: new Date(Date.now() + CODE_SECONDS * 1000),
        })
        .execute();
      return reply.redirect(`${p.redirect_uri}?${new URLSearchParams({ code, state: p.state, iss: issuer })}`, 303);
    });

    op.post(`${TEST_PROVIDER_PATH}/token`, { schema: { hide: true } }, async (req, reply) => {
      const b = (req.body ?? {}) as Body;
      if (b.grant_type !== 'authorization_code' || !b.code) return oauthError(reply, 400, 'unsupported_grant_type', 'authorization_code only');
      // Tokens follow real time, like any external provider (the relying party checks them against its own).
      const now = Date.now();
      const grant = await ctx.db
        .updateTable('test_idp_grants')
        .set({ used: true })
        .where('token_hash', '=', hashSecret(b.code))
        .where('kind', '=', 'code')
        .where('used', '=', false)
        .where('expires_at', '>', new Date(now))
        .returningAll()
        .executeTakeFirst();
      if (!grant || grant.client_id !== b.client_id || grant.redirect_uri !== b.redirect_uri) return oauthError(reply, 400, 'invalid_grant', 'unknown, used or expired code');
      const challenge = createHash('sha256')
        .update(b.code_verifier ?? '')
        .digest('base64url');
      if (challenge !== grant.code_challenge) return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed');
      const claims = grant.claims as Record<string, unknown>;
      const key = await signingKey(ctx);
      const idToken = await new SignJWT({ ...claims, nonce: grant.nonce, auth_time: Math.floor(now / 1000) })
        .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(grant.client_id)
        .setSubject(String(claims.sub))
        .setIssuedAt(Math.floor(now / 1000))
        .setExpirationTime(Math.floor(now / 1000) + TOKEN_SECONDS)
        .sign(key.privateKey);
      const accessToken = randomBytes(32).toString('base64url');
      await ctx.db
        .insertInto('test_idp_grants')
        .values({
          token_hash: hashSecret(accessToken),
          kind: 'access',
          claims: JSON.stringify(claims),
          client_id: grant.client_id,
          expires_at: new Date(now + TOKEN_SECONDS * 1000),
        })
        .execute();
      await ctx.db
        .deleteFrom('test_idp_grants')
        .where('expires_at', '<', new Date(now - 3_600_000))
        .execute();
      return reply
        .header('cache-control', 'no-store')
        .send({ access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_SECONDS, id_token: idToken, scope: 'openid profile email' });
    });

    op.get(`${TEST_PROVIDER_PATH}/userinfo`, { schema: { hide: true } }, async (req, reply) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const grant = token
        ? await ctx.db
            .selectFrom('test_idp_grants')
            .select('claims')
            .where('token_hash', '=', hashSecret(token))
            .where('kind', '=', 'access')
            .where('expires_at', '>', new Date())
            .executeTakeFirst()
        : undefined;
      if (!grant) return reply.status(401).header('www-authenticate', 'Bearer error="invalid_token"').send({ error: 'invalid_token' });
      return grant.claims;
    });

    op.get(`${TEST_PROVIDER_PATH}/logout`, { schema: { hide: true } }, async (req, reply) => {
      const q = req.query as Body;
      const back = q.post_logout_redirect_uri;
      if (back?.startsWith(`${ctx.config.publicUrl}/`)) return reply.redirect(q.state ? `${back}${back.includes('?') ? '&' : '?'}state=${encodeURIComponent(q.state)}` : back, 303);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Uscita</title></head><body><main><h1>Sei uscito dal gestore di identità di prova.</h1></main></body></html>',
        );
    });
  });
}
