// Officers sign in at a desk to call numbers there: one officer per desk and one desk per officer,
// enforced by two partial unique indexes. Moving to another desk leaves the previous one; taking
// over a desk someone left signed in is explicit and audited.
import type { AppContext } from '../../platform/context.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { deskNotFound, deskTaken } from './errors.ts';
import { activeDeskSession, activeSessionOfOperator, deskTickets, lockDesk } from './repository.ts';
import { appError } from '../../platform/http/errors.ts';

const busyLeaving = () => appError('DESK_BUSY');

export async function signInAtDesk(ctx: AppContext, op: OperatorPrincipal, deskId: string, takeOver: boolean): Promise<void> {
  const now = ctx.clock.now();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const desk = await lockDesk(trx, op.tenantId, deskId);
    if (!desk) throw deskNotFound();
    assertOffice(op, desk.office_id);
    if (!desk.active) throw deskNotFound();
    const current = await activeDeskSession(trx, desk.id);
    if (current?.operator_id === op.id) return;
    if (current) {
      if (!takeOver) {
        const who = await trx.selectFrom('operators').select('display_name').where('id', '=', current.operator_id).executeTakeFirst();
        throw deskTaken(who?.display_name ?? 'un altro operatore');
      }
      await trx.updateTable('desk_sessions').set({ ended_at: now }).where('id', '=', current.id).execute();
      await ctx.bus.record(trx, {
        actor: { type: 'operator', id: op.id },
        tenantId: op.tenantId,
        action: 'desk.taken-over',
        entityType: 'desk',
        entityId: desk.id,
        details: { from: current.operator_id },
        payload: { officeId: desk.office_id, deskId: desk.id },
      });
    }
    const previous = await activeSessionOfOperator(trx, op.id);
    if (previous) {
      // Moving desks with a citizen called or at the desk would leave them stranded at the old one.
      if ((await deskTickets(trx, previous.desk_id, ['called', 'serving'])).length) throw busyLeaving();
      await trx.updateTable('desk_sessions').set({ ended_at: now }).where('id', '=', previous.id).execute();
    }
    await trx.insertInto('desk_sessions').values({ tenant_id: op.tenantId, desk_id: desk.id, operator_id: op.id, started_at: now }).execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'desk.signed-in',
      entityType: 'desk',
      entityId: desk.id,
      details: previous ? { leftDesk: previous.desk_id } : {},
      payload: { officeId: desk.office_id, deskId: desk.id },
    });
  });
}

export async function signOutOfDesk(ctx: AppContext, op: OperatorPrincipal, deskId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const desk = await lockDesk(trx, op.tenantId, deskId);
    if (!desk) throw deskNotFound();
    assertOffice(op, desk.office_id);
    const current = await activeDeskSession(trx, desk.id);
    if (!current || current.operator_id !== op.id) return;
    if ((await deskTickets(trx, desk.id, ['called', 'serving'])).length) throw busyLeaving();
    await trx.updateTable('desk_sessions').set({ ended_at: now }).where('id', '=', current.id).execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'desk.signed-out',
      entityType: 'desk',
      entityId: desk.id,
      details: {},
      payload: { officeId: desk.office_id, deskId: desk.id },
    });
  });
}
