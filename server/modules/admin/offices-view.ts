// Offices as officers see them: with desks (and the services each desk serves) and all services,
// active or not.
import type { Kysely } from 'kysely';
import type { OperatorOffice } from '../../../contracts/operator.ts';
import type { DB } from '../../platform/db/schema.ts';

export async function listOperatorOffices(db: Kysely<DB>, tenantId: string, officeIds: string[] | null): Promise<OperatorOffice[]> {
  let oq = db.selectFrom('offices').selectAll().where('tenant_id', '=', tenantId);
  if (officeIds) oq = oq.where('id', 'in', officeIds.length ? officeIds : ['00000000-0000-0000-0000-000000000000']);
  const offices = await oq.orderBy('position').orderBy('name').execute();
  if (!offices.length) return [];
  const ids = offices.map((o) => o.id);
  const [desks, links, services] = await Promise.all([
    db.selectFrom('desks').select(['id', 'office_id', 'name', 'active']).where('office_id', 'in', ids).orderBy('num').execute(),
    db.selectFrom('desk_services').select(['desk_id', 'service_id']).where('tenant_id', '=', tenantId).execute(),
    db.selectFrom('services').selectAll().where('office_id', 'in', ids).orderBy('position').orderBy('name').execute(),
  ]);
  return offices.map((o) => ({
    id: o.id,
    name: o.name,
    address: o.address,
    description: o.description,
    phone: o.phone,
    email: o.email,
    openingHours: o.opening_hours,
    active: o.active,
    desks: desks
      .filter((d) => d.office_id === o.id)
      .map((d) => ({ id: d.id, name: d.name, active: d.active, serviceIds: links.filter((l) => l.desk_id === d.id).map((l) => l.service_id) })),
    services: services
      .filter((s) => s.office_id === o.id)
      .map((s) => ({
        id: s.id,
        name: s.name,
        mode: s.mode,
        durationMinutes: s.duration_min,
        bufferMinutes: s.buffer_min,
        minNoticeMinutes: s.min_notice_min,
        horizonDays: s.horizon_days,
        cutoffMinutes: s.cutoff_min,
        maxActivePerCitizen: s.max_active_per_citizen,
        requiresApproval: s.requires_approval,
        description: s.description,
        topic: s.topic,
        whatToBring: s.what_to_bring,
        videoOpensBeforeMinutes: s.video_opens_before_min,
        videoClosesAfterMinutes: s.video_closes_after_min,
        active: s.active,
      })),
  }));
}
