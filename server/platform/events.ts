// Domain events, written in the transaction of the change (an outbox): other modules and the
// realtime layer read them after commit, so a rolled-back change never announces itself.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './db/schema.ts';

export const EVENTS_CHANNEL = 'sportello_events';

export async function recordEvent(
  trx: Kysely<DB> | Transaction<DB>,
  tenantId: string,
  type: string,
  entityId: string | null,
  payload: Record<string, unknown> = {},
): Promise<void> {
  const row = await trx
    .insertInto('events')
    .values({ tenant_id: tenantId, type, entity_id: entityId, payload: JSON.stringify(payload) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Delivered at commit to every node listening (LISTEN/NOTIFY), never for a rolled-back change.
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ id: row.id, tenantId, type, entityId })})`.execute(trx);
}
