// Demo data: seeds the comuni of demo-tenants.ts with their offices, services, desks, hours and demo
// officers. Seeded only in demo and test mode, never in production.
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { hashPassword } from '../operators/index.ts';
import { seedCitizenInbox } from './citizen-inbox.ts';
import { seedPayments } from './demo-payments.ts';
import { seedForms } from './demo-forms.ts';
import { seedServiceCards } from './demo-service-cards.ts';
import { seedSite } from './demo-site.ts';
import { DEMO_PASSWORD, DEMO_TENANTS } from './demo-tenants.ts';

/** Seeds the demo comuni once; a database that already has them is left alone. */
// Two demo nodes starting together on an empty database would both find no tenant and both insert:
// the seed runs under an advisory lock of its own and looks again once it holds it.
const SEED_LOCK_KEY = 727_002;

export async function seedDemo(db: Kysely<DB>): Promise<boolean> {
  const seeded = (q: Kysely<DB>) => q.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirst();
  // The usual case (already seeded) takes no lock; nor does it hash a password.
  if (await seeded(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await seeded(trx)) return false;
    for (const t of DEMO_TENANTS) {
      const tenant = await trx
        .insertInto('tenants')
        .values({
          slug: t.slug,
          name: t.name,
          istat_code: t.istat,
          cadastral_code: t.cadastral,
          fiscal_code: t.fiscalCode,
          patron_day: t.patronDay,
          patron_name: t.patronName,
          reference_prefix: t.prefix,
          branding: JSON.stringify(t.branding),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const officeIds = new Map<string, string>();
      const officesByKey = new Map<string, { id: string; name: string; address: string }>();
      const allServices = new Map<string, string>();
      let position = 0;
      for (const o of t.offices) {
        const office = await trx
          .insertInto('offices')
          .values({
            tenant_id: tenant.id,
            name: o.name,
            description: o.description,
            address: o.address,
            phone: o.phone,
            email: o.email,
            opening_hours: o.openingHours,
            position: position++,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        officeIds.set(o.key, office.id);
        officesByKey.set(o.key, { id: office.id, name: o.name, address: o.address });
        const serviceIds: string[] = [];
        const serviceByName = new Map<string, string>();
        let sp = 0;
        for (const s of o.services) {
          const row = await trx
            .insertInto('services')
            .values({
              tenant_id: tenant.id,
              office_id: office.id,
              name: s.name,
              description: s.description,
              topic: s.topic,
              duration_min: s.duration,
              buffer_min: s.buffer ?? 0,
              min_notice_min: 120,
              horizon_days: 60,
              cutoff_min: 1440,
              mode: s.mode,
              what_to_bring: s.bring,
              max_active_per_citizen: 1,
              requires_approval: s.requiresApproval ?? false,
              position: sp++,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          serviceIds.push(row.id);
          serviceByName.set(s.name, row.id);
          allServices.set(s.name, row.id);
        }
        const queues: Array<{ id: string; desks?: number[] }> = [];
        for (const [qp, q] of (o.queues ?? []).entries()) {
          const row = await trx
            .insertInto('queues')
            .values({ tenant_id: tenant.id, office_id: office.id, name: q.name, prefix: q.prefix, kind: q.kind ?? 'in_person', position: qp })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('queue_services')
            .values(q.services.map((name) => ({ tenant_id: tenant.id, queue_id: row.id, service_id: serviceByName.get(name)! })))
            .execute();
          queues.push({ id: row.id, desks: q.desks });
        }
        const videoDesks = new Set((o.queues ?? []).filter((q) => q.kind === 'video').flatMap((q) => q.desks ?? Array.from({ length: o.desks }, (_, i) => i + 1)));
        for (let i = 1; i <= o.desks; i++) {
          const desk = await trx
            .insertInto('desks')
            .values({ tenant_id: tenant.id, office_id: office.id, name: `${o.deskPrefix} ${i}`, takes_video: videoDesks.has(i) })
            .returning('id')
            .executeTakeFirstOrThrow();
          const served = queues.filter((q) => !q.desks || q.desks.includes(i));
          if (served.length)
            await trx
              .insertInto('desk_queues')
              .values(served.map((q) => ({ tenant_id: tenant.id, desk_id: desk.id, queue_id: q.id })))
              .execute();
          await trx
            .insertInto('desk_services')
            .values(serviceIds.map((sid) => ({ tenant_id: tenant.id, desk_id: desk.id, service_id: sid })))
            .execute();
          await trx
            .insertInto('desk_hours')
            .values(o.hours.map(([weekday, start, end]) => ({ tenant_id: tenant.id, desk_id: desk.id, weekday, start_time: start, end_time: end })))
            .execute();
        }
      }
      await seedServiceCards(trx, { id: tenant.id, slug: t.slug }, officesByKey, allServices, new Date());
      await seedSite(trx, { id: tenant.id, slug: t.slug }, new Date());
      await seedForms(trx, { id: tenant.id, slug: t.slug, name: t.name });
      await seedCitizenInbox(trx, { id: tenant.id, slug: t.slug, name: t.name }, new Date());
      await seedPayments(trx, { id: tenant.id, slug: t.slug, name: t.name });
      for (const op of t.operators) {
        const row = await trx
          .insertInto('operators')
          .values({ tenant_id: tenant.id, username: op.username, display_name: op.name, password_hash: passwordHash, role: op.role })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (op.offices.length) {
          await trx
            .insertInto('operator_offices')
            .values(op.offices.map((k) => ({ tenant_id: tenant.id, operator_id: row.id, office_id: officeIds.get(k)! })))
            .execute();
        }
      }
    }
    return true;
  });
}
