// The citizen's inbox in the personal area ("Messaggi"): messages from the comune, addressed by fiscal
// code and written in the transaction of the change they tell about, like an email in the outbox. A
// booking's notices are mirrored here once each (the same dedupe key as their email).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.ts';

export interface InboxMessage {
  tenantId: string;
  fiscalCode: string;
  subject: string;
  body: string;
  link?: string | null;
  dedupeKey?: string;
  operatorId?: string;
  at: Date;
}

export async function queueInboxMessage(trx: Kysely<DB> | Transaction<DB>, m: InboxMessage): Promise<void> {
  await trx
    .insertInto('citizen_messages')
    .values({
      tenant_id: m.tenantId,
      fiscal_code: m.fiscalCode,
      subject: m.subject.slice(0, 200),
      body: m.body.slice(0, 10_000),
      link: m.link ?? null,
      dedupe_key: m.dedupeKey ?? null,
      sender: m.operatorId ? 'operator' : 'system',
      operator_id: m.operatorId ?? null,
      created_at: m.at,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
