// The relying party: Sportello logs citizens in at their comune's SPID/CIE gateway with OpenID
// Connect (authorization code, PKCE S256, state, nonce) through openid-client. Each comune names its
// gateway per provider (tenants.identity_providers); unset, demo and test mode use the embedded test
// provider, which production refuses. Discovery is cached per issuer and client.
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import type { AppContext } from '../../platform/context.ts';
import type { CitizenProvider, IdentityProviders } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import { TEST_CLIENT_ID, testIssuer } from './test-provider/routes.ts';

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** Extra authorization parameters the gateway wants (e.g. which IdP list to show). */
  params: Record<string, string>;
  embedded: boolean;
}

export const loginNotConfigured = () => appError('LOGIN_NOT_CONFIGURED');

export function providerSettings(ctx: AppContext, tenant: { identity_providers: IdentityProviders }, provider: CitizenProvider): ProviderSettings {
  const configured = tenant.identity_providers?.[provider];
  if (configured) {
    const embedded = configured.issuer.startsWith(testIssuer(ctx));
    if (embedded && ctx.config.mode === 'production') throw loginNotConfigured();
    return { issuer: configured.issuer, clientId: configured.clientId, params: configured.params ?? {}, embedded };
  }
  // No gateway configured: the embedded test provider, never in production.
  if (ctx.config.mode === 'production') throw loginNotConfigured();
  return { issuer: testIssuer(ctx), clientId: TEST_CLIENT_ID, params: { provider }, embedded: true };
}

/**
 * Requests to the embedded provider stay inside the process (Fastify's inject): no network, and the
 * same code path whether or not the server listens (tests inject requests without listening).
 */
function injectFetch(app: FastifyInstance): oidc.CustomFetch {
  return async (url, options) => {
    const u = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(options.headers as HeadersInit).forEach((v, k) => {
      headers[k] = v;
    });
    const res = await app.inject({
      method: options.method as 'GET' | 'POST',
      url: u.pathname + u.search,
      headers,
      payload: options.body === undefined || options.body === null ? undefined : String(options.body),
    });
    return new Response(res.statusCode === 204 ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: res.headers as Record<string, string> });
  };
}

// Per application (two nodes in one test process each talk to their own embedded provider).
const cache = new WeakMap<FastifyInstance, Map<string, Promise<oidc.Configuration>>>();

export function clientConfiguration(app: FastifyInstance, ctx: AppContext, s: ProviderSettings): Promise<oidc.Configuration> {
  let configs = cache.get(app);
  if (!configs) cache.set(app, (configs = new Map()));
  const key = `${s.issuer}|${s.clientId}`;
  let config = configs.get(key);
  if (!config) {
    // A gateway's secret goes to that gateway only, never to an issuer an admin typed in.
    const secret = s.embedded ? undefined : ctx.config.oidcClientSecrets[s.issuer];
    const options: oidc.DiscoveryRequestOptions = s.embedded ? { [oidc.customFetch]: injectFetch(app), execute: [oidc.allowInsecureRequests] } : {};
    config = oidc.discovery(new URL(s.issuer), s.clientId, secret, secret ? undefined : oidc.None(), options);
    configs.set(key, config);
    // A failed discovery (gateway down) is retried on the next login, not cached.
    config.catch(() => configs!.delete(key));
  }
  return config;
}

export const callbackUrl = (ctx: AppContext, slug: string) => `${ctx.config.publicUrl}/api/v1/${slug}/auth/callback`;
