// Offices and services as citizens see them. Every query is filtered by tenant.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

const officeColumns = ['o.id', 'o.name', 'o.description', 'o.address', 'o.phone', 'o.email', 'o.opening_hours'] as const;

// Whether the office runs a virtual queue (citizens can take a number there).
const hasQueue = sql<boolean>`exists (select 1 from queues q where q.office_id = o.id and q.active)`.as('has_queue');

export async function listOffices(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('offices as o')
    .select([...officeColumns, hasQueue])
    .where('o.tenant_id', '=', tenantId)
    .where('o.active', '=', true)
    .orderBy('o.position')
    .orderBy('o.name')
    .execute();
}

export async function findOffice(db: Kysely<DB>, tenantId: string, officeId: string) {
  return db
    .selectFrom('offices as o')
    .select([...officeColumns, hasQueue])
    .where('o.tenant_id', '=', tenantId)
    .where('o.id', '=', officeId)
    .where('o.active', '=', true)
    .executeTakeFirst();
}

const serviceQuery = (db: Kysely<DB>, tenantId: string) =>
  db
    .selectFrom('services as s')
    .select([
      's.id',
      's.office_id',
      's.name',
      's.description',
      's.topic',
      's.duration_min',
      's.buffer_min',
      's.min_notice_min',
      's.horizon_days',
      's.cutoff_min',
      's.mode',
      's.what_to_bring',
      's.max_active_per_citizen',
      's.requires_approval',
      (eb) =>
        eb
          .selectFrom('desk_services as ds')
          .innerJoin('desks as d', 'd.id', 'ds.desk_id')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('ds.service_id', '=', 's.id')
          .where('d.active', '=', true)
          .as('capacity'),
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.active', '=', true);

export type ServiceRow = Awaited<ReturnType<typeof findService>> & {};

export async function listServices(db: Kysely<DB>, tenantId: string, officeId?: string) {
  let q = serviceQuery(db, tenantId);
  if (officeId) q = q.where('s.office_id', '=', officeId);
  return q.orderBy('s.position').orderBy('s.name').execute();
}

export async function findService(db: Kysely<DB>, tenantId: string, serviceId: string) {
  return serviceQuery(db, tenantId).where('s.id', '=', serviceId).executeTakeFirst();
}
