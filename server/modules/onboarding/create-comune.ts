// A new comune and its first administrator, in one transaction: the tenant row, the officer (role
// admin, a generated temporary password that must be changed at the first sign-in) and their audit
// entries, written by the system actor "cli". The password is returned to be shown once; only its
// argon2id hash is stored and it is never logged nor audited.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { hashPassword, temporaryPassword } from '../operators/index.ts';
import { checkAdminFields, checkComuneFields, type ComuneFields, type ComuneFieldsInput } from './domain/comune-fields.ts';
import { OnboardingError } from './errors.ts';

export const CLI_ACTOR = { type: 'system', id: 'cli' } as const;

export interface CreatedComune {
  tenantId: string;
  slug: string;
  name: string;
  admin: { id: string; username: string; displayName: string };
  /** Shown once to whoever ran the command; stored only as a hash. */
  temporaryPassword: string;
}

/** Checks every field (all problems at once) and returns the normalised comune and administrator. */
export function checkNewComune(input: ComuneFieldsInput & { adminUsername?: string; adminName?: string }): {
  comune: ComuneFields;
  admin: { username: string; displayName: string };
} {
  const comune = checkComuneFields(input);
  const admin = checkAdminFields({ username: input.adminUsername, displayName: input.adminName });
  const problems = [...comune.problems, ...admin.problems];
  if (problems.length || !comune.fields)
    throw new OnboardingError(
      'The comune was not created:',
      problems.map((p) => `${p.option}: ${p.message}`),
    );
  return { comune: comune.fields, admin: { username: admin.username, displayName: admin.displayName } };
}

const slugTaken = (slug: string, name: string) =>
  new OnboardingError(`A comune with the slug "${slug}" exists already (${name}): nothing was written. Choose another slug, or import offices into it with "comune import".`);

export async function createComune(ctx: AppContext, comune: ComuneFields, admin: { username: string; displayName: string }): Promise<CreatedComune> {
  const existing = await ctx.db.selectFrom('tenants').select('name').where('slug', '=', comune.slug).executeTakeFirst();
  if (existing) throw slugTaken(comune.slug, existing.name);
  const password = temporaryPassword(admin);
  const passwordHash = await hashPassword(password);
  const ids = await ctx.bus.transaction(ctx.db, async (trx) => {
    // The unique slug decides between two installers racing: the loser writes nothing.
    const tenant = await trx
      .insertInto('tenants')
      .values({
        slug: comune.slug,
        name: comune.name,
        istat_code: comune.istatCode,
        cadastral_code: comune.cadastralCode,
        fiscal_code: comune.fiscalCode,
        patron_day: comune.patronDay,
        patron_name: comune.patronName,
        reference_prefix: comune.referencePrefix,
        branding: JSON.stringify(comune.branding),
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!tenant) throw slugTaken(comune.slug, 'created meanwhile');
    const officer = await trx
      .insertInto('operators')
      .values({
        tenant_id: tenant.id,
        username: admin.username,
        display_name: admin.displayName,
        password_hash: passwordHash,
        role: 'admin',
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { branding, ...identity } = comune;
    await ctx.bus.record(trx, { tenantId: tenant.id, actor: CLI_ACTOR, action: 'tenant.created', entityId: tenant.id, details: { ...identity, branding }, payload: {} });
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor: CLI_ACTOR,
      action: 'operator.created',
      entityId: officer.id,
      details: { username: admin.username, role: 'admin', officeIds: [], passwordGenerated: true },
    });
    return { tenantId: tenant.id, adminId: officer.id };
  });
  return {
    tenantId: ids.tenantId,
    slug: comune.slug,
    name: comune.name,
    admin: { id: ids.adminId, ...admin },
    temporaryPassword: password,
  };
}

export interface ComuneSummary {
  slug: string;
  name: string;
  istatCode: string | null;
  region: string | null;
  offices: number;
  services: number;
  desks: number;
  admins: number;
  createdAt: Date;
}

/** Every comune with the size of its catalogue and its active administrators. */
export async function listComuni(db: Kysely<DB>): Promise<ComuneSummary[]> {
  const rows = await db
    .selectFrom('tenants as t')
    .select((eb) => [
      't.slug',
      't.name',
      't.istat_code',
      't.branding',
      't.created_at',
      eb.selectFrom('offices').select(eb.fn.countAll<number>().as('n')).whereRef('offices.tenant_id', '=', 't.id').as('offices'),
      eb.selectFrom('services').select(eb.fn.countAll<number>().as('n')).whereRef('services.tenant_id', '=', 't.id').as('services'),
      eb.selectFrom('desks').select(eb.fn.countAll<number>().as('n')).whereRef('desks.tenant_id', '=', 't.id').as('desks'),
      eb
        .selectFrom('operators')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('operators.tenant_id', '=', 't.id')
        .where('operators.role', '=', 'admin')
        .where('operators.active', '=', true)
        .as('admins'),
    ])
    .orderBy('t.slug')
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    istatCode: r.istat_code,
    region: r.branding?.region ?? null,
    offices: Number(r.offices ?? 0),
    services: Number(r.services ?? 0),
    desks: Number(r.desks ?? 0),
    admins: Number(r.admins ?? 0),
    createdAt: r.created_at,
  }));
}
