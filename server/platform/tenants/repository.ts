import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type Tenant = Awaited<ReturnType<typeof findTenantBySlug>> & {};

const TENANT_COLUMNS = [
  'id',
  'slug',
  'name',
  'istat_code',
  'cadastral_code',
  'fiscal_code',
  'time_zone',
  'patron_day',
  'patron_name',
  'reference_prefix',
  'branding',
  'priority_classes',
  'identity_providers',
] as const;

export async function findTenantBySlug(db: Kysely<DB>, slug: string) {
  return db.selectFrom('tenants').select(TENANT_COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

/** A comune by its id (background work, which knows rows, not addresses). */
export async function findTenantById(db: Kysely<DB>, id: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').select(TENANT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listTenants(db: Kysely<DB>) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).orderBy('name').execute();
}
