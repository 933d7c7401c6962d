// Before a comune's SPID/CIE gateway is saved: its address must be https (http only for development,
// see httpAllowed) and its discovery document one a login can work with — reachable, JSON, naming
// the same issuer, with authorization and token endpoints and PKCE S256. A gateway saved broken
// would stop every citizen's login in the comune and only show as a 503 at their next attempt.
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import type { AppContext } from '../../platform/context.ts';
import type { CitizenProvider } from '../../platform/db/schema.ts';
import { type AppError, appError } from '../../platform/http/errors.ts';
import { discoveryOptions, httpAllowed, isEmbeddedIssuer } from './oidc-client.ts';

/** An admin waits for this answer: a gateway slower than this to give its configuration is broken. */
const DISCOVERY_TIMEOUT_SECONDS = 5;

interface GatewayInput {
  issuer: string;
  clientId: string;
}

/** Throws the reason (400, Italian and English, naming the problem) when the gateway cannot be used. */
export async function checkGateway(app: FastifyInstance, ctx: AppContext, name: CitizenProvider, p: GatewayInput): Promise<void> {
  const provider = name.toUpperCase();
  const issuer = new URL(p.issuer);
  const embedded = isEmbeddedIssuer(ctx, p.issuer);
  if (embedded && ctx.config.mode === 'production') throw appError('INSECURE_ISSUER', { variant: 'testProvider', params: { provider } });
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && httpAllowed(ctx, issuer))) throw appError('INSECURE_ISSUER', { params: { provider } });

  const url = `${p.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const params = { provider, issuer: p.issuer, url };
  let metadata: oidc.ServerMetadata;
  try {
    const config = await oidc.discovery(issuer, p.clientId, undefined, oidc.None(), {
      ...discoveryOptions(app, ctx, { issuer: p.issuer, embedded }),
      timeout: DISCOVERY_TIMEOUT_SECONDS,
    });
    metadata = config.serverMetadata();
  } catch (err) {
    ctx.log.warn({ err, provider: name, issuer: p.issuer }, 'identity provider not saved: its discovery failed');
    throw discoveryProblem(err, params);
  }
  if (!metadata.authorization_endpoint) throw appError('IDP_DISCOVERY_FAILED', { variant: 'noAuthorization', params });
  if (!metadata.token_endpoint) throw appError('IDP_DISCOVERY_FAILED', { variant: 'noToken', params });
  if (!metadata.code_challenge_methods_supported?.includes('S256')) throw appError('IDP_DISCOVERY_FAILED', { variant: 'noPkce', params });
}

/** openid-client's (oauth4webapi's) error codes, told in words an admin can act on. */
function discoveryProblem(err: unknown, params: { provider: string; issuer: string; url: string }): AppError {
  const e = err as { code?: string; cause?: unknown };
  switch (e.code) {
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM': {
      const status = e.cause instanceof Response ? e.cause.status : '?';
      return appError('IDP_DISCOVERY_FAILED', { variant: 'status', params: { ...params, status } });
    }
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_PARSE_ERROR':
    case 'OAUTH_INVALID_RESPONSE':
      return appError('IDP_DISCOVERY_FAILED', { variant: 'notJson', params });
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED': {
      const found = (e.cause as { body?: { issuer?: unknown } } | undefined)?.body?.issuer;
      return appError('IDP_DISCOVERY_FAILED', { variant: 'issuerMismatch', params: { ...params, found: typeof found === 'string' ? found : '?' } });
    }
    default:
      // Network errors, timeouts, refused or https-only requests: nothing usable came back.
      return appError('IDP_DISCOVERY_FAILED', { params });
  }
}
