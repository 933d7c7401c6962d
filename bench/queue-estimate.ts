// How wrong is the wait estimate? A simulated day at the registry office: 2,000 citizens take a
// number between 08:00 and 14:00 (busier mid-morning), 18 desks serve from 08:30 with service times
// drawn around 3 minutes; the domain clock jumps from event to event and every step goes through the
// HTTP API. For each ticket the estimate shown when it was taken is compared with the wait it had
// (taken → called): mean absolute error of the range's middle, and the share of waits inside the range.
import type { Harness } from '../test/support/harness.ts';
import { registryOffice, registryOfficers, seatOfficer } from '../test/support/queue.ts';
import type { Row } from './stats.ts';

const TICKETS = 2000;
const DESKS = 18;
const DAY_START = Date.parse('2026-03-03T07:00:00Z'); // Tuesday 08:00 in Rome
const MIN = 60_000;

/** A small seeded generator, so every run simulates the same day. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Arrival minutes after 08:00 over six hours, twice as dense from 09:00 to 11:30. */
function arrivals(random: () => number): number[] {
  const weight = (m: number) => (m >= 60 && m < 210 ? 2 : 1);
  const out: number[] = [];
  while (out.length < TICKETS) {
    const m = random() * 360;
    if (random() * 2 < weight(m)) out.push(m);
  }
  return out.sort((a, b) => a - b);
}

/** Service minutes: log-normal around 3 minutes, a few long ones. */
function serviceMinutes(random: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(30, Math.max(0.5, Math.exp(Math.log(2.8) + 0.45 * z)));
}

export async function queueEstimate(h: Harness): Promise<Row[]> {
  // Accuracy does not depend on the engine: simulated once, on PGlite.
  if (h.ctx.database.engine !== 'pglite') return [];
  const random = rng(20260303);
  const { officeId, serviceId } = await registryOffice(h);
  // The simulated office works 08:30-14:30 on this Tuesday.
  const desks = await h.ctx.db.selectFrom('desks').select('id').where('office_id', '=', officeId).execute();
  await h.ctx.db
    .deleteFrom('desk_hours')
    .where(
      'desk_id',
      'in',
      desks.map((d) => d.id),
    )
    .execute();
  const tenant = await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow();
  await h.ctx.db
    .insertInto('desk_hours')
    .values(desks.map((d) => ({ tenant_id: tenant.id, desk_id: d.id, weekday: 2, start_time: '08:30', end_time: '14:30' })))
    .execute();

  h.clock.set(new Date(DAY_START));
  const officers = await registryOfficers(h, DESKS);
  const acts: Array<Awaited<ReturnType<typeof seatOfficer>>> = [];
  for (const o of officers) acts.push(await seatOfficer(h, o.deskId, o.username));

  const times = arrivals(random).map((m) => DAY_START + m * MIN);
  const tickets = new Map<string, { takenAt: number; estimate: { minMinutes: number; maxMinutes: number }; calledAt?: number }>();
  const busyUntil: Array<number | null> = Array(DESKS).fill(null);
  const opensAt = DAY_START + 30 * MIN;
  let next = 0;
  let phone = 0;

  const callNext = async (d: number, at: number) => {
    h.clock.set(new Date(at));
    const res = await acts[d]!('call-next');
    if (res.statusCode === 204) {
      busyUntil[d] = null;
      return;
    }
    const t = tickets.get(res.json().ticket.id)!;
    t.calledAt = at;
    busyUntil[d] = at + serviceMinutes(random) * MIN;
  };

  let opened = false;
  for (;;) {
    const arrival = next < times.length ? times[next]! : Infinity;
    let desk = -1;
    let free = Infinity;
    busyUntil.forEach((b, i) => {
      if (b !== null && b < free) [desk, free] = [i, b];
    });
    const opening = opened ? Infinity : opensAt;
    const at = Math.min(arrival, free, opening);
    if (at === Infinity) break;
    if (at === opening) {
      // The desks open: each calls the first of the line.
      opened = true;
      for (let d = 0; d < DESKS; d++) await callNext(d, opensAt);
    } else if (arrival <= free) {
      h.clock.set(new Date(arrival));
      const p = ++phone;
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/bari/offices/${officeId}/tickets`,
        payload: { serviceId },
        headers: { 'x-forwarded-for': `10.77.${p >> 8}.${p & 255}` },
      });
      if (res.statusCode !== 201) throw new Error(`ticket ${res.statusCode} ${res.body}`);
      const body = res.json();
      tickets.set(body.id, { takenAt: arrival, estimate: body.estimatedWait });
      next++;
      // An idle desk calls the newcomer at once.
      if (opened) for (let d = 0; d < DESKS; d++) if (busyUntil[d] === null) await callNext(d, arrival);
    } else {
      await callNext(desk, free);
    }
  }

  const samples = [...tickets.values()].filter((t) => t.calledAt !== undefined);
  const waits = samples.map((t) => (t.calledAt! - t.takenAt) / MIN);
  const errors = samples.map((t, i) => Math.abs((t.estimate.minMinutes + t.estimate.maxMinutes) / 2 - waits[i]!));
  const within = samples.filter((t, i) => waits[i]! >= t.estimate.minMinutes - 0.5 && waits[i]! <= t.estimate.maxMinutes + 0.5).length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [
    { figure: `queue simulated day: ${samples.length} tickets over ${DESKS} desks, mean / max wait`, value: `${mean(waits).toFixed(1)} / ${Math.max(...waits).toFixed(1)} min` },
    { figure: 'queue wait estimate: mean absolute error (middle of the range)', value: `${mean(errors).toFixed(1)} min` },
    { figure: 'queue wait estimate: waits inside the range shown', value: `${Math.round((within / samples.length) * 100)} %` },
  ];
}
