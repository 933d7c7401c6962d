// A case's term from its history: the registration day, the card's maximum days, and the suspensions
// the events mark (an integration request until the citizen answers; a notice of rejection until the
// observations, 10 days at most), in the comune's calendar. The rule itself is pure (domain/terms.ts).
import type { CaseTerm } from '../../../contracts/cases.ts';
import { holidaySet } from '../../platform/time/holidays.ts';
import { addDays, localDate } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { caseTerm, DEFAULT_TERM_DAYS, noticeSuspension, type Suspension } from './domain/terms.ts';

export interface TermEvent {
  action: string | null;
  at: Date;
}

export function suspensionsOf(events: TermEvent[], tz: string): Suspension[] {
  const out: Suspension[] = [];
  let integration: string | null = null;
  let notice: string | null = null;
  for (const e of events) {
    const day = localDate(new Date(e.at).getTime(), tz);
    if (e.action === 'request_integration') integration = day;
    if (e.action === 'submit_integration' && integration) {
      out.push({ from: integration, to: day });
      integration = null;
    }
    if (e.action === 'notice_of_rejection') notice = day;
    if (e.action === 'submit_observations' && notice) {
      out.push(noticeSuspension(notice, day));
      notice = null;
    }
  }
  if (integration) out.push({ from: integration, to: null });
  if (notice) out.push(noticeSuspension(notice, null));
  return out;
}

export function termOf(tenant: Pick<Tenant, 'time_zone' | 'patron_day' | 'patron_name'>, registeredAt: Date, maxDays: number | null, events: TermEvent[], now: Date): CaseTerm {
  const start = localDate(new Date(registeredAt).getTime(), tenant.time_zone);
  const holidays = holidaySet(start, addDays(start, 3 * 3650), { day: tenant.patron_day, name: tenant.patron_name });
  const term = caseTerm({
    start,
    maxDays,
    suspensions: suspensionsOf(events, tenant.time_zone),
    today: localDate(now.getTime(), tenant.time_zone),
    isHoliday: (d) => holidays.has(d),
  });
  return { ...term, maxDays: maxDays ?? DEFAULT_TERM_DAYS };
}
