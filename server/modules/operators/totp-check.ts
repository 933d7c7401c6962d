// Checking an officer's TOTP code against their stored secret, once: the matching step is claimed
// with a conditional update (only if later than the last one used), so two requests racing with the
// same code cannot both succeed, on one node or several.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import { base32Decode } from './base32.ts';
import { openTotpSecret } from './totp-secrets.ts';
import { matchTotp } from './totp.ts';

export const totpInvalid = () => appError('TOTP_INVALID');
export const totpUnavailable = () => appError('TOTP_UNAVAILABLE');

/** The secret's bytes, or null when it cannot be opened (sealed under another SESSION_SECRET). */
export async function totpKey(ctx: AppContext, operatorId: string, sealed: string): Promise<Buffer | null> {
  const secret = await openTotpSecret(ctx, operatorId, sealed);
  return secret === null ? null : base32Decode(secret);
}

/**
 * 'ok' when `code` is valid now for the officer's active secret and was not used before; 'wrong'
 * otherwise; 'unreadable' when the secret was sealed under another SESSION_SECRET.
 */
export async function useTotpCode(
  ctx: AppContext,
  db: Kysely<DB> | Transaction<DB>,
  op: { id: string; totp_secret: string | null; totp_last_step: string | number | null },
  code: string,
): Promise<'ok' | 'wrong' | 'unreadable'> {
  if (!op.totp_secret) return 'wrong';
  const key = await totpKey(ctx, op.id, op.totp_secret);
  if (!key) return 'unreadable';
  const step = matchTotp(key, code, ctx.clock.now().getTime(), op.totp_last_step === null ? null : BigInt(op.totp_last_step));
  if (step === null) return 'wrong';
  const res = await db
    .updateTable('operators')
    .set({ totp_last_step: step.toString() })
    .where('id', '=', op.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', sql<string>`${step.toString()}::bigint`)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'ok' : 'wrong';
}
