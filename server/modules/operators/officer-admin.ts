// Officer administration: admins create officers, change their role, offices and display name,
// disable and enable them, and reset their password; managers may look at the officers of their
// own offices; operators at none. Every change is audited in its transaction. The comune always
// keeps an active admin: a change that would leave none is refused, under a lock on the admins.
import type { Officer, OfficerCreate, OfficerListQuery, OfficerPatch, OfficerWithPassword } from '../../../contracts/officers.ts';
import type { Static } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { knownOffices, lockActiveAdmins, officerRows, replaceOffices, toOfficer, type OfficerFilter } from './officer-repository.ts';
import { assertStrongPassword } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { clearUsername } from './throttle-repository.ts';
import { assertAdmin, forbidden } from '../../platform/staff/policy.ts';
import { endSessions, type OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { temporaryPassword } from './temporary-password.ts';

const officerNotFound = () => appError('NOT_FOUND', { variant: 'officer' });
const usernameTaken = () => appError('USERNAME_TAKEN');
const lastAdmin = () => appError('LAST_ADMIN');
const blankName = () =>
  appError('VALIDATION', {
    variant: 'displayName',
    extra: {
      fields: [{ field: 'displayName', message: 'almeno 2 caratteri' }],
    },
  });
const selfReset = () => appError('SELF_RESET');

/** What an officer may see of the comune's officers: all (admins), their offices' (managers), none. */
function visibility(op: OperatorPrincipal): OfficerFilter {
  if (op.role === 'admin') return {};
  if (op.role === 'manager') return { sharingOffices: op.officeIds ?? [] };
  throw forbidden();
}

export async function listOfficers(ctx: AppContext, op: OperatorPrincipal, q: Static<typeof OfficerListQuery>): Promise<Officer[]> {
  const rows = await officerRows(ctx.db, op.tenantId, { ...visibility(op), officeId: q.officeId, role: q.role, active: q.active });
  return rows.map((r) => toOfficer(r, ctx.clock.now()));
}

export async function getOfficer(ctx: AppContext, op: OperatorPrincipal, officerId: string): Promise<Officer> {
  const [row] = await officerRows(ctx.db, op.tenantId, { ...visibility(op), id: officerId });
  if (!row) throw officerNotFound();
  return toOfficer(row, ctx.clock.now());
}

async function checkOffices(ctx: AppContext, tenantId: string, officeIds: string[]): Promise<string[]> {
  const unique = [...new Set(officeIds)];
  const known = await knownOffices(ctx.db, tenantId, unique);
  if (known.size !== unique.length)
    throw appError('UNKNOWN_OFFICE', {
      extra: {
        fields: [{ field: 'officeIds', message: 'ufficio sconosciuto' }],
      },
    });
  return unique;
}

export async function createOfficer(ctx: AppContext, op: OperatorPrincipal, input: OfficerCreate): Promise<OfficerWithPassword> {
  assertAdmin(op);
  const username = input.username.toLowerCase();
  const displayName = input.displayName.trim();
  if (displayName.length < 2) throw blankName();
  const password = input.temporaryPassword ?? temporaryPassword({ username, displayName });
  assertStrongPassword(password, { username, displayName }, 'temporaryPassword');
  const officeIds = input.role === 'admin' ? [] : await checkOffices(ctx, op.tenantId, input.officeIds ?? []);
  const taken = await ctx.db.selectFrom('operators').select('id').where('tenant_id', '=', op.tenantId).where('username', '=', username).executeTakeFirst();
  if (taken) throw usernameTaken();
  const passwordHash = await hashPassword(password);
  const id = await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .insertInto('operators')
      .values({
        tenant_id: op.tenantId,
        username,
        display_name: displayName,
        email: input.email?.trim() || null,
        password_hash: passwordHash,
        role: input.role,
        must_change_password: true,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'username']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw usernameTaken();
    await replaceOffices(trx, op.tenantId, row.id, officeIds);
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'operator.created',
      entityType: 'operator',
      entityId: row.id,
      details: { username, role: input.role, officeIds, passwordGenerated: !input.temporaryPassword },
    });
    return row.id;
  });
  return { officer: await getOfficer(ctx, op, id), temporaryPassword: password };
}

