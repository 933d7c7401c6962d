// Citizens as the identity module writes them: created or updated at every login with what the
// provider asserts (sessions and the citizen's row reads are in platform/citizens).
import type { Kysely, Transaction } from 'kysely';
import type { CitizenRow } from '../../platform/citizens/sessions.ts';
import type { CitizenProvider, DB } from '../../platform/db/schema.ts';
import type { CitizenIdentity } from './domain/claims.ts';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * The citizen with this fiscal code, created at the first login and updated at every login with
 * what the provider asserts now (a new address after a change of residence). The contact email is
 * set from the provider only while the citizen has chosen none.
 */
export async function upsertCitizen(db: Q, tenantId: string, id: CitizenIdentity, provider: CitizenProvider, now: Date): Promise<CitizenRow> {
  return db
    .insertInto('citizens')
    .values({
      tenant_id: tenantId,
      fiscal_code: id.fiscalCode,
      given_name: id.givenName,
      family_name: id.familyName,
      birth_date: id.birthDate,
      birth_place: id.birthPlace,
      residence_address: id.residenceAddress,
      identity_email: id.email,
      email: id.email,
      email_verified_at: id.email ? now : null,
      phone: id.phone,
      spid_level: id.spidLevel,
      last_provider: provider,
      last_login_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'fiscal_code']).doUpdateSet((eb) => ({
        given_name: id.givenName,
        family_name: id.familyName,
        birth_date: id.birthDate,
        birth_place: id.birthPlace,
        residence_address: id.residenceAddress,
        identity_email: id.email,
        email: eb.fn.coalesce('citizens.email', eb.val(id.email)),
        spid_level: id.spidLevel,
        last_provider: provider,
        last_login_at: now,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
