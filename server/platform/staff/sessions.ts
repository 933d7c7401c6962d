// Officer sessions: a random 256-bit id in an HttpOnly cookie, stored as its SHA-256 with a CSRF
// token that cookie-authenticated writes must echo in the x-csrf-token header. A new id is issued at
// every login (no session fixation). A session ends 10 hours after login whatever happens, and after
// OPERATOR_IDLE_MINUTES without requests; its last-seen time is written at most once a minute, so a
// busy console costs one small update a minute, not one per request.
import type { Kysely, Transaction } from 'kysely';
import type { DB, OperatorRole } from '../db/schema.ts';
import { hashSecret, newSecret } from '../security/tokens.ts';

export const SESSION_HOURS = 10;
const TOUCH_EVERY_MS = 60_000;

export interface OperatorPrincipal {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  /** null: every office of the comune */
  officeIds: string[] | null;
  csrfToken: string;
  sessionHash: string;
  /** After an admin's create or reset: only the password change is allowed until it is done. */
  mustChangePassword: boolean;
  totpEnabled: boolean;
}

export async function createSession(db: Kysely<DB>, tenantId: string, operatorId: string, now: Date): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db
    .insertInto('operator_sessions')
    .values({ id_hash: hashSecret(sessionId), tenant_id: tenantId, operator_id: operatorId, csrf_token: csrfToken, expires_at: expiresAt, last_seen_at: now })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/** The officer behind a live session, or null (unknown, expired, idle too long, officer disabled). */
export async function findPrincipal(db: Kysely<DB>, tenantId: string, sessionId: string, now: Date, idleMinutes: number): Promise<OperatorPrincipal | null> {
  const sessionHash = hashSecret(sessionId);
  const row = await db
    .selectFrom('operator_sessions as s')
    .innerJoin('operators as o', 'o.id', 's.operator_id')
    .select(['o.id', 'o.tenant_id', 'o.username', 'o.display_name', 'o.role', 'o.must_change_password', 'o.totp_secret', 's.csrf_token', 's.last_seen_at'])
    .where('s.id_hash', '=', sessionHash)
    .where('s.tenant_id', '=', tenantId)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - idleMinutes * 60_000))
    .where('o.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
    await db.updateTable('operator_sessions').set({ last_seen_at: now }).where('id_hash', '=', sessionHash).execute();
  }
  const offices = await db.selectFrom('operator_offices').select('office_id').where('operator_id', '=', row.id).execute();
  return {
    id: row.id,
    tenantId: row.tenant_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    officeIds: offices.length ? offices.map((o) => o.office_id) : null,
    csrfToken: row.csrf_token,
    sessionHash,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_secret !== null,
  };
}

export async function deleteSession(db: Kysely<DB>, sessionHash: string): Promise<void> {
  await db.deleteFrom('operator_sessions').where('id_hash', '=', sessionHash).execute();
}

/** Ends an officer's sessions (all, or all but the one making the change). */
export async function endSessions(db: Kysely<DB> | Transaction<DB>, operatorId: string, exceptHash?: string): Promise<number> {
  let q = db.deleteFrom('operator_sessions').where('operator_id', '=', operatorId);
  if (exceptHash) q = q.where('id_hash', '<>', exceptHash);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}