export async function updateOfficer(ctx: AppContext, op: OperatorPrincipal, officerId: string, patch: OfficerPatch): Promise<Officer> {
  assertAdmin(op);
  if (patch.displayName !== undefined && patch.displayName.trim().length < 2) throw blankName();
  const wantedOffices = patch.officeIds === undefined ? undefined : await checkOffices(ctx, op.tenantId, patch.officeIds);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    // Admins first, then the officer: every transaction takes the locks in this order (no deadlock).
    const admins = patch.role !== undefined || patch.active !== undefined ? await lockActiveAdmins(trx, op.tenantId) : [];
    const before = await trx
      .selectFrom('operators')
      .select(['id', 'role', 'active', 'display_name', 'email'])
      .where('tenant_id', '=', op.tenantId)
      .where('id', '=', officerId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw officerNotFound();
    const role = patch.role ?? before.role;
    const active = patch.active ?? before.active;
    const losesAdmin = before.role === 'admin' && before.active && (role !== 'admin' || !active);
    if (losesAdmin && !admins.some((id) => id !== officerId)) throw lastAdmin();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (patch.displayName !== undefined && patch.displayName.trim() !== before.display_name) changes.displayName = { from: before.display_name, to: patch.displayName.trim() };
    const email = patch.email === undefined ? before.email : patch.email?.trim() || null;
    if (email !== before.email) changes.email = { from: before.email, to: email };
    if (role !== before.role) changes.role = { from: before.role, to: role };
    if (active !== before.active) changes.active = { from: before.active, to: active };
    await trx
      .updateTable('operators')
      .set({ display_name: patch.displayName?.trim() ?? before.display_name, email, role, active })
      .where('id', '=', officerId)
      .execute();
    if (role === 'admin' || wantedOffices !== undefined) {
      const previous = (await trx.selectFrom('operator_offices').select('office_id').where('operator_id', '=', officerId).execute()).map((r) => r.office_id).sort();
      const next = role === 'admin' ? [] : [...wantedOffices!].sort();
      if (previous.join() !== next.join()) {
        await replaceOffices(trx, op.tenantId, officerId, next);
        changes.officeIds = { from: previous, to: next };
      }
    }
    // A disabled officer's sessions end now, not at their next request's check; so does their seat
    // at a queue desk (the desk is free for a colleague, its parked tickets stay there).
    const endedSessions = !active && before.active ? await endSessions(trx, officerId) : 0;
    if (!active && before.active)
      await trx.updateTable('desk_sessions').set({ ended_at: ctx.clock.now() }).where('operator_id', '=', officerId).where('ended_at', 'is', null).execute();
    if (Object.keys(changes).length) {
      const action = changes.active ? (active ? 'operator.enabled' : 'operator.disabled') : 'operator.updated';
      await ctx.bus.record(trx, {
        actor: { type: 'operator', id: op.id },
        tenantId: op.tenantId,
        action,
        entityType: 'operator',
        entityId: officerId,
        details: { changes, ...(endedSessions ? { endedSessions } : {}) },
      });
    }
  });
  return getOfficer(ctx, op, officerId);
}

/** A new temporary password (shown once), sessions ended, lockout cleared; optionally no TOTP. */
export async function resetPassword(ctx: AppContext, op: OperatorPrincipal, officerId: string, opts: { removeTotp?: boolean }): Promise<OfficerWithPassword> {
  assertAdmin(op);
  if (officerId === op.id) throw selfReset();
  const target = await ctx.db
    .selectFrom('operators')
    .select(['id', 'username', 'display_name', 'totp_secret'])
    .where('tenant_id', '=', op.tenantId)
    .where('id', '=', officerId)
    .executeTakeFirst();
  if (!target) throw officerNotFound();
  const password = temporaryPassword({ username: target.username, displayName: target.display_name });
  const passwordHash = await hashPassword(password);
  const removeTotp = Boolean(opts.removeTotp && target.totp_secret);
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx
      .updateTable('operators')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        ...(opts.removeTotp ? { totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null } : {}),
      })
      .where('id', '=', officerId)
      .execute();
    // Whatever waits strangers' failures imposed on this username are lifted with the new password.
    await clearUsername(trx, op.tenantId, target.username);
    const endedSessions = await endSessions(trx, officerId);
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: op.tenantId,
      action: 'operator.password-reset',
      entityType: 'operator',
      entityId: officerId,
      details: { totpRemoved: removeTotp, endedSessions },
    });
  });
  return { officer: await getOfficer(ctx, op, officerId), temporaryPassword: password };
}
