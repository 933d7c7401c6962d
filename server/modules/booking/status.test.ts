import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingStatus } from '../../platform/db/schema.ts';
import { nextStatus, type OfficerAction } from './status.ts';

describe('booking status transitions', () => {
  it('follows the desk workflow', () => {
    assert.equal(nextStatus('pending', 'confirm'), 'confirmed');
    assert.equal(nextStatus('confirmed', 'check-in'), 'checked_in');
    assert.equal(nextStatus('checked_in', 'done'), 'done');
    assert.equal(nextStatus('confirmed', 'no-show'), 'no_show');
    assert.equal(nextStatus('confirmed', 'cancel'), 'cancelled');
  });

  it('never leaves a final state', () => {
    const actions: OfficerAction[] = ['confirm', 'check-in', 'no-show', 'done', 'cancel'];
    for (const s of ['done', 'no_show', 'cancelled', 'held'] as BookingStatus[]) {
      for (const a of actions) assert.equal(nextStatus(s, a), null, `${s} + ${a}`);
    }
  });
});
