// Who works for an office: officers attached to it, and those attached to no office (they serve them
// all). Used wherever a case or a report is assigned to an officer.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** May this officer handle the office's work: active, of the comune, attached to it or to none. */
export async function officerServesOffice(db: Db, tenantId: string, officerId: string, officeId: string): Promise<boolean> {
  const officer = await db.selectFrom('operators').select('id').where('tenant_id', '=', tenantId).where('id', '=', officerId).where('active', '=', true).executeTakeFirst();
  if (!officer) return false;
  const links = await db.selectFrom('operator_offices').select('office_id').where('operator_id', '=', officerId).execute();
  return links.length === 0 || links.some((l) => l.office_id === officeId);
}
