// Turning an officer's second factor on and off, from their own profile. Setup stores a new secret
// as pending (sealed) and shows it as an otpauth:// URI and QR code; only a correct code from the
// app moves it to active, so nobody is locked out by a half-finished enrolment. Turning it off needs
// a current code. Admins remove it with a password reset (a lost phone).
import type { TotpSetup } from '../../../contracts/officers.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { qrSvg } from '../../platform/qr.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { totpKey, useTotpCode } from './totp-check.ts';
import { sealTotpSecret } from './totp-secrets.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

const alreadyOn = () => appError('TOTP_ALREADY_ENABLED');
const notOn = () => appError('TOTP_NOT_ENABLED');
const noSetup = () => appError('TOTP_NO_SETUP');
const wrongCode = () => appError('TOTP_INVALID', { variant: 'setup', extra: { fields: [{ field: 'code', message: 'codice non valido' }] } });

async function totpState(ctx: AppContext, op: OperatorPrincipal) {
  return ctx.db.selectFrom('operators').select(['id', 'totp_secret', 'totp_pending_secret', 'totp_last_step']).where('id', '=', op.id).executeTakeFirstOrThrow();
}

export async function startTotpSetup(ctx: AppContext, op: OperatorPrincipal, tenantName: string): Promise<TotpSetup> {
  if ((await totpState(ctx, op)).totp_secret) throw alreadyOn();
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('operators')
    .set({ totp_pending_secret: await sealTotpSecret(ctx, op.id, secret) })
    .where('id', '=', op.id)
    .execute();
  const uri = otpauthUri(secret, `Sportello ${tenantName}`, op.username);
  return { secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
}

export async function confirmTotp(ctx: AppContext, op: OperatorPrincipal, code: string): Promise<void> {
  const state = await totpState(ctx, op);
  if (state.totp_secret) throw alreadyOn();
  if (!state.totp_pending_secret) throw noSetup();
  const key = await totpKey(ctx, op.id, state.totp_pending_secret);
  if (!key) throw noSetup();
  const step = matchTotp(key, code, ctx.clock.now().getTime(), null);
  if (step === null) throw wrongCode();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const res = await trx
      .updateTable('operators')
      // The confirming code counts as used: it cannot sign in a moment later.
      .set({ totp_secret: state.totp_pending_secret, totp_pending_secret: null, totp_enabled_at: ctx.clock.now(), totp_last_step: step.toString() })
      .where('id', '=', op.id)
      .where('totp_secret', 'is', null)
      .where('totp_pending_secret', '=', state.totp_pending_secret!)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw noSetup();
    await ctx.bus.record(trx, { actor: { type: 'operator', id: op.id }, tenantId: op.tenantId, action: 'operator.totp-enabled', entityType: 'operator', entityId: op.id });
  });
}

export async function disableTotp(ctx: AppContext, op: OperatorPrincipal, code: string): Promise<void> {
  const state = await totpState(ctx, op);
  if (!state.totp_secret) throw notOn();
  const outcome = await useTotpCode(ctx, ctx.db, state, code);
  if (outcome === 'unreadable') throw appError('TOTP_UNAVAILABLE', { variant: 'profile' });
  if (outcome !== 'ok') throw wrongCode();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('operators').set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', op.id).execute();
    await ctx.bus.record(trx, { actor: { type: 'operator', id: op.id }, tenantId: op.tenantId, action: 'operator.totp-disabled', entityType: 'operator', entityId: op.id });
  });
}
