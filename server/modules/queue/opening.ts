// Whether a line takes tickets now: the hours of its desks today, with the office's closures and
// the holidays (the same rules as bookings), and the office's "numbers from N minutes before".
import type { AppContext } from '../../platform/context.ts';
import { holidaySet } from '../../platform/time/holidays.ts';
import { workingIntervals } from '../scheduling/index.ts';
import { localDate, wallClock } from '../../platform/time/zoned-time.ts';
import { loadExceptions } from '../scheduling/index.ts';
import { ticketWindow, type TicketWindow } from './domain/ticket-window.ts';
import { queueDeskSchedules } from './repository.ts';

export interface OpeningTenant {
  id: string;
  time_zone: string;
  patron_day: string | null;
  patron_name: string | null;
}

export async function ticketWindowNow(
  ctx: AppContext,
  tenant: OpeningTenant,
  office: { id: string; queue_opens_before_min: number },
  queueIds: readonly string[],
): Promise<TicketWindow> {
  const now = ctx.clock.now().getTime();
  const tz = tenant.time_zone;
  const day = localDate(now, tz);
  const [desks, exceptions] = await Promise.all([queueDeskSchedules(ctx.db, queueIds), loadExceptions(ctx.db, tenant.id, office.id, day, day)]);
  const holidays = holidaySet(day, day, { day: tenant.patron_day, name: tenant.patron_name });
  const intervals = desks.flatMap((d) => workingIntervals(d, day, exceptions, holidays));
  const w = wallClock(now, tz);
  return ticketWindow(intervals, w.hour * 60 + w.minute, office.queue_opens_before_min);
}
