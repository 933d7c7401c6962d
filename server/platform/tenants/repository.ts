import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type Tenant = Awaited<ReturnType<typeof findTenantBySlug>> & {};

export async function findTenantBySlug(db: Kysely<DB>, slug: string) {
  return db
    .selectFrom('tenants')
    .select([
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
    ])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function listTenants(db: Kysely<DB>) {
  return db.selectFrom('tenants').select(['id', 'slug', 'name']).orderBy('name').execute();
}
