import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOOKING_STATUSES, type BookingStatus } from '../../../../contracts/statuses.ts';
import { type BookingAction, nextStatus } from './status.ts';

describe('booking status transitions', () => {
  it('follows the desk workflow', () => {
    assert.equal(nextStatus('pending', 'confirm'), 'confirmed');
    assert.equal(nextStatus('confirmed', 'check-in'), 'checked_in');
    assert.equal(nextStatus('checked_in', 'done'), 'done');
    assert.equal(nextStatus('confirmed', 'no-show'), 'no_show');
    assert.equal(nextStatus('confirmed', 'cancel'), 'cancelled');
  });

  it('moves a booking in time without changing its status', () => {
    assert.equal(nextStatus('pending', 'reschedule'), 'pending');
    assert.equal(nextStatus('confirmed', 'reschedule'), 'confirmed');
    assert.equal(nextStatus('checked_in', 'reschedule'), null);
  });

  it('never leaves a final state', () => {
    const actions: BookingAction[] = ['confirm', 'check-in', 'no-show', 'done', 'cancel', 'reschedule'];
    for (const s of ['done', 'no_show', 'cancelled', 'held'] as BookingStatus[]) {
      for (const a of actions) assert.equal(nextStatus(s, a), null, `${s} + ${a}`);
    }
  });

  it('knows every status of the catalogue', () => {
    for (const s of BOOKING_STATUSES) for (const a of ['cancel', 'done'] as const) assert.ok(nextStatus(s, a) === null || BOOKING_STATUSES.includes(nextStatus(s, a)!));
  });
});
