// Checking an officer's credentials: password (argon2id), then the TOTP code when the officer
// enrolled one. Failed attempts — wrong passwords and wrong codes alike — are throttled per username
// and client address, per address, and slowed down per username (throttle-policy.ts), never by
// locking the account: a stranger's guesses must not lock a comune's admin out. Unknown usernames go
// through the same counts and answers as known ones, and every path verifies exactly one argon2 hash
// (the decoy's for an unknown username), so neither the answer nor its time reveals an account.
// A right password without a code answers TOTP_REQUIRED and creates nothing.
import type { Words } from '../../../contracts/statuses.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import { accountDelay, addressKey, retryAfterSeconds, THROTTLE } from './throttle-policy.ts';
import { type AttemptKeys, clearPair, countFailure, readThrottle } from './throttle-repository.ts';
import { totpInvalid, totpUnavailable, useTotpCode } from './totp-check.ts';

const badCredentials = () => appError('INVALID_CREDENTIALS');
const totpRequired = () => appError('TOTP_REQUIRED');

function waitWords(seconds: number): Words {
  if (seconds < 60) return seconds === 1 ? { it: '1 secondo', en: '1 second' } : { it: `${seconds} secondi`, en: `${seconds} seconds` };
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? { it: '1 minuto', en: '1 minute' } : { it: `${minutes} minuti`, en: `${minutes} minutes` };
}

/** 429 LOGIN_THROTTLED, with the seconds to wait (the route sends them as Retry-After too). */
export function loginThrottled(until: Date, now: Date) {
  const seconds = retryAfterSeconds(until, now);
  return appError('LOGIN_THROTTLED', { params: { wait: waitWords(seconds) }, extra: { retryAfter: seconds } });
}

export interface LoginAttempt {
  tenantId: string;
  username: string;
  password: string;
  totpCode?: string;
  ip: string;
}

type OperatorRow = { id: string; active: boolean; password_hash: string; totp_secret: string | null; totp_last_step: string | null };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The officer's id when the credentials are right; otherwise throws the reason (401 or 429). */
export async function checkCredentials(ctx: AppContext, attempt: LoginAttempt): Promise<string> {
  const now = ctx.clock.now();
  const keys: AttemptKeys = { tenantId: attempt.tenantId, username: attempt.username.trim().toLowerCase(), address: addressKey(attempt.ip) };
  const op = await ctx.db
    .selectFrom('operators')
    .select(['id', 'active', 'password_hash', 'totp_secret', 'totp_last_step'])
    .where('tenant_id', '=', keys.tenantId)
    .where('username', '=', keys.username)
    .executeTakeFirst();
  const throttle = await readThrottle(ctx.db, keys, now);
  // Many failures on this username from everywhere: every answer comes later (slower guessing from
  // many addresses), but none is refused for it.
  const delay = accountDelay(throttle.accountFailures);
  if (delay) await sleep(delay);
  // One verification on every path; a disabled account's password is verified too, then refused.
  const passwordOk = (await verifyPassword(op?.password_hash ?? (await decoyHash()), attempt.password)) && op !== undefined && op.active;

  if (throttle.blockedUntil) {
    // This address waits. Only the whole proof gets through — the right password with a valid code of
    // the officer's second factor (an officer behind the same router as the stranger) — and the answer
    // never says which part was wrong, so waiting addresses cannot test passwords.
    if (passwordOk && op.totp_secret && attempt.totpCode && (await useTotpCode(ctx, ctx.db, op, attempt.totpCode)) === 'ok') return loggedIn(ctx, attempt, keys, op);
    ctx.log.info({ tenantId: keys.tenantId, ip: attempt.ip }, 'officer sign-in refused: this address waits after failed attempts');
    throw loginThrottled(throttle.blockedUntil, now);
  }
  if (!passwordOk) return recordFailure(ctx, attempt, keys, op?.id ?? null, 'operator.login-failed');
  if (op.totp_secret) {
    if (!attempt.totpCode) throw totpRequired();
    const outcome = await useTotpCode(ctx, ctx.db, op, attempt.totpCode);
    if (outcome === 'unreadable') throw totpUnavailable();
    if (outcome === 'wrong') return recordFailure(ctx, attempt, keys, op.id, 'operator.totp-failed');
  }
  return loggedIn(ctx, attempt, keys, op);
}

async function loggedIn(ctx: AppContext, attempt: LoginAttempt, keys: AttemptKeys, op: OperatorRow): Promise<string> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await clearPair(trx, keys);
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: attempt.tenantId,
      action: 'operator.logged-in',
      details: { ip: attempt.ip, secondFactor: Boolean(op.totp_secret) },
    });
  });
  return op.id;
}

/**
 * Counts the failure (unknown usernames too) and audits it for a known account: as
 * 'operator.login-throttled' when it made this address wait or brought the username to the ceiling.
 */
async function recordFailure(
  ctx: AppContext,
  attempt: LoginAttempt,
  keys: AttemptKeys,
  operatorId: string | null,
  action: 'operator.login-failed' | 'operator.totp-failed',
): Promise<never> {
  const now = ctx.clock.now();
  const counted = await ctx.bus.transaction(ctx.db, async (trx) => {
    const c = await countFailure(trx, keys, now);
    if (operatorId) {
      const slowed = c.failures.account === THROTTLE.accountCeiling;
      const throttled = c.started.length > 0 || slowed;
      await ctx.bus.record(trx, {
        actor: { type: 'operator', id: operatorId },
        tenantId: attempt.tenantId,
        action: throttled ? 'operator.login-throttled' : action,
        details: {
          ip: attempt.ip,
          ...(throttled ? { failed: action, waits: c.started.map((s) => ({ scope: s.kind, until: s.until.toISOString() })), slowedDown: slowed } : {}),
        },
      });
    }
    return c;
  });
  if (counted.failures.account === THROTTLE.accountCeiling) {
    ctx.log.warn({ tenantId: keys.tenantId, username: keys.username }, 'officer sign-in: many failed attempts on one username; its answers are slowed down');
  }
  const until = counted.started.map((s) => s.until).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) throw loginThrottled(until, now);
  throw action === 'operator.totp-failed' ? totpInvalid() : badCredentials();
}
