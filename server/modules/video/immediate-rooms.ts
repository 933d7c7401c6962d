// Rooms an officer opens on the spot (a citizen on the phone, at a kiosk): open at once for a
// configured time, with one token per party; the citizen's link is emailed when an address is given.
import type { ImmediateRoomCreated, ImmediateRoomRequest } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { formatWhen } from '../booking/index.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { immediateCitizenUrl, officerRoomUrl } from './links.ts';
import { insertRoomToken } from './room-repository.ts';

export async function createImmediateRoom(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, req: ImmediateRoomRequest): Promise<ImmediateRoomCreated> {
  if (req.officeId) {
    assertOffice(op, req.officeId);
    // A random id or another comune's office: "not found", as anywhere else (the foreign key would answer 500).
    const office = await ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', tenant.id).where('id', '=', req.officeId).executeTakeFirst();
    if (!office) throw appError('NOT_FOUND', { variant: 'office' });
  }
  // A room belongs to an office when we can tell which: the one asked for, or the officer's only one.
  const officeId = req.officeId ?? (op.officeIds?.length === 1 ? op.officeIds[0]! : null);
  const now = ctx.clock.now();
  const closesAt = new Date(now.getTime() + ctx.config.video.immediateRoomMinutes * 60_000);
  const officerToken = newSecret();
  const citizenToken = newSecret();
  const email = req.email?.trim() || null;
  const citizenUrl = immediateCitizenUrl(ctx.config, tenant.slug, citizenToken);
  const { id, emailed } = await ctx.bus.transaction(ctx.db, async (trx) => {
    const room = await trx
      .insertInto('video_rooms')
      .values({
        tenant_id: tenant.id,
        kind: 'immediate',
        office_id: officeId,
        opens_at: now,
        closes_at: closesAt,
        citizen_name: req.citizenName?.trim() || null,
        citizen_email: email,
        created_by: op.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertRoomToken(trx, { tenantId: tenant.id, roomId: room.id, party: 'officer', operatorId: op.id, token: officerToken });
    await insertRoomToken(trx, { tenantId: tenant.id, roomId: room.id, party: 'citizen', operatorId: null, token: citizenToken });
    // The citizen's invitation (when an address was given) goes with the audit entry of the room.
    const invite: CitizenNotice | null = email
      ? {
          dedupeKey: `room:${room.id}:invite`,
          subject: `${tenant.name}: il link per la videochiamata con l'operatore`,
          lines: [
            'Gentile cittadina, gentile cittadino,',
            '',
            `un operatore del ${tenant.name} la attende in videochiamata. Per entrare apra questo link:`,
            citizenUrl,
            '',
            `Il link è personale e vale fino a ${formatWhen(closesAt, tenant.time_zone)}. Le serviranno un browser aggiornato e, se possibile, videocamera e microfono.`,
          ],
          email: { to: email, footer: ['', tenant.name], brand: { ...tenant.branding, name: tenant.name, publicUrl: ctx.config.publicUrl } },
        }
      : null;
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: tenant.id,
      action: 'video.room-opened',
      entityType: 'video_room',
      entityId: room.id,
      details: { officeId, emailedTo: email, closesAt: closesAt.toISOString() },
      notices: invite ? [invite] : [],
    });
    return { id: room.id, emailed: Boolean(email) };
  });
  return { id, officerUrl: officerRoomUrl(ctx.config, tenant.slug, officerToken), citizenUrl, closesAt: formatInstant(closesAt.getTime(), tenant.time_zone), emailed };
}
