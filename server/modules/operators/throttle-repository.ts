// The SQL of sign-in throttling (login_throttles, policy in throttle-policy.ts): what an attempt
// finds, a failure counted under its three keys, a success or an admin's reset clearing counts.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { blockAfter, THROTTLE, type ThrottleKind } from './throttle-policy.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AttemptKeys {
  tenantId: string;
  /** As typed, trimmed and lower-cased: unknown usernames are counted like known ones. */
  username: string;
  /** addressKey() of the client's address. */
  address: string;
}

const keysOf = (a: AttemptKeys): Record<ThrottleKind, string> => ({
  pair: `pair:${a.tenantId}:${a.username}:${a.address}`,
  address: `address:${a.address}`,
  account: `account:${a.tenantId}:${a.username}`,
});

export interface ThrottleState {
  /** Attempts from this address (for this username) wait until then; null: they may go on. */
  blockedUntil: Date | null;
  /** Failures on this username from every address, in the current window. */
  accountFailures: number;
}

export async function readThrottle(db: Db, a: AttemptKeys, now: Date): Promise<ThrottleState> {
  const keys = keysOf(a);
  const rows = await db
    .selectFrom('login_throttles')
    .select(['kind', 'failures', 'blocked_until'])
    .where('key', 'in', [keys.pair, keys.address, keys.account])
    .where('expires_at', '>', now)
    .execute();
  let blockedUntil: Date | null = null;
  let accountFailures = 0;
  for (const r of rows) {
    if (r.kind === 'account') accountFailures = r.failures;
    else if (r.blocked_until && r.blocked_until > now && (!blockedUntil || r.blocked_until > blockedUntil)) blockedUntil = r.blocked_until;
  }
  return { blockedUntil, accountFailures };
}

export interface CountedFailure {
  failures: Record<ThrottleKind, number>;
  /** The waits this failure started (none, or the pair's and/or the address's). */
  started: Array<{ kind: ThrottleKind; until: Date }>;
}

/**
 * Counts one failure under the pair, the address and the username, in one statement (parallel
 * failures cannot undercount; rows are always taken in that order, so two cannot deadlock), then
 * starts the waits the new counts call for. In the caller's transaction.
 */
export async function countFailure(trx: Transaction<DB>, a: AttemptKeys, now: Date): Promise<CountedFailure> {
  const keys = keysOf(a);
  const expires = new Date(now.getTime() + THROTTLE.windowMs);
  const fresh = { failures: 1, last_failure_at: now, expires_at: expires };
  const rows = await trx
    .insertInto('login_throttles')
    .values([
      { key: keys.pair, kind: 'pair', tenant_id: a.tenantId, username: a.username, address: a.address, ...fresh },
      { key: keys.address, kind: 'address', tenant_id: null, username: null, address: a.address, ...fresh },
      { key: keys.account, kind: 'account', tenant_id: a.tenantId, username: a.username, address: null, ...fresh },
    ])
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // A count whose window has passed starts again.
        failures: sql`case when login_throttles.expires_at <= ${now} then 1 else login_throttles.failures + 1 end`,
        blocked_until: sql`case when login_throttles.expires_at <= ${now} then null else login_throttles.blocked_until end`,
        last_failure_at: now,
        expires_at: expires,
      }),
    )
    .returning(['key', 'kind', 'failures', 'blocked_until'])
    .execute();
  const counted: CountedFailure = { failures: { pair: 0, address: 0, account: 0 }, started: [] };
  for (const r of rows) {
    counted.failures[r.kind] = r.failures;
    const wait = blockAfter(r.kind, r.failures);
    if (!wait) continue;
    const until = new Date(now.getTime() + wait);
    // A longer wait already running (set by a parallel attempt) is never shortened.
    if (r.blocked_until && r.blocked_until >= until) continue;
    await trx.updateTable('login_throttles').set({ blocked_until: until }).where('key', '=', r.key).execute();
    counted.started.push({ kind: r.kind, until });
  }
  return counted;
}

/** A right login forgets this address's failures on this username (never the address's own count). */
export async function clearPair(db: Db, a: AttemptKeys): Promise<void> {
  await db.deleteFrom('login_throttles').where('key', '=', keysOf(a).pair).execute();
}

/** An admin's reset: every wait on this username, from every address, is lifted. */
export async function clearUsername(db: Db, tenantId: string, username: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('tenant_id', '=', tenantId).where('username', '=', username).execute();
}

/** Deletes the counts whose window has passed (they are ignored anyway); returns how many. */
export async function expireThrottles(db: Db, now: Date): Promise<number> {
  const res = await db.deleteFrom('login_throttles').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
