// Resolves the {tenant} path segment to a comune once per request. Tenants change rarely, so a
// short cache saves a query on every call without serving a deleted comune for long.
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { TenantParams } from '../../../contracts/common.ts';
import { appError } from '../http/errors.ts';
import { findTenantBySlug, type Tenant } from './repository.ts';

declare module 'fastify' {
  interface FastifyRequest {
    tenant: Tenant;
  }
}

const TTL_MS = 30_000;

export function tenantResolver(ctx: AppContext) {
  const cache = new Map<string, { tenant: Tenant; at: number }>();
  const resolveTenant = async function resolveTenant(req: FastifyRequest): Promise<void> {
    const slug = (req.params as { tenant?: string }).tenant ?? '';
    const hit = cache.get(slug);
    if (hit && Date.now() - hit.at < TTL_MS) {
      req.tenant = hit.tenant;
      return;
    }
    const tenant = await findTenantBySlug(ctx.db, slug);
    if (!tenant) throw appError('TENANT_NOT_FOUND', { params: { slug } });
    cache.set(slug, { tenant, at: Date.now() });
    req.tenant = tenant;
  };
  /** A comune's settings changed on this node (e.g. its priority classes): read it again. */
  return Object.assign(resolveTenant, { forget: () => cache.clear() });
}

const SLUG = new RegExp((TenantParams.properties.tenant as { pattern?: string }).pattern ?? '^$');

/**
 * The comune of a request, for a hook that runs before the URL is validated (an upload is read only
 * once the officer is known, and before the body's fields are checked): the slug is checked first.
 */
export async function resolveTenantBeforeValidation(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const slug = (req.params as { tenant?: string }).tenant ?? '';
  const tenant = SLUG.test(slug) ? await findTenantBySlug(ctx.db, slug) : undefined;
  if (!tenant) throw appError('TENANT_NOT_FOUND', { params: { slug: SLUG.test(slug) ? slug : '' } });
  req.tenant = tenant;
}
