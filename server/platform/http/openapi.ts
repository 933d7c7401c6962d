// The OpenAPI document's conventions, applied to every route when the document is built: how a
// route is authenticated (the session cookies and the CSRF header), a stable operationId, and the
// answers any route may give whatever its schema says (429 over a rate limit, 413 for a body over
// the limit, 414 for a URL over the limit), all in the app's error shape.
import type { FastifyContextConfig } from 'fastify';
import { ErrorResponse } from '../../../contracts/common.ts';
import { CITIZEN_COOKIE } from '../citizens/auth.ts';
import { SESSION_COOKIE } from '../staff/auth.ts';

/** How a route authenticates, set by the hooks that check it (staff/auth.ts, citizens/auth.ts). */
export type RouteAuth = 'officer' | 'citizen' | 'citizen-optional';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
}

export const securitySchemes = {
  officerSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: "An officer's session (POST /api/v1/{tenant}/operator/session)" },
  citizenSession: { type: 'apiKey', in: 'cookie', name: CITIZEN_COOKIE, description: "A citizen's session (login with SPID or CIE)" },
  csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: "The session's CSRF token, required on every POST, PUT, PATCH and DELETE of a session" },
} as const;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function routeSecurity(auth: RouteAuth | undefined, method: string): Array<Record<string, string[]>> | undefined {
  if (!auth) return undefined;
  const session = auth === 'officer' ? 'officerSession' : 'citizenSession';
  const needs = UNSAFE.has(method) ? { [session]: [], csrfToken: [] } : { [session]: [] };
  // An optional session: anonymous requests are answered too.
  return auth === 'citizen-optional' ? [{}, needs] : [needs];
}

const words = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const pascal = (s: string) =>
  words(s)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** e.g. PATCH /api/v1/:tenant/operator/admin/offices/:officeId in admin → admin_patchOperatorAdminOfficesByOfficeId */
export function operationId(tag: string | undefined, method: string, url: string): string {
  const path = url
    .replace(/^\/api\/v1\/:tenant(?=\/|$)/, '')
    .replace(/^\/api(?=\/)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `By${pascal(segment.slice(1))}` : pascal(segment)))
    .join('');
  return `${tag ?? 'platform'}_${method.toLowerCase()}${path}`;
}

interface TransformInput {
  schema: Record<string, unknown>;
  url: string;
  route: { method: string | string[]; config?: FastifyContextConfig & { rateLimit?: unknown } };
}

/** @fastify/swagger's `transform`: the conventions above added to a route's documented schema. */
export function documentRoute({ schema, url, route }: TransformInput) {
  if (!schema || schema.hide) return { schema, url };
  const method = Array.isArray(route.method) ? route.method[0]! : route.method;
  const tags = schema.tags as string[] | undefined;
  const response = { ...((schema.response as Record<string, unknown>) ?? {}) };
  response[414] ??= ErrorResponse;
  if (UNSAFE.has(method)) response[413] ??= ErrorResponse;
  if (route.config?.rateLimit) response[429] ??= ErrorResponse;
  const security = schema.security ?? routeSecurity(route.config?.auth, method);
  return {
    url,
    schema: { ...schema, operationId: schema.operationId ?? operationId(tags?.[0], method, url), response, ...(security ? { security } : {}) },
  };
}
