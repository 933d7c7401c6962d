// Citizens' sessions (SPID/CIE logins): a random 256-bit id in an HttpOnly cookie, stored as its
// SHA-256 with the CSRF token writes must echo. Kept in the platform because every capability that
// serves a logged-in citizen (booking, the personal area, applications, payments) reads them.
import type { Kysely, Transaction } from 'kysely';
import type { CitizenProvider, DB } from '../db/schema.ts';
import { hashSecret, newSecret } from '../security/tokens.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 8;

export async function findCitizen(db: Q, tenantId: string, citizenId: string) {
  return db.selectFrom('citizens').selectAll().where('tenant_id', '=', tenantId).where('id', '=', citizenId).executeTakeFirst();
}
export type CitizenRow = NonNullable<Awaited<ReturnType<typeof findCitizen>>>;

export interface CitizenPrincipal {
  citizen: CitizenRow;
  sessionHash: string;
  csrfToken: string;
  provider: CitizenProvider;
  spidLevel: number | null;
  /** The login's level of assurance (SPID or CIE), when known. */
  level: number | null;
  idToken: string | null;
}

export async function createCitizenSession(
  db: Q,
  s: { tenantId: string; citizenId: string; provider: CitizenProvider; spidLevel: number | null; level?: number | null; idToken: string | null; now: Date },
) {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(s.now.getTime() + SESSION_MAX_HOURS * 3_600_000);
  await db
    .insertInto('citizen_sessions')
    .values({
      id_hash: hashSecret(sessionId),
      tenant_id: s.tenantId,
      citizen_id: s.citizenId,
      csrf_token: csrfToken,
      provider: s.provider,
      spid_level: s.spidLevel,
      level: s.level ?? s.spidLevel,
      id_token: s.idToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: expiresAt,
    })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/** The session's citizen, unless expired or idle for too long; refreshes the idle clock (once a minute at most). */
export async function findCitizenPrincipal(db: Q, tenantId: string, sessionId: string, now: Date): Promise<CitizenPrincipal | null> {
  const idHash = hashSecret(sessionId);
  const s = await db
    .selectFrom('citizen_sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('tenant_id', '=', tenantId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - SESSION_IDLE_MINUTES * 60_000))
    .executeTakeFirst();
  if (!s) return null;
  const citizen = await findCitizen(db, tenantId, s.citizen_id);
  if (!citizen) return null;
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) await db.updateTable('citizen_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  return { citizen, sessionHash: idHash, csrfToken: s.csrf_token, provider: s.provider, spidLevel: s.spid_level, level: s.level, idToken: s.id_token };
}

export async function deleteCitizenSession(db: Q, idHash: string): Promise<void> {
  await db.deleteFrom('citizen_sessions').where('id_hash', '=', idHash).execute();
}
