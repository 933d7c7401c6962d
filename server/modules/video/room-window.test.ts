import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { roomPhase } from './room-window.ts';

const MIN = 60_000;

describe('video room window', () => {
  const start = Date.parse('2026-03-03T09:00:00Z');
  const end = start + 20 * MIN;

  it('opens 15 minutes before the start and closes 30 minutes after the end', () => {
    assert.deepEqual(roomPhase(start, end, start - 16 * MIN), { phase: 'not_yet', opensAt: start - 15 * MIN });
    assert.deepEqual(roomPhase(start, end, start - 15 * MIN), { phase: 'open', closesAt: end + 30 * MIN });
    assert.deepEqual(roomPhase(start, end, end + 30 * MIN - 1), { phase: 'open', closesAt: end + 30 * MIN });
    assert.deepEqual(roomPhase(start, end, end + 30 * MIN), { phase: 'closed', closedAt: end + 30 * MIN });
  });

  it('follows per-service rules, and every instant is in exactly one phase, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 5, max: 480 }),
        fc.integer({ min: -1000, max: 1000 }),
        (before, after, duration, offsetMin) => {
          const e = start + duration * MIN;
          const now = start + offsetMin * MIN;
          const p = roomPhase(start, e, now, { opensBeforeMin: before, closesAfterMin: after });
          if (now < start - before * MIN) return p.phase === 'not_yet';
          if (now >= e + after * MIN) return p.phase === 'closed';
          return p.phase === 'open';
        },
      ),
    );
  });
});
