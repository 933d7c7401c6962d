// Gapless counters: numbers that must run 1, 2, 3… with no hole and no repeat (queue tickets per
// queue and day today; the protocol register's yearly number next). The counter row is created or
// incremented by one upsert that keeps it locked until the transaction ends: concurrent callers
// wait for each other, and a rollback gives the number back. A sequence would be faster but
// leaves gaps on rollback, which a register may not have.
import type { Transaction } from 'kysely';
import type { DB } from './db/schema.ts';

/**
 * The next value of counter `name` in `period` (e.g. 20260302 for a day, 2026 for a year), inside
 * the caller's transaction. Keep the transaction short after this call: the row stays locked.
 */
export async function nextCounterValue(trx: Transaction<DB>, tenantId: string, name: string, period: number): Promise<number> {
  const row = await trx
    .insertInto('counters')
    .values({ tenant_id: tenantId, name, period, value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}
