// Annulling an entry (admins): the entry stays as registered, visible with the reason, the officer
// and the time. The annulment's primary key is the entry's, so of two concurrent annulments one wins
// and the other is told the entry is already annulled.
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { protocolLabel } from './domain/numbering.ts';
import { findEntry, insertAnnulment } from './repository.ts';

export const entryNotFound = () => appError('NOT_FOUND', { variant: 'protocolEntry' });

export async function annulEntry(ctx: AppContext, officer: OperatorPrincipal, entryId: string, reason: string): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const entry = await findEntry(trx, officer.tenantId, entryId);
    if (!entry) throw entryNotFound();
    const label = protocolLabel(entry.number, entry.year);
    const annulled = await insertAnnulment(trx, { entryId, tenantId: officer.tenantId, reason: reason.trim(), operatorId: officer.id, at: ctx.clock.now() });
    if (!annulled) throw appError('PROTOCOL_ALREADY_ANNULLED', { params: { label } });
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'protocol.annulled',
      entityType: 'protocol_entry',
      entityId: entryId,
      details: { label, reason: reason.trim() },
      payload: { year: entry.year, number: entry.number, direction: entry.direction, applicationId: entry.application_id },
    });
  });
}
