// An officer's own account: what the profile page shows, and changing one's password (current +
// new). A change ends the officer's other sessions (a password someone else knew stops working
// everywhere) and lifts the "temporary password" flag.
import type { Profile } from '../../../contracts/officers.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { endSessions, type OperatorPrincipal } from '../../platform/staff/sessions.ts';

export async function getProfile(ctx: AppContext, op: OperatorPrincipal): Promise<Profile> {
  const row = await ctx.db
    .selectFrom('operators')
    .select(['totp_secret', 'totp_enabled_at', 'must_change_password', 'password_changed_at'])
    .where('id', '=', op.id)
    .executeTakeFirstOrThrow();
  let offices: Array<{ id: string; name: string }> = [];
  if (op.officeIds) {
    offices = await ctx.db
      .selectFrom('offices')
      .select(['id', 'name'])
      .where('tenant_id', '=', op.tenantId)
      .where('id', 'in', op.officeIds)
      .orderBy('position')
      .orderBy('name')
      .execute();
  }
  return {
    id: op.id,
    username: op.username,
    displayName: op.displayName,
    role: op.role,
    offices,
    totpEnabled: row.totp_secret !== null,
    totpEnabledAt: row.totp_enabled_at?.toISOString() ?? null,
    mustChangePassword: row.must_change_password,
    passwordChangedAt: row.password_changed_at?.toISOString() ?? null,
  };
}

export async function changeOwnPassword(ctx: AppContext, op: OperatorPrincipal, currentPassword: string, newPassword: string): Promise<void> {
  const row = await ctx.db.selectFrom('operators').select('password_hash').where('id', '=', op.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    await ctx.bus.record(ctx.db, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'operator.password-change-failed',
      entityType: 'operator',
      entityId: op.id,
    });
    throw appError('WRONG_PASSWORD', {
      extra: {
        fields: [{ field: 'currentPassword', message: 'password non corretta' }],
      },
    });
  }
  assertStrongPassword(newPassword, { username: op.username, displayName: op.displayName });
  if (await verifyPassword(row.password_hash, newPassword)) {
    throw appError('PASSWORD_REUSED', {
      extra: {
        fields: [{ field: 'newPassword', message: 'uguale a quella attuale' }],
      },
    });
  }
  const hash = await hashPassword(newPassword);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('operators').set({ password_hash: hash, must_change_password: false, password_changed_at: ctx.clock.now() }).where('id', '=', op.id).execute();
    const endedSessions = await endSessions(trx, op.id, op.sessionHash);
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'operator.password-changed',
      entityType: 'operator',
      entityId: op.id,
      details: { endedSessions },
    });
  });
}
