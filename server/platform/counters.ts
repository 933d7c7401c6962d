// Gapless counters: numbers that must run 1, 2, 3… with no hole and no repeat (queue tickets per
// queue and day; the protocol register's number per year). The counter row is created or
// incremented by one upsert that keeps it locked until the transaction ends: concurrent callers
// wait for each other, and a rollback gives the number back. A sequence would be faster but
// leaves gaps on rollback, which a register may not have.
import type { Kysely, Transaction } from 'kysely';
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

/**
 * Gives back the value `nextCounterValue` just returned, in the same transaction (the row is still
 * locked by it, so no one took a later number): for a caller that found, after waiting for the
 * lock, that it needs another period's number (the protocol register at midnight of 31 December).
 */
export async function giveBackCounterValue(trx: Transaction<DB>, tenantId: string, name: string, period: number): Promise<void> {
  await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('counters.value', '-', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .where('period', '=', period)
    .execute();
}

/**
 * `count` numbers of counter `name` in `period`, taken at once and for good, outside any caller's
 * transaction: unique, never repeated, but a caller that then fails leaves a gap. For identifiers
 * that must be unique and need not be gapless (pagoPA notice numbers): the counter row is locked only
 * for this one statement, so concurrent callers do not queue behind each other's work.
 */
export async function reserveCounterRange(db: Kysely<DB>, tenantId: string, name: string, period: number, count: number): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ tenant_id: tenantId, name, period, value: count })
    .onConflict((oc) => oc.columns(['tenant_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', count) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value - count + 1;
}
