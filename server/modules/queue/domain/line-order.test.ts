import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { callableBy, compareTickets, deskLine, laneOf, ticketsAhead, type LineTicket } from './line-order.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const rules = { earlyMin: 15 };

const ticketArb = (i: number) =>
  fc
    .record({
      queueId: fc.constantFrom('q1', 'q2'),
      sortAt: fc.integer({ min: NOW - 180 * MIN, max: NOW }),
      appointmentAt: fc.option(fc.integer({ min: NOW - 60 * MIN, max: NOW + 120 * MIN }), { nil: null }),
      late: fc.boolean(),
      priority: fc.boolean(),
      targetDeskId: fc.option(fc.constantFrom('d1', 'd2'), { nil: null, freq: 4 }),
    })
    .map((t): LineTicket => ({ ...t, id: `t${String(i).padStart(4, '0')}`, arrival: i }));

const lineArb = fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ticketArb(i))));

let arrivals = 0;
const walkIn = (id: string, sortAt: number, extra: Partial<LineTicket> = {}): LineTicket => ({
  id,
  queueId: 'q1',
  sortAt,
  appointmentAt: null,
  late: false,
  priority: false,
  targetDeskId: null,
  arrival: ++arrivals,
  ...extra,
});

describe('line order', () => {
  it('is a total order: any arrival order of the same tickets gives the same line', () => {
    fc.assert(
      fc.property(lineArb, fc.integer(), (tickets, seed) => {
        const sorted = [...tickets].sort((a, b) => compareTickets(a, b, NOW, rules, 'd1'));
        const shuffled = fc.sample(fc.shuffledSubarray(tickets, { minLength: tickets.length, maxLength: tickets.length }), { numRuns: 1, seed })[0]!;
        const again = [...shuffled].sort((a, b) => compareTickets(a, b, NOW, rules, 'd1'));
        assert.deepEqual(
          again.map((t) => t.id),
          sorted.map((t) => t.id),
        );
        for (let i = 0; i + 1 < sorted.length; i++) assert.ok(compareTickets(sorted[i]!, sorted[i + 1]!, NOW, rules, 'd1') < 0);
      }),
    );
  });

  it('serves a checked-in appointment whose time is near ahead of every walk-in, priority ones too', () => {
    fc.assert(
      fc.property(lineArb, (tickets) => {
        const line = deskLine(tickets, 'd1', new Set(['q1', 'q2']), NOW, rules);
        const lanes = line.map((t) => laneOf(t, NOW, rules, 'd1'));
        const rank = { desk: 0, appointment: 1, priority: 2, walk_in: 3 };
        for (let i = 0; i + 1 < lanes.length; i++) assert.ok(rank[lanes[i]!] <= rank[lanes[i + 1]!], `lanes out of order: ${lanes.join(',')}`);
        // Within the walk-in lanes, arrival order; within appointments, appointment order.
        for (let i = 0; i + 1 < line.length; i++) {
          const [a, b] = [line[i]!, line[i + 1]!];
          if (lanes[i] !== lanes[i + 1]) continue;
          if (lanes[i] === 'appointment') assert.ok(a.appointmentAt! <= b.appointmentAt!);
          else assert.ok(a.sortAt <= b.sortAt);
        }
      }),
    );
  });

  it('puts a booking 15 minutes before its time ahead of someone who has waited an hour', () => {
    const hourAgo = walkIn('w1', NOW - 60 * MIN);
    const booked = walkIn('b1', NOW - 1 * MIN, { appointmentAt: NOW + 15 * MIN });
    assert.deepEqual(
      deskLine([hourAgo, booked], 'd1', new Set(['q1']), NOW, rules).map((t) => t.id),
      ['b1', 'w1'],
    );
    // Sixteen minutes before: not yet, it waits as a walk-in by its arrival.
    const early = { ...booked, appointmentAt: NOW + 16 * MIN };
    assert.deepEqual(
      deskLine([hourAgo, early], 'd1', new Set(['q1']), NOW, rules).map((t) => t.id),
      ['w1', 'b1'],
    );
  });

  it('sends a late arrival to the walk-in line at the time it checked in', () => {
    const late = walkIn('b1', NOW - 2 * MIN, { appointmentAt: NOW - 30 * MIN, late: true });
    const before = walkIn('w1', NOW - 5 * MIN);
    const after = walkIn('w2', NOW - 1 * MIN);
    assert.equal(laneOf(late, NOW, rules), 'walk_in');
    assert.deepEqual(
      deskLine([after, late, before], 'd1', new Set(['q1']), NOW, rules).map((t) => t.id),
      ['w1', 'b1', 'w2'],
    );
  });

  it('serves a priority class first among walk-ins, in arrival order', () => {
    const a = walkIn('a', NOW - 30 * MIN);
    const p1 = walkIn('p1', NOW - 10 * MIN, { priority: true });
    const p2 = walkIn('p2', NOW - 5 * MIN, { priority: true });
    assert.deepEqual(
      deskLine([a, p2, p1], 'd1', new Set(['q1']), NOW, rules).map((t) => t.id),
      ['p1', 'p2', 'a'],
    );
  });

  it('gives a transferred ticket to its desk first and to no other desk', () => {
    fc.assert(
      fc.property(lineArb, (tickets) => {
        for (const t of tickets) {
          if (t.targetDeskId === 'd1') {
            assert.ok(callableBy(t, 'd1', new Set()));
            assert.ok(!callableBy(t, 'd2', new Set(['q1', 'q2'])));
          }
        }
        const line = deskLine(tickets, 'd1', new Set(['q1']), NOW, rules);
        const firstOther = line.findIndex((t) => t.targetDeskId !== 'd1');
        if (firstOther >= 0) assert.ok(line.slice(firstOther).every((t) => t.targetDeskId !== 'd1'));
      }),
    );
  });

  it('tells each citizen exactly how many a single desk will call before them', () => {
    fc.assert(
      fc.property(lineArb, (raw) => {
        const tickets = raw.map((t) => ({ ...t, queueId: 'q1', targetDeskId: null }));
        const line = deskLine(tickets, 'd1', new Set(['q1']), NOW, rules);
        for (const [i, t] of line.entries()) assert.equal(ticketsAhead(t, tickets, NOW, rules).length, i);
      }),
    );
  });
});
