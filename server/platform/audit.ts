// The audit log: who did what to which record, written in the same transaction as the action.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.ts';

export interface AuditEntry {
  tenantId: string;
  actorType: 'operator' | 'citizen' | 'system';
  actorId?: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

export async function audit(trx: Kysely<DB> | Transaction<DB>, e: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      tenant_id: e.tenantId,
      actor_type: e.actorType,
      actor_id: e.actorId ?? null,
      action: e.action,
      entity_type: e.entityType ?? null,
      entity_id: e.entityId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}
