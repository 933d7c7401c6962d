// An officer registers a document by hand (a letter handed in at the counter, a reply sent out):
// the fields and the documents already staged by the intake, registered in one transaction.
import type { NewProtocolEntry } from '../../../contracts/protocol.ts';
import type { AppContext } from '../../platform/context.ts';
import type { RegisteredDocument } from '../../platform/db/schema-protocol.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import type { ProtocolReceipt, ProtocolSystem } from './register.ts';

export async function registerByHand(
  ctx: AppContext,
  system: ProtocolSystem,
  tenant: Tenant,
  officer: OperatorPrincipal,
  fields: NewProtocolEntry,
  documents: RegisteredDocument[],
): Promise<ProtocolReceipt> {
  return ctx.bus.transaction(ctx.db, (trx) =>
    system.register(trx, {
      tenantId: tenant.id,
      timeZone: tenant.time_zone,
      direction: fields.direction,
      correspondent: fields.correspondent.trim(),
      subject: fields.subject.trim(),
      classification: fields.classification?.trim() || null,
      documents,
      by: { type: 'operator', operatorId: officer.id },
    }),
  );
}
