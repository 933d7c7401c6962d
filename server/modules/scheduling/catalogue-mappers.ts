import type { Office, Service } from '../../../contracts/catalogue.ts';
import type { findOffice, ServiceRow } from './catalogue-repository.ts';

export function toOffice(o: NonNullable<Awaited<ReturnType<typeof findOffice>>>): Office {
  return { id: o.id, name: o.name, description: o.description, address: o.address, phone: o.phone, email: o.email, openingHours: o.opening_hours, hasQueue: o.has_queue };
}

export function toService(s: ServiceRow): Service {
  return {
    id: s.id,
    officeId: s.office_id,
    name: s.name,
    description: s.description,
    topic: s.topic,
    durationMinutes: s.duration_min,
    mode: s.mode,
    whatToBring: s.what_to_bring,
    minNoticeMinutes: s.min_notice_min,
    horizonDays: s.horizon_days,
    cutoffMinutes: s.cutoff_min,
    capacity: Number(s.capacity ?? 0),
  };
}
