// Officer sessions: a random 256-bit id in an HttpOnly cookie, stored as its SHA-256 with a CSRF
// token that cookie-authenticated writes must echo in the x-csrf-token header. A new id is issued at
// every login (no session fixation); sessions expire after a fixed lifetime.
import type { Kysely } from 'kysely';
import type { DB, OperatorRole } from '../../platform/db/schema.ts';
import { hashSecret, newSecret } from '../../platform/security/tokens.ts';

export const SESSION_HOURS = 10;

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
}

export async function createSession(db: Kysely<DB>, tenantId: string, operatorId: string, now: Date): Promise<{ sessionId: string; csrfToken: string; expiresAt: Date }> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.insertInto('operator_sessions').values({ id_hash: hashSecret(sessionId), tenant_id: tenantId, operator_id: operatorId, csrf_token: csrfToken, expires_at: expiresAt }).execute();
  return { sessionId, csrfToken, expiresAt };
}

export async function findPrincipal(db: Kysely<DB>, tenantId: string, sessionId: string, now: Date): Promise<OperatorPrincipal | null> {
  const sessionHash = hashSecret(sessionId);
  const row = await db
    .selectFrom('operator_sessions as s')
    .innerJoin('operators as o', 'o.id', 's.operator_id')
    .select(['o.id', 'o.tenant_id', 'o.username', 'o.display_name', 'o.role', 's.csrf_token'])
    .where('s.id_hash', '=', sessionHash)
    .where('s.tenant_id', '=', tenantId)
    .where('s.expires_at', '>', now)
    .where('o.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
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
  };
}

export async function deleteSession(db: Kysely<DB>, sessionHash: string): Promise<void> {
  await db.deleteFrom('operator_sessions').where('id_hash', '=', sessionHash).execute();
}
