// Rooms an officer opens on the spot (a citizen on the phone, at a kiosk): open at once for a
// configured time, with one token per party; the citizen's link is emailed when an address is given.
import type { ImmediateRoomCreated, ImmediateRoomRequest } from '../../../contracts/video.ts';
import { audit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { queueMail } from '../../platform/mail.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { formatWhen } from '../booking/emails.ts';
import { assertOffice } from '../operators/policy.ts';
import type { OperatorPrincipal } from '../operators/sessions.ts';
import { formatInstant } from '../scheduling/domain/zoned-time.ts';
import type { Tenant } from '../tenants/repository.ts';
import { immediateCitizenUrl, officerRoomUrl } from './links.ts';
import { insertRoomToken } from './room-repository.ts';

export async function createImmediateRoom(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, req: ImmediateRoomRequest): Promise<ImmediateRoomCreated> {
  if (req.officeId) assertOffice(op, req.officeId);
  // A room belongs to an office when we can tell which: the one asked for, or the officer's only one.
  const officeId = req.officeId ?? (op.officeIds?.length === 1 ? op.officeIds[0]! : null);
  const now = ctx.clock.now();
  const closesAt = new Date(now.getTime() + ctx.config.video.immediateRoomMinutes * 60_000);
  const officerToken = newSecret();
  const citizenToken = newSecret();
  const email = req.email?.trim() || null;
  const citizenUrl = immediateCitizenUrl(ctx.config, tenant.slug, citizenToken);
  const { id, emailed } = await ctx.db.transaction().execute(async (trx) => {
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
    await audit(trx, {
      tenantId: tenant.id,
      actorType: 'operator',
      actorId: op.id,
      action: 'video.room.create',
      entityType: 'video_room',
      entityId: room.id,
      details: { officeId, emailedTo: email, closesAt: closesAt.toISOString() },
    });
    let sent = false;
    if (email) {
      const until = formatWhen(closesAt, tenant.time_zone);
      sent = await queueMail(trx, {
        tenantId: tenant.id,
        to: email,
        subject: `${tenant.name}: il link per la videochiamata con l'operatore`,
        text: [
          'Gentile cittadina, gentile cittadino,',
          '',
          `un operatore del ${tenant.name} la attende in videochiamata. Per entrare apra questo link:`,
          citizenUrl,
          '',
          `Il link è personale e vale fino a ${until}. Le serviranno un browser aggiornato e, se possibile, videocamera e microfono.`,
          '',
          `${tenant.name}`,
        ].join('\n'),
        dedupeKey: `room:${room.id}:invite`,
      });
    }
    return { id: room.id, emailed: sent };
  });
  return { id, officerUrl: officerRoomUrl(ctx.config, tenant.slug, officerToken), citizenUrl, closesAt: formatInstant(closesAt.getTime(), tenant.time_zone), emailed };
}
