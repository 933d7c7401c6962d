// Checking an officer's credentials: password (argon2id), then the TOTP code when the officer
// enrolled one. Wrong passwords and wrong codes count together towards the lockout: five in a row
// lock the account for 15 minutes. A right password without a code answers TOTP_REQUIRED and
// creates nothing, so the form asks for the code and sends both again.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { totpInvalid, totpUnavailable, useTotpCode } from './totp-check.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const badCredentials = () => appError('INVALID_CREDENTIALS');
const locked = () => appError('ACCOUNT_LOCKED', { params: { minutes: LOCK_MINUTES } });
const totpRequired = () => appError('TOTP_REQUIRED');

export interface LoginAttempt {
  tenantId: string;
  username: string;
  password: string;
  totpCode?: string;
  ip: string;
}

/** The officer's id when the credentials are right; otherwise throws the reason (401 or 423). */
export async function checkCredentials(ctx: AppContext, attempt: LoginAttempt): Promise<string> {
  const now = ctx.clock.now();
  const username = attempt.username.trim().toLowerCase();
  const op = await ctx.db.selectFrom('operators').selectAll().where('tenant_id', '=', attempt.tenantId).where('username', '=', username).executeTakeFirst();
  if (!op) {
    await verifyPassword(await decoyHash(), attempt.password);
    throw badCredentials();
  }
  if (op.locked_until && op.locked_until > now) throw locked();
  // Verified even for a disabled account, so the answer takes as long as for any other.
  const passwordOk = (await verifyPassword(op.password_hash, attempt.password)) && op.active;
  if (!passwordOk) {
    return recordFailure(ctx, attempt, op.id, 'operator.login-failed');
  }
  if (op.totp_secret) {
    if (!attempt.totpCode) throw totpRequired();
    const outcome = await useTotpCode(ctx, ctx.db, op, attempt.totpCode);
    if (outcome === 'unreadable') throw totpUnavailable();
    if (outcome === 'wrong') return recordFailure(ctx, attempt, op.id, 'operator.totp-failed');
  }
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('operators').set({ failed_attempts: 0, locked_until: null }).where('id', '=', op.id).execute();
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: attempt.tenantId,
      action: 'operator.logged-in',
      details: { ip: attempt.ip, secondFactor: Boolean(op.totp_secret) },
    });
  });
  return op.id;
}

/** Counts a failure in one statement (parallel attempts cannot undercount); the fifth locks. */
async function recordFailure(ctx: AppContext, attempt: LoginAttempt, operatorId: string, action: 'operator.login-failed' | 'operator.totp-failed'): Promise<never> {
  const lockUntil = new Date(ctx.clock.now().getTime() + LOCK_MINUTES * 60_000);
  const nowLocked = await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .updateTable('operators')
      .set({
        failed_attempts: sql`case when failed_attempts + 1 >= ${MAX_FAILURES} then 0 else failed_attempts + 1 end`,
        locked_until: sql`case when failed_attempts + 1 >= ${MAX_FAILURES} then ${lockUntil}::timestamptz else null end`,
      })
      .where('id', '=', operatorId)
      .returning('locked_until')
      .executeTakeFirstOrThrow();
    const isLocked = row.locked_until !== null;
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: operatorId },
      tenantId: attempt.tenantId,
      action: isLocked ? 'operator.login-throttled' : action,
      details: { ip: attempt.ip },
    });
    return isLocked;
  });
  if (nowLocked) throw locked();
  throw action === 'operator.totp-failed' ? totpInvalid() : badCredentials();
}
