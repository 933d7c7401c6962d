// Reads of the personal area: the citizen's messages, appointments, deadlines and the log of what
// was done by or for them. Everything is found by tenant and fiscal code (or the citizen's id for
// their own actions), so one citizen's query can never reach another's rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function listMessages(db: Q, tenantId: string, fiscalCode: string, limit: number, offset = 0) {
  return db
    .selectFrom('citizen_messages')
    .select(['id', 'subject', 'body', 'link', 'created_at', 'read_at'])
    .where('tenant_id', '=', tenantId)
    .where('fiscal_code', '=', fiscalCode)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countMessages(db: Q, tenantId: string, fiscalCode: string): Promise<{ total: number; unread: number }> {
  const r = await db
    .selectFrom('citizen_messages')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where read_at is null))::int`.as('unread')])
    .where('tenant_id', '=', tenantId)
    .where('fiscal_code', '=', fiscalCode)
    .executeTakeFirstOrThrow();
  return { total: r.total, unread: r.unread };
}

/** Marks one of the citizen's messages read; false when it is not theirs. */
export async function markMessageRead(db: Q, tenantId: string, fiscalCode: string, messageId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('citizen_messages')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('tenant_id', '=', tenantId)
    .where('fiscal_code', '=', fiscalCode)
    .where('id', '=', messageId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listCitizenBookings(db: Q, tenantId: string, fiscalCode: string) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('services as s', 's.id', 'b.service_id')
    .innerJoin('offices as o', 'o.id', 'b.office_id')
    .select(['b.id', 'b.reference', 'b.status', 'b.start_at', 'b.end_at', 'b.service_id', 's.name as service_name', 's.mode', 's.cutoff_min', 'o.name as office_name'])
    .where('b.tenant_id', '=', tenantId)
    .where('b.fiscal_code', '=', fiscalCode)
    .where('b.status', '<>', 'held')
    .orderBy('b.start_at', 'desc')
    .limit(500)
    .execute();
}

export async function listDeadlines(db: Q, tenantId: string, fiscalCode: string, from: Date) {
  return db
    .selectFrom('citizen_deadlines')
    .select(['title', 'due_at', 'link'])
    .where('tenant_id', '=', tenantId)
    .where('fiscal_code', '=', fiscalCode)
    .where('done_at', 'is', null)
    .where('due_at', '>=', from)
    .orderBy('due_at')
    .limit(100)
    .execute();
}

/**
 * The audit entries about the citizen: their own actions (logged in: actor id) and every action on
 * their bookings, their cases and their payments (by them or by the office), newest first.
 */
export async function listActivityEntries(db: Q, tenantId: string, citizenId: string, fiscalCode: string, limit: number, offset = 0) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('bookings as b', (j) => j.on((eb) => eb.and([eb('a.entity_type', '=', 'booking'), eb(eb.cast('b.id', 'text'), '=', eb.ref('a.entity_id'))])))
    .leftJoin('services as s', 's.id', 'b.service_id')
    .leftJoin('applications as ap', (j) => j.on((eb) => eb.and([eb('a.entity_type', '=', 'application'), eb(eb.cast('ap.id', 'text'), '=', eb.ref('a.entity_id'))])))
    .leftJoin('payment_positions as pp', (j) => j.on((eb) => eb.and([eb('a.entity_type', '=', 'payment'), eb(eb.cast('pp.id', 'text'), '=', eb.ref('a.entity_id'))])))
    .select(['a.id', 'a.at', 'a.actor_type', 'a.action', 'a.details', 'b.reference', 's.name as service_name'])
    .where('a.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('a.actor_type', '=', 'citizen'), eb('a.actor_id', '=', citizenId)]),
        eb.and([eb('a.entity_type', '=', 'booking'), eb('b.fiscal_code', '=', fiscalCode), eb('b.tenant_id', '=', tenantId)]),
        // The office's actions on the citizen's cases (its internal notes are not in the catalogue's wording).
        eb.and([eb('a.entity_type', '=', 'application'), eb('ap.citizen_id', '=', citizenId), eb('ap.tenant_id', '=', tenantId)]),
        // What the comune asked them to pay, and what became of it.
        eb.and([eb('a.entity_type', '=', 'payment'), eb('pp.debtor_fiscal_code', '=', fiscalCode), eb('pp.tenant_id', '=', tenantId)]),
      ]),
    )
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
